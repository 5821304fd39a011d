package org.perfdesk.report.xlsx;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perfdesk.domain.OrgUnit;

/**
 * The unit's organisations by the names staff write in 责任单位/责任人. The sheet shows names; an
 * owner whose name two organisations share is written by its code, so every export reads back.
 */
final class OwnerNames {
    /** What a typed owner resolved to: a code, or why not. */
    sealed interface Match permits Found, Unknown, Ambiguous {
    }

    record Found(String code) implements Match {
    }

    record Unknown() implements Match {
    }

    record Ambiguous(List<String> codes) implements Match {
    }

    private final Map<String, OrgUnit> byCode = new LinkedHashMap<>();
    private final Map<String, List<OrgUnit>> byName = new HashMap<>();

    /** @param units the unit itself and everything below it ({@code findSubtree}) */
    OwnerNames(List<OrgUnit> units) {
        for (OrgUnit u : units) {
            byCode.put(u.code(), u);
            byName.computeIfAbsent(key(u.name()), k -> new ArrayList<>()).add(u);
        }
    }

    /**
     * The same, also reading the names {@code aliases} give their codes (an organisation sheet that
     * names a division the workspace keeps under another name); codes the unit does not know are left out.
     */
    OwnerNames withAliases(List<OrgUnit> aliases) {
        OwnerNames out = new OwnerNames(units());
        for (OrgUnit a : aliases) {
            OrgUnit known = byCode.get(a.code());
            if (known != null && !key(known.name()).equals(key(a.name()))) {
                out.byName.computeIfAbsent(key(a.name()), k -> new ArrayList<>()).add(known);
            }
        }
        return out;
    }

    List<OrgUnit> units() {
        return List.copyOf(byCode.values());
    }

    Set<String> codes() {
        return Set.copyOf(byCode.keySet());
    }

    /** What the sheet shows for an owner code: its name when that is unambiguous, else the code. */
    String display(String code) {
        OrgUnit u = byCode.get(code);
        if (u == null || byName.get(key(u.name())).size() > 1) {
            return code;
        }
        return u.name();
    }

    /** A code as written, else a name compared without spaces and with full- and half-width forms alike. */
    Match resolve(String text) {
        if (byCode.containsKey(text.strip())) {
            return new Found(text.strip());
        }
        List<OrgUnit> named = byName.getOrDefault(key(text), List.of());
        if (named.size() == 1) {
            return new Found(named.get(0).code());
        }
        return named.isEmpty() ? new Unknown() : new Ambiguous(named.stream().map(OrgUnit::code).toList());
    }

    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }
}
