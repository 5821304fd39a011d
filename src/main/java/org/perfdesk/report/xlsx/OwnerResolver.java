package org.perfdesk.report.xlsx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.perfdesk.domain.Codes;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.TypedInput;

/**
 * Reads what an office's own form writes in its owner columns: names of the unit's organisations,
 * several in one cell (财务处、办公室: the first leads, the others are noted), names the workspace
 * does not know yet (offered as new divisions, or persons), and words that name nobody (牵头单位,
 * 被评估单位, 暂无…), which are kept as notes.
 */
final class OwnerResolver {
    private static final Pattern SPLIT = Pattern.compile("[、,，;；/\\n]+");
    private static final Pattern LEAD_MARK = Pattern.compile("[（(](牵头|主责|负责|主办)[）)]$|^(牵头|主责|负责|主办)[:：]");
    private static final Set<String> NOBODY = Set.of("牵头单位", "责任单位", "被评估单位", "配合单位", "被考核单位", "责任处室",
            "各处室", "各单位", "各部门", "各科室", "全体", "所有处室", "相关单位", "有关单位", "相关处室", "有关处室", "相关部门",
            "无", "暂无", "待定", "另定", "全局", "全厅", "全委", "各地", "各县(市、区)", "各设区市", "省直各部门");
    private static final Pattern NOBODY_START = Pattern.compile("^(暂|待|各|全体|所有|相关|有关|另|由|按|根据|视).*");
    private static final Pattern ORG_END = Pattern.compile(
            ".*(处|室|科|局|厅|委|办|中心|站|所|队|院|会|部|组|司|馆|社|团|区|县|市|政府|公司|集团|学校|医院|股|庭|署|行|台|场|园|厂|办公室|小组|支部)$");
    private static final Pattern PERSON = Pattern.compile("[\\u4e00-\\u9fa5]{2,4}([（(][^（）()]{1,10}[）)])?");
    private static final Set<String> SELF_WORDS = Set.of("本单位", "本局", "本厅", "本委", "本办", "本部门", "我局", "我厅", "我委");

    /** What an owner cell names. */
    record Owners(String ownerCode, String ownerText, List<String> others, List<String> nobody) {
    }

    private final OrgUnit self;
    private final OwnerNames names;
    private final Predicate<String> taken;
    /** New organisations offered, by name key, in the order first named. */
    private final Map<String, OrgUnit> proposed = new LinkedHashMap<>();
    private final Map<String, List<String>> personsByBareName = new HashMap<>();
    /** Names two organisations share, with their codes, met in the last cell read. */
    private final Map<String, List<String>> ambiguous = new LinkedHashMap<>();

    OwnerResolver(OrgUnit self, OwnerNames names, Predicate<String> taken) {
        this.self = self;
        this.names = names;
        this.taken = taken;
        for (OrgUnit u : names.units()) {
            if (u.kind() == OrgKind.PERSON) {
                personsByBareName.computeIfAbsent(bare(u.name()), k -> new ArrayList<>()).add(u.code());
            }
        }
    }

    /** A name that reads as an organisation's (ends in 处, 室, 局, 中心 …), not as words about one. */
    static boolean looksLikeOrganisation(String text) {
        String key = key(text);
        return !isNobody(key) && ORG_END.matcher(key).matches();
    }

    /** Organisations to create for the owners named, parents first. */
    List<OrgUnit> proposals() {
        return List.copyOf(proposed.values());
    }

    boolean isProposed(String code) {
        return proposed.values().stream().anyMatch(o -> o.code().equals(code));
    }

    /** True when the code is a person's, known or offered. */
    boolean isPerson(String code) {
        return proposed.values().stream().anyMatch(o -> o.code().equals(code) && o.kind() == OrgKind.PERSON)
                || names.units().stream().anyMatch(o -> o.code().equals(code) && o.kind() == OrgKind.PERSON);
    }

