package org.perfdesk.ui.evaluation;

import java.util.List;
import java.util.function.Function;

import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.evaluation.IndicatorRule;
import org.perfdesk.evaluation.InputHashes;

/** How evaluation figures read in the window: ranks with ties, sources of points, what changed. */
final class EvaluationTexts {
    private EvaluationTexts() {
    }

    static String rank(Evaluation.UnitResult r) {
        if (r.rank() == null) {
            return Texts.t("results.unranked");
        }
        return r.tiedWith().isEmpty() ? String.valueOf(r.rank()) : Texts.t("results.tiedRank", r.rank());
    }

    /** The 说明 column: ties and notes. */
    static String remarks(Evaluation.UnitResult r, Function<String, String> nameOf) {
        StringBuilder b = new StringBuilder();
        if (!r.tiedWith().isEmpty()) {
            b.append(Texts.t("results.tiedWith", String.join("、", r.tiedWith().stream().map(nameOf).toList())));
        }
        for (String note : r.notes()) {
            if (b.length() > 0) {
                b.append("；");
            }
            b.append(Texts.t(note));
        }
        return b.toString();
    }

    static String source(IndicatorRule.Line l) {
        return Texts.t("results.source." + l.source().name());
    }

    /** The figure behind the points, in words: "完成率 46.9%", "等级：较好", "逾期 1 个季度", a reason. */
    static String basis(IndicatorRule.Line l) {
        if (l.basis() == null) {
            return "";
        }
        return switch (l.source()) {
            case COMPLETION -> Texts.t("results.basis.completion", l.basis());
            case LEVEL -> Texts.t("results.basis.level", l.basis());
            case MILESTONE -> "0".equals(l.basis()) ? Texts.t("results.basis.onTime")
                    : Texts.t("results.basis.late", l.basis());
            default -> l.basis();
        };
    }

    static String changes(List<InputHashes.Change> changes, Function<String, String> nameOf) {
        return String.join("、", changes.stream().map(c -> c.unitCode() == null ? Texts.t("results.change.scheme")
                : nameOf.apply(c.unitCode()) + "（" + Texts.t("results.change." + c.component()) + "）").toList());
    }

    static String number(java.math.BigDecimal v) {
        return v == null ? "" : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static String plain(java.math.BigDecimal v) {
        return Numbers.plain(v);
    }
}
