package org.perfdesk.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.perfdesk.store.AuditLog;

/**
 * The named facts of an audit entry: those it was written with (schema 8 on), or for an entry written
 * by release 0.1.0, the same facts read back from its raw texts, whose forms that release fixed (subject
 * "XM 2008 round 2", after "2|200|{…}", "RETURNED plan=… answer=…", …). One vocabulary for both, so a
 * sentence is made one way. A text that does not have the expected form gives no facts (the sentence
 * then falls back to the raw subject).
 */
public final class AuditFacts {
    /** The prefix release 0.1.0 put before an appraisal form's file name in the reason. */
    static final String APPRAISAL_IMPORT = "公众评议导入：";

    private AuditFacts() {
    }

    public static Map<String, String> of(AuditLog.Entry e) {
        Map<String, String> stored = e.facts();
        if (!stored.isEmpty()) {
            return stored;
        }
        try {
            return legacy(e);
        } catch (RuntimeException unexpectedForm) {
            return Map.of();
        }
    }

    private static Map<String, String> legacy(AuditLog.Entry e) {
        Map<String, String> f = new LinkedHashMap<>();
        String subject = e.subject() == null ? "" : e.subject();
        String before = e.before();
        String after = e.after();
        switch (e.action()) {
            case "scheme", "freeze" -> {
                String[] s = subject.split(" v", 2);
                f.put("year", s[0]);
                f.put("version", s[1]);
                if (e.action().equals("scheme")) {
                    f.put("op", before == null ? "default" : "change");
                }
            }
            case "score" -> {
                int slash = subject.indexOf('/');
                f.put("unit", subject.substring(0, slash));
                f.put("title", subject.substring(slash + 1));
                f.put("op", before == null ? "set" : after == null ? "clear" : "change");
                put(f, "before", before);
                put(f, "after", after);
            }
            case "spotCheck" -> {
                unitAndYear(f, subject);
                for (String pair : after.split(" ")) {
                    String[] kv = pair.split("=", 2);
                    f.put(kv[0], kv[1]);
                }
                f.put("op", "draw");
            }
            case "appraisal" -> {
                String[] s = subject.split(" ");
                f.put("unit", s[0]);
                f.put("year", s[1]);
                f.put("round", s[3]);
                f.put("op", before == null ? "add" : "change");
                f.put("counts", counts(after));
                f.put("sample", after.split("\\|", 3)[1]);
                if (before != null) {
                    f.put("beforeCounts", counts(before));
                    f.put("beforeSample", before.split("\\|", 3)[1]);
                }
                if (e.reason() != null && e.reason().startsWith(APPRAISAL_IMPORT)) {
                    f.put("file", e.reason().substring(APPRAISAL_IMPORT.length()));
                }
            }
            case "inspection" -> {
                String[] s = subject.split(" ");
                f.put("unit", s[0]);
                f.put("op", before == null ? "add" : after == null ? "delete" : "change");
                inspection(f, after != null ? after : before, "");
                if (before != null && after != null) {
                    inspection(f, before, "before");
                }
            }
            case "bonus" -> {
                unitAndYear(f, subject);
                if (before == null) {
                    f.put("op", "add");
                    f.put("points", after);
                    f.put("why", e.reason());
                } else {
                    f.put("op", "delete");
                    String[] p = before.split(" ", 2);
                    f.put("points", p[0]);
                    f.put("why", p.length > 1 ? p[1] : "");
                }
            }
            case "group" -> {
                f.put("unit", subject.split(" ", 2)[0]);
                f.put("before", "null".equals(before) || before == null ? "" : before);
                f.put("after", "null".equals(after) || after == null ? "" : after);
            }
            case "rectification" -> {
                String[] s = subject.split(" ");
                f.put("unit", s[0]);
                f.put("year", s[1]);
                f.put("number", s[2].substring(1));
                if (before == null) {
                    f.put("op", "add");
                    f.put("finding", after);
                } else if (after == null) {
                    f.put("op", "delete");
                    f.put("finding", before);
                } else if (after.equals("closed")) {
                    f.put("op", "close");
                } else if (after.equals("reopened")) {
                    f.put("op", "reopen");
                } else {
                    f.put("op", "edit");
                    f.put("finding", after.split(" \\| ", 2)[0]);
                }
            }
            case "review" -> {
                unitAndYear(f, subject);
                String[] words = after.split(" ");
                f.put("op", words[0]);
                for (int i = 1; i < words.length; i++) {
                    String[] kv = words[i].split("=", 2);
                    f.put(kv[0], kv[1]);
                }
            }
            case "feedback" -> {
                unitAndYear(f, subject);
                f.put("items", after.split(" ", 2)[0]);
                f.put("package", after.substring(after.lastIndexOf(' ') + 1));
            }
            default -> {
                return Map.of();
            }
        }
        return f;
    }

    private static void unitAndYear(Map<String, String> f, String subject) {
        String[] s = subject.split(" ");
        f.put("unit", s[0]);
        f.put("year", s[1]);
    }

    /** "id|date|kind|deduction|finding|sha" (the finding may itself hold "|"). */
    private static void inspection(Map<String, String> f, String text, String prefix) {
        String[] head = text.split("\\|", 5);
        String rest = head[4];
        String finding = rest.substring(0, rest.lastIndexOf('|'));
        if (prefix.isEmpty()) {
            f.put("date", head[1]);
            f.put("year", head[1].substring(0, 4));
            f.put("kind", head[2]);
            f.put("deduction", head[3]);
            f.put("finding", finding);
        } else {
            f.put("beforeDeduction", head[3]);
            f.put("beforeFinding", finding);
        }
    }

    /** The counts of "round|sample|{json}". */
    private static String counts(String text) {
        return text.split("\\|", 3)[2];
    }

    private static void put(Map<String, String> f, String key, String value) {
        if (value != null) {
            f.put(key, value);
        }
    }
}
