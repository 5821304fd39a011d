package org.perfdesk.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

import org.perfdesk.domain.Completion;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.IndicatorScore;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.SelfAssessment;

/**
 * The points one indicator earns under a scheme, and where they come from, so that any total can
 * be traced to the rule and the figure behind it. The office's own score wins; otherwise the rule
 * of the indicator's measure applies to the unit's latest progress (or, for a level, its
 * self-assessment); without material the indicator earns nothing and says so.
 */
public final class IndicatorRule {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private IndicatorRule() {
    }

    /** Where an indicator's points come from. */
    public enum Source {
        /** The office scored it (指标考核). */
        OFFICE,
        /** Completion against the target, from the latest quarter reported. */
        COMPLETION,
        /** The level the unit gave itself. */
        LEVEL,
        /** Done on time, or how many quarters late. */
        MILESTONE,
        /** Nothing reported: no points. */
        NONE
    }

    /**
     * One indicator's line of the drill-down.
     *
     * @param basis   the figure the rule used: completion %, the level, quarters late, or null
     * @param points  earned, two decimals
     */
    public record Line(String nodeId, String title, BigDecimal weight, Source source, String basis,
                       BigDecimal points) {
    }

    public static Line score(GoalNode node, List<Progress> progress, SelfAssessment self, IndicatorScore office,
                             EvaluationScheme scheme) {
        BigDecimal weight = node.weight();
        if (office != null && office.points() != null) {
            return line(node, Source.OFFICE, office.reason(), office.points());
        }
        Progress latest = progress.stream().max(Comparator.comparingInt(Progress::quarter)).orElse(null);
        Measure m = node.measure();
        if (m instanceof Measure.Qualitative q) {
            BigDecimal share = self == null ? null : q.share(self.level());
            return share == null ? none(node) : line(node, Source.LEVEL, self.level(), weight.multiply(share));
        }
        if (m instanceof Measure.Milestone milestone) {
            return milestone(node, milestone, progress, scheme);
        }
        BigDecimal completion = latest == null ? null : latest.completionPercent();
        if (completion == null && latest != null && m instanceof Measure.Quantitative q) {
            completion = Completion.percent(q, latest.actualValue());
        }
        if (completion == null && latest != null && latest.status() == ProgressStatus.DONE) {
            completion = HUNDRED; // a task without a figure that is reported done
        }
        if (completion == null) {
            return none(node);
        }
        BigDecimal counted = completion.max(BigDecimal.ZERO).min(scheme.quantitativeCap());
        return line(node, Source.COMPLETION, completion.toPlainString(),
                weight.multiply(counted).divide(HUNDRED, MathContext.DECIMAL64));
    }

    /** Full points when first reported done in the quarter of its date or before, less per quarter late. */
    private static Line milestone(GoalNode node, Measure.Milestone m, List<Progress> progress, EvaluationScheme scheme) {
        int doneIn = progress.stream().filter(p -> p.status() == ProgressStatus.DONE).mapToInt(Progress::quarter)
                .min().orElse(0);
        if (doneIn == 0) {
            return none(node);
        }
        int dueIn = m.due() == null || m.due().getYear() > scheme.year() ? 4
                : m.due().getYear() < scheme.year() ? 1 : (m.due().getMonthValue() - 1) / 3 + 1;
        int late = Math.max(0, doneIn - dueIn);
        BigDecimal share = BigDecimal.ONE.subtract(scheme.latePenalty().multiply(BigDecimal.valueOf(late))
                .divide(HUNDRED, MathContext.DECIMAL64)).max(BigDecimal.ZERO);
        return line(node, Source.MILESTONE, String.valueOf(late), node.weight().multiply(share));
    }

    private static Line none(GoalNode node) {
        return line(node, Source.NONE, null, BigDecimal.ZERO);
    }

    private static Line line(GoalNode node, Source source, String basis, BigDecimal points) {
        return new Line(node.id(), node.title(), node.weight(), source, basis, points.setScale(2, RoundingMode.HALF_UP));
    }
}