    /** Names two organisations share, with their codes, met in the last cell read. */
    Map<String, List<String>> ambiguous() {
        return ambiguous;
    }

    /** An owner cell: the first name that is an organisation leads. */
    Owners owners(String text) {
        ambiguous.clear();
        String owner = null;
        String ownerText = null;
        List<String> others = new ArrayList<>();
        List<String> nobody = new ArrayList<>();
        for (String raw : SPLIT.split(text)) {
            String part = LEAD_MARK.matcher(raw.strip()).replaceAll("").strip();
            if (part.isEmpty()) {
                continue;
            }
            String code = division(part);
            if (code == null) {
                nobody.add(part);
            } else if (owner == null) {
                owner = code;
                ownerText = part;
            } else {
                others.add(part);
            }
        }
        return new Owners(owner, ownerText, others, nobody);
    }

    /** A person cell (责任人): the first person named, under {@code divisionCode} when new. */
    Owners person(String text, String divisionCode) {
        ambiguous.clear();
        String owner = null;
        String ownerText = null;
        List<String> others = new ArrayList<>();
        List<String> nobody = new ArrayList<>();
        for (String raw : SPLIT.split(text)) {
            String part = raw.strip();
            if (part.isEmpty()) {
                continue;
            }
            String code = personCode(part, divisionCode);
            if (code == null) {
                nobody.add(part);
            } else if (owner == null) {
                owner = code;
                ownerText = part;
            } else {
                others.add(part);
            }
        }
        return new Owners(owner, ownerText, others, nobody);
    }

    private String division(String part) {
        String key = key(part);
        if (SELF_WORDS.contains(key) || key.equals(key(self.name()))) {
            return self.code();
        }
        OwnerNames.Match m = names.resolve(part);
        if (m instanceof OwnerNames.Found f) {
            return f.code();
        }
        if (m instanceof OwnerNames.Ambiguous a) {
            ambiguous.put(part, a.codes());
            return null;
        }
        if (isNobody(key)) {
            return null;
        }
        if (ORG_END.matcher(key).matches() && key.length() <= 30) {
            return propose(part, OrgKind.DIVISION, self.code());
        }
        if (PERSON.matcher(key).matches()) {
            return personCode(part, self.code());
        }
        return null;
    }

    private String personCode(String part, String under) {
        String key = key(part);
        OwnerNames.Match m = names.resolve(part);
        if (m instanceof OwnerNames.Found f) {
            return f.code();
        }
        List<String> byBare = personsByBareName.getOrDefault(bare(key), List.of());
        if (byBare.size() == 1) {
            return byBare.get(0);
        }
        if (m instanceof OwnerNames.Ambiguous a) {
            ambiguous.put(part, a.codes());
            return null;
        }
        if (byBare.size() > 1) {
            ambiguous.put(part, byBare);
            return null;
        }
        if (isNobody(key) || !PERSON.matcher(key).matches()) {
            return null;
        }
        return propose(part, OrgKind.PERSON, under == null ? self.code() : under);
    }

    private String propose(String name, OrgKind kind, String parent) {
        String key = kind + ":" + key(name);
        OrgUnit there = proposed.get(key);
        if (there != null) {
            return there.code();
        }
        String code = Codes.child(parent, c -> taken.test(c) || proposed.values().stream().anyMatch(o -> o.code().equals(c)));
        OrgUnit unit = new OrgUnit(code, TypedInput.normalized(name).equals(name) ? name : name.strip(), kind, parent);
        proposed.put(key, unit);
        return code;
    }

    private static boolean isNobody(String key) {
        return NOBODY.contains(key) || NOBODY_START.matcher(key).matches() || key.length() > 30
                || key.matches(".*[。；：:!?！？\\d].*");
    }

    private static String key(String name) {
        return TypedInput.normalized(name).replaceAll("\\s+", "");
    }

    /** A person's name without a post in brackets. */
    private static String bare(String name) {
        return key(name).replaceAll("\\(.*\\)$", "");
    }
}
