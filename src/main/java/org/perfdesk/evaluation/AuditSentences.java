package org.perfdesk.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.Inspection;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Texts;
import org.perfdesk.store.AuditLog;
import org.perfdesk.store.Workspace;

/**
 * The audit log in words: each entry as one sentence in the interface language ("将厦门市 2008 年第 2
 * 轮公众评议由 85.00 分改为 86.50 分，理由：…"), units by name, who as the workspace's unit. The raw
 * texts (package ids, seeds, hashes, the operating system's login) stay in the entry for support.
 * Shared by the window, the exported workbook and the command line.
 */
public final class AuditSentences {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Integer>> COUNTS = new TypeReference<>() {
    };

    private final Map<String, String> unitNames = new HashMap<>();
    private final String self;
    private final Evaluator evaluator;
    private final Map<Integer, EvaluationScheme> schemes = new HashMap<>();

    public AuditSentences(Workspace ws) {
        for (OrgUnit u : ws.orgUnits().findAll()) {
            unitNames.put(u.code(), u.name());
        }
        this.self = ws.self().name();
        this.evaluator = new Evaluator(ws);
    }

    /** Who made the entry, in words: the workspace's unit (its office). */
    public String who(AuditLog.Entry e) {
        return self;
    }

    /** The entry's time as the office reads it: local, to the second. */
    public static String localTime(String instant) {
        try {
            return java.time.Instant.parse(instant).atZone(java.time.ZoneId.systemDefault()).toLocalDateTime()
                    .withNano(0).toString().replace('T', ' ');
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }

    /** The kind of action, in words (评分, 公众评议, …). */
    public static String kind(AuditLog.Entry e) {
        String key = "audit.action." + e.action();
        return Texts.current().has(key) ? Texts.t(key) : e.action();
    }

    /**
     * The check's result in words, the same in the window, the command line and the exported workbook:
     * the first bad entry named, or the number of entries, where the keyed part begins and the last
     * entry's check code to note down.
     */
    public static String verdict(AuditLog.Check c) {
        if (c.broken().isPresent()) {
            AuditLog.Break b = c.broken().get();
            return switch (b.why()) {
                case "legacy" -> Texts.t("audit.broken.legacy", String.valueOf(c.keyedFrom() - 1),
                        String.valueOf(c.keyedFrom()));
                case "cut" -> Texts.t("audit.broken.cut", String.valueOf(b.seq()), String.valueOf(c.recordedHead()));
                default -> Texts.t("audit.broken." + b.why(), String.valueOf(b.seq()));
            };
        }
        StringBuilder out = new StringBuilder(Texts.t("audit.whole", String.valueOf(c.entries())));
        if (c.keyedFrom() > 1) {
            out.append(Texts.t("audit.whole.keyed", String.valueOf(c.keyedFrom() - 1), String.valueOf(c.keyedFrom())));
        }
        if (c.lastHash() != null) {
            out.append(Texts.t("audit.whole.head", String.valueOf(c.entries()), c.shortHead()));
        }
        return out.toString();
    }

    /** The entry as one sentence, with its reason. */
    public String sentence(AuditLog.Entry e) {
        Map<String, String> f = AuditFacts.of(e);
        String said = f.isEmpty() ? null : say(e, f);
        if (said == null) {
            said = Texts.t("audit.say.other", kind(e), Objects.toString(e.subject(), ""));
        }
        String reason = reasonOf(e, f);
        return reason.isBlank() ? said : said + Texts.t("audit.say.reason", reason.strip());
    }

    /** The reason column as the sentence ends with it; some kinds say theirs in the sentence itself. */
    private static String reasonOf(AuditLog.Entry e, Map<String, String> f) {
        String r = e.reason() == null ? "" : e.reason();
        return switch (e.action()) {
            case "scheme" -> "default".equals(f.get("op")) ? "" : r;
            case "appraisal" -> f.containsKey("file") || r.startsWith(AuditFacts.APPRAISAL_IMPORT) ? "" : r;
            case "bonus" -> "add".equals(f.get("op")) ? "" : r;
            case "approval" -> f.containsKey("reference") ? f.getOrDefault("note", "") : r;
            case "verified" -> "";
            default -> r;
        };
    }

    private String say(AuditLog.Entry e, Map<String, String> f) {
        String unit = unit(f.get("unit"));
        String year = f.getOrDefault("year", "");
        String op = f.getOrDefault("op", "");
        return switch (e.action()) {
            case "scheme" -> "default".equals(op)
                    ? Texts.t("audit.say.scheme.default", year, f.get("version"))
                    : schemeChange(e, year, f.get("version"));
            case "score" -> switch (op) {
                case "set" -> Texts.t("audit.say.score.set", unit, f.get("title"), f.get("after"));
                case "clear" -> Texts.t("audit.say.score.clear", unit, f.get("title"), f.get("before"));
                default -> Texts.t("audit.say.score.change", unit, f.get("title"), f.get("before"), f.get("after"));
            };
            case "spotCheck" -> Texts.t("repeat".equals(op) ? "audit.say.spotCheck.repeat" : "audit.say.spotCheck.draw",
                    unit, year, f.get("drawn"), f.get("share"));
            case "appraisal" -> appraisal(f, unit, year, op);
            case "inspection" -> inspection(f, unit, op);
            case "bonus" -> Texts.t("delete".equals(op) ? "audit.say.bonus.delete" : "audit.say.bonus.add", unit, year,
                    f.get("points"), f.getOrDefault("why", ""));
            case "group" -> Texts.t("audit.say.group", unit, group(f.get("before")), group(f.get("after")));
            case "freeze" -> Texts.t(f.containsKey("approval") ? "audit.say.freeze" : "audit.say.freeze.before",
                    year, f.get("version"), f.get("approval"));
            case "rectification" -> Texts.t("audit.say.rectification." + op, unit, year, f.get("number"),
                    f.getOrDefault("finding", ""));
            case "review" -> Texts.t(PlanReview.Decision.APPROVED.name().equals(op) ? "audit.say.review.approved"
                    : "audit.say.review.returned", unit, year);
            case "feedback" -> Texts.t("audit.say.feedback", unit, year, f.get("items"));
            case "restore" -> Texts.t("audit.say.restore", f.get("backup"), f.get("kept"));
            case "verified" -> f.containsKey("before")
                    ? Texts.t("audit.say.verified.change", unit, year, f.get("title"), f.get("body"), f.get("before"),
                    f.get("after"))
                    : Texts.t("audit.say.verified.set", unit, year, f.get("title"), f.get("body"), f.get("after"));
            case "standing" -> Texts.t("audit.say.standing." + op, unit, year);
            case "approval" -> Texts.t("audit.say.approval", year, f.get("date"), f.get("reference"), f.get("by"));
            case "policy" -> Texts.t(Boolean.parseBoolean(f.get("after")) ? "audit.say.policy.requireEncryption.on"
                    : "audit.say.policy.requireEncryption.off");
            case "enroll" -> Texts.t("audit.say.enroll", unit, parent(f.get("parent")), group(f.get("group")),
                    f.get("after"));
            case "enroll-replace-key" -> Texts.t("audit.say.enroll-replace-key", unit, f.get("before"), f.get("after"),
                    parent(f.get("parent")), group(f.get("group")));
            default -> null;
        };
    }

    private String appraisal(Map<String, String> f, String unit, String year, String op) {
        String score = f.containsKey("score") ? f.get("score") : score(f, "counts", "sample");
        String sentence = "change".equals(op)
                ? Texts.t("audit.say.appraisal.change", unit, year, f.get("round"),
                        f.containsKey("beforeScore") ? f.get("beforeScore") : score(f, "beforeCounts", "beforeSample"),
                        score, f.get("sample"))
                : Texts.t("audit.say.appraisal.add", unit, year, f.get("round"), score, f.get("sample"));
        return f.containsKey("file") ? sentence + Texts.t("audit.say.appraisal.file", f.get("file")) : sentence;
    }

    /** A round's score from its counts, with the year's scheme (entries of release 0.1.0 kept no score). */
    private String score(Map<String, String> f, String countsKey, String sampleKey) {
        try {
            int year = Integer.parseInt(f.get("year"));
            Map<String, Integer> counts = JSON.readValue(f.get(countsKey), COUNTS);
            EvaluationScheme s = schemes.computeIfAbsent(year, evaluator::schemeToRead);
            return AppraisalScore.of(new Appraisal(f.get("unit"), year, Integer.parseInt(f.get("round")),
                    Integer.parseInt(f.get(sampleKey)), counts), s).toPlainString();
        } catch (JsonProcessingException | RuntimeException e) {
            return "?";
        }
    }

    private String inspection(Map<String, String> f, String unit, String op) {
        String kind = f.get("kind") == null ? "" : Texts.current().of(Inspection.Kind.valueOf(f.get("kind")));
        return switch (op) {
            case "delete" -> Texts.t("audit.say.inspection.delete", unit, kind, f.get("date"), f.get("finding"),
                    f.get("deduction"));
            case "change" -> Objects.equals(f.get("beforeDeduction"), f.get("deduction"))
                    ? Texts.t("audit.say.inspection.change", unit, kind, f.get("date"), f.get("finding"), f.get("deduction"))
                    : Texts.t("audit.say.inspection.changeDeduction", unit, kind, f.get("date"), f.get("finding"),
                            f.get("beforeDeduction"), f.get("deduction"));
            default -> Texts.t("audit.say.inspection.add", unit, kind, f.get("date"), f.get("finding"), f.get("deduction"));
        };
    }

    private static String group(String name) {
        if (name == null || name.isBlank()) {
            return Texts.t("audit.say.group.none");
        }
        try {
            return Texts.current().of(RankingGroup.valueOf(name));
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    /** "修改 2008 年评估方案（第 2 版）：指标考核权重 70 → 75" from the scheme texts before and after. */
    private static String schemeChange(AuditLog.Entry e, String year, String version) {
        List<String> changes = new ArrayList<>();
        try {
            JsonNode before = JSON.readTree(e.before());
            JsonNode after = JSON.readTree(e.after());
            for (String field : List.of("indicatorWeight", "appraisalWeight", "quantitativeCap", "inspectionCap",
                    "bonusCap", "latePenalty", "spotCheckShare", "appraisalLevels", "note")) {
                JsonNode b = before.path(field);
                JsonNode a = after.path(field);
                if (!b.equals(a)) {
                    changes.add(Texts.t("audit.say.scheme.field", Texts.t("audit.schemeField." + field),
                            schemeValue(b), schemeValue(a)));
                }
            }
        } catch (JsonProcessingException | RuntimeException unreadable) {
            changes.clear();
        }
        return changes.isEmpty() ? Texts.t("audit.say.scheme.change", year, version)
                : Texts.t("audit.say.scheme.changes", year, version, String.join(Texts.t("audit.say.separator"), changes));
    }

    /** A scheme value in words: a number, a text, or the appraisal answers as "满意 100、比较满意 80". */
    private static String schemeValue(JsonNode v) {
        if (v.isArray()) {
            List<String> levels = new ArrayList<>();
            for (JsonNode level : v) {
                levels.add(level.path(0).asText() + " " + level.path(1).asText());
            }
            return String.join(Texts.t("audit.say.listSeparator"), levels);
        }
        if (v.isMissingNode() || v.isNull() || v.asText().isBlank()) {
            return Texts.t("audit.say.empty");
        }
        return v.asText();
    }

    /** The unit a unit was registered under: its name, or "本单位" for the workspace's own. */
    private String parent(String code) {
        return code == null || code.isBlank() ? "" : unit(code);
    }

    private String unit(String code) {
        if (code == null) {
            return "";
        }
        return unitNames.getOrDefault(code, code);
    }
}
