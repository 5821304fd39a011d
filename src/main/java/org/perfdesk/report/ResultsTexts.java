package org.perfdesk.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.evaluation.IndicatorRule;
import org.perfdesk.evaluation.InputHashes;

/**
 * How evaluation figures read on paper (the results workbook, the notice), in one language: ranks
 * with ties, remarks, where an indicator's points come from, what changed since a freeze.
 */
public final class ResultsTexts {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Texts t;

    public ResultsTexts(Texts texts) {
        this.t = texts;
    }

    public Texts texts() {
        return t;
    }

    /** 1, "并列 2", or "不排名". */
    public String rank(Evaluation.UnitResult r) {
        if (r.rank() == null) {
            return t.get("results.unranked");
        }
        return r.tiedWith().isEmpty() ? String.valueOf(r.rank()) : t.get("results.tiedRank", r.rank());
    }

    /** Ties and notes, separated by "；". */
    public String remarks(Evaluation.UnitResult r, Function<String, String> nameOf) {
        StringBuilder b = new StringBuilder();
        if (!r.tiedWith().isEmpty()) {
            b.append(t.get("results.tiedWith", String.join("、", r.tiedWith().stream().map(nameOf).toList())));
        }
        for (String note : r.notes()) {
            if (b.length() > 0) {
                b.append("；");
            }
            b.append(t.get(note));
        }
        return b.toString();
    }

    public String source(IndicatorRule.Line l) {
        return t.get("results.source." + l.source().name());
    }

    /** The figure behind the points, in words: "完成率 46.9%", "等级：较好", "逾期 1 个季度", the office's reason. */
    public String basis(IndicatorRule.Line l) {
        if (l.basis() == null) {
            return "";
        }
        return switch (l.source()) {
            case COMPLETION -> t.get("results.basis.completion", l.basis());
            case LEVEL -> t.get("results.basis.level", l.basis());
            case MILESTONE -> "0".equals(l.basis()) ? t.get("results.basis.onTime") : t.get("results.basis.late", l.basis());
            default -> l.basis();
        };
    }

    /** "厦门市人民政府（察访核验）、评估方案". */
    public String changes(List<InputHashes.Change> changes, Function<String, String> nameOf) {
        return String.join("、", changes.stream().map(c -> c.unitCode() == null ? t.get("results.change.scheme")
                : nameOf.apply(c.unitCode()) + "（" + t.get("results.change." + c.component()) + "）").toList());
    }

    /** The results' standing: not frozen, frozen and unchanged, or frozen with the changes named. */
    public String status(ResultsData data) {
        Map<String, String> names = new java.util.HashMap<>();
        data.results().forEach(r -> names.put(r.unit().code(), r.unit().name()));
        if (data.comparison().isEmpty()) {
            return t.get("results.workbook.status.notFrozen");
        }
        InputHashes.Comparison c = data.comparison().get();
        String when = when(c.freeze().frozenAt());
        return c.unchanged() ? t.get("results.workbook.status.unchanged", when, c.freeze().schemeVersion())
                : t.get("results.workbook.status.changed", when, c.freeze().schemeVersion(),
                        changes(c.changes(), code -> names.getOrDefault(code, code)));
    }

    /** A stored instant in this computer's time zone, to the minute. */
    public static String when(String instant) {
        try {
            return WHEN.format(Instant.parse(instant).atZone(ZoneId.systemDefault()));
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }

    /** Two decimals, as every score is printed. */
    public static String number(BigDecimal v) {
        return v == null ? "" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    public static String plain(BigDecimal v) {
        return Numbers.plain(v);
    }
}
