package org.perfdesk.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The points one indicator earns under a scheme, and where they come from: the one scoring rule
 * behind the office's screens, the results workbook, the notice, the feedback and the unit's
 * self-assessment. Computed from the figures for the scheme's period — the verified figure where an
 * assessing body gave one, else the unit's reported one — never from the percentage the unit typed
 * (kept as its claim, shown beside). The office's own score, with its reason, wins over both.
 *
 * <ul>
 *   <li>Quantitative: points × completion ÷ 100 ({@link Completion}: ≥, ≤ / 控制在, =, range, a target
 *       of 0), completion counted up to the scheme's cap.</li>
 *   <li>Qualitative: full points at or above the target level (the best level when none is named);
 *       {@link EvaluationScheme#levelShares()} one, two, … levels below it.</li>
 *   <li>Milestone (and an indicator without a measure, due at the period's end): full points when done
 *       by the quarter of its date, less the scheme's late penalty per quarter late; not done, nothing.</li>
 *   <li>No figure for the period: nothing, and the line says the figure is missing.</li>
 * </ul>
 */
public final class IndicatorRule {
    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private IndicatorRule() {
    }

    /** Where an indicator's points come from. */
    public enum Source {
        /** The office scored it (指标考核), with a reason. */
        OFFICE,
        /** Completion of a quantitative target. */
        COMPLETION,
        /** The level reached against the target level. */
        LEVEL,
        /** Done on time, or how many quarters late. */
        MILESTONE,
        /** No figure for the period: no points. */
        NONE
    }

    /**
     * A figure for one indicator: a value (quantitative), a level (qualitative), or the quarter a
     * milestone was done in (0 = not done; 5 and up = after the year).
     */
    public record Figure(BigDecimal actual, String level, Integer doneQuarter) {
        public static Figure value(BigDecimal actual) {
            return new Figure(actual, null, null);
        }

        public static Figure level(String level) {
            return new Figure(null, level, null);
        }

        public static Figure doneIn(int quarter) {
            return new Figure(null, null, quarter);
        }

        public static Figure notDone() {
            return new Figure(null, null, 0);
        }

        /** The same figure (5 equals 5.0). */
        public boolean sameAs(Figure other) {
            if (other == null) {
                return false;
            }
            boolean sameValue = actual == null ? other.actual == null
                    : other.actual != null && actual.compareTo(other.actual) == 0;
            return sameValue && Objects.equals(level, other.level) && Objects.equals(doneQuarter, other.doneQuarter);
        }
    }

    /**
     * One indicator's line of the drill-down.
     *
     * @param reported   the unit's figure for the period, or null when it reported none
     * @param verified   the assessing body's figure, or null
     * @param verifiedBy which body verified it
     * @param completion completion of a quantitative target in %, from the figure used (before the cap)
     * @param claimed    the completion % the unit typed for the period: its claim, never used for points
     * @param share      the share of the points earned, in % (after the cap); null for the office's score
     * @param late       quarters a milestone was done after its quarter (0 on time); null otherwise
     * @param basis      the office's reason for its own score; otherwise null
     * @param points     earned, two decimals
     */
    public record Line(String nodeId, String title, BigDecimal weight, Measure measure, Source source, Figure reported,
                       Figure verified, String verifiedBy, BigDecimal completion, BigDecimal claimed, BigDecimal share,
                       Integer late, String basis, BigDecimal points) {
        /** The figure the rule used: the verified one where there is one. */
        public Figure used() {
            return verified != null ? verified : reported;
        }

        /** A verified figure that is not the unit's own. */
        public boolean differs() {
            return verified != null && !verified.sameAs(reported);
        }

        /** Whether the completion went over the scheme's cap (and counted at the cap). */
        public boolean capped() {
            return completion != null && share != null && completion.compareTo(share) > 0;
        }
    }

    /**
     * The indicators that carry the score: nodes with points none of whose children have points (an
     * indicator whose tasks carry no points is scored as one; a goal split into weighted indicators is
     * not scored itself). The office's evaluation and the unit's self-assessment count the same ones.
     */
    public static List<GoalNode> scored(GoalTree tree) {
        // Walked in reading order without a copy of the tree's order or a stream per node: the province's
        // evaluation asks this of 200,000 nodes.
        List<GoalNode> out = new ArrayList<>();
        tree.walk((n, depth) -> {
            if (hasPoints(n) && noChildHasPoints(tree, n)) {
                out.add(n);
            }
        });
        return out;
    }

    private static boolean hasPoints(GoalNode n) {
        return n.weight() != null && n.weight().signum() > 0;
    }

    private static boolean noChildHasPoints(GoalTree tree, GoalNode n) {
        for (GoalNode c : tree.children(n.id())) {
            if (hasPoints(c)) {
                return false;
            }
        }
        return true;
    }

    /** The unit's figure for the period, from its progress and self-assessment; null when it has none. */
    public static Figure reported(GoalNode node, List<Progress> progress, SelfAssessment self, int period) {
        Measure m = node.measure();
        if (m instanceof Measure.Quantitative) {
            return progress.stream().filter(p -> p.quarter() == period && p.actualValue() != null).findFirst()
                    .map(p -> Figure.value(p.actualValue())).orElse(null);
        }
        if (m instanceof Measure.Qualitative) {
            return self == null || self.level() == null || self.level().isBlank() ? null : Figure.level(self.level());
        }
        // A milestone, or points without a measure: done (first quarter reported done) or not.
        List<Progress> upToPeriod = progress.stream().filter(p -> p.quarter() <= period).toList();
        if (upToPeriod.isEmpty()) {
            return null;
        }
        return upToPeriod.stream().filter(p -> p.status() == ProgressStatus.DONE).mapToInt(Progress::quarter).min()
                .stream().mapToObj(Figure::doneIn).findFirst().orElse(Figure.notDone());
    }

    /** The completion % the unit typed for the period (its claim), or null. */
    public static BigDecimal claimed(GoalNode node, List<Progress> progress, int period) {
        return node.measure() instanceof Measure.Quantitative ? progress.stream()
                .filter(p -> p.quarter() == period).map(Progress::completionPercent).filter(Objects::nonNull)
                .findFirst().orElse(null) : null;
    }

    /** Scores one indicator. Any of progress, self, office and verified may be missing (null / empty). */
    public static Line score(GoalNode node, List<Progress> progress, SelfAssessment self, IndicatorScore office,
                             VerifiedFigure verified, EvaluationScheme scheme) {
        Figure reported = reported(node, progress, self, scheme.period());
        Figure checked = verified == null ? null : verified.figure(scheme.year());
        Figure used = checked != null ? checked : reported;
        String by = verified == null ? null : verified.body();
        BigDecimal claimed = claimed(node, progress, scheme.period());
        BigDecimal completion = node.measure() instanceof Measure.Quantitative q && used != null
                ? Completion.percent(q, used.actual()) : null;
        Source source;
        BigDecimal share;
        if (used == null) {
            source = Source.NONE;
            share = null;
        } else if (node.measure() instanceof Measure.Quantitative) {
            source = completion == null ? Source.NONE : Source.COMPLETION;
            share = completion == null ? null : completion.min(scheme.quantitativeCap());
        } else if (node.measure() instanceof Measure.Qualitative q) {
            share = levelShare(q, used.level(), scheme);
            source = share == null ? Source.NONE : Source.LEVEL;
        } else {
            share = milestoneShare(node, used, scheme);
            source = share == null ? Source.NONE : Source.MILESTONE;
        }
        BigDecimal computed = share == null ? BigDecimal.ZERO
                : weight(node).multiply(share).divide(HUNDRED, MathContext.DECIMAL64);
        Integer late = source == Source.MILESTONE && used.doneQuarter() > 0
                ? Math.max(0, used.doneQuarter() - dueQuarter(node, scheme.year())) : null;
        if (office != null && office.points() != null) {
            return line(node, Source.OFFICE, reported, checked, by, completion, claimed, null, null, office.reason(),
                    office.points());
        }
        return line(node, source, reported, checked, by, completion, claimed, share, late, null, computed);
    }

    /**
     * The share of a qualitative indicator's points a level earns, in %: 100 at or above the target
     * level, the scheme's shares below it; null for a level that is not among the measure's levels.
     */
    public static BigDecimal levelShare(Measure.Qualitative q, String level, EvaluationScheme scheme) {
        int at = level == null ? -1 : q.levels().indexOf(level.strip());
        if (at < 0) {
            return null;
        }
        int target = q.targetLevel() == null ? 0 : Math.max(0, q.levels().indexOf(q.targetLevel()));
        int below = at - target;
        if (below <= 0) {
            return HUNDRED;
        }
        List<BigDecimal> shares = scheme.levelShares();
        return shares.isEmpty() ? BigDecimal.ZERO : shares.get(Math.min(below, shares.size()) - 1);
    }

    /** Full when done by the due quarter, less the late penalty per quarter late, 0 when not done. */
    static BigDecimal milestoneShare(GoalNode node, Figure used, EvaluationScheme scheme) {
        if (used.doneQuarter() == null) {
            return null;
        }
        if (used.doneQuarter() == 0) {
            return BigDecimal.ZERO;
        }
        int late = Math.max(0, used.doneQuarter() - dueQuarter(node, scheme.year()));
        return HUNDRED.subtract(scheme.latePenalty().multiply(BigDecimal.valueOf(late))).max(BigDecimal.ZERO);
    }

    /** The quarter of a milestone's date (a date in another year: the year's first or last quarter). */
    static int dueQuarter(GoalNode node, int year) {
        java.time.LocalDate due = node.measure() instanceof Measure.Milestone m && m.due() != null ? m.due()
                : node.deadline();
        if (due == null || due.getYear() > year) {
            return 4;
        }
        return due.getYear() < year ? 1 : (due.getMonthValue() - 1) / 3 + 1;
    }

    private static BigDecimal weight(GoalNode node) {
        return node.weight() == null ? BigDecimal.ZERO : node.weight();
    }

    private static Line line(GoalNode node, Source source, Figure reported, Figure verified, String by,
                             BigDecimal completion, BigDecimal claimed, BigDecimal share, Integer late, String basis,
                             BigDecimal points) {
        return new Line(node.id(), node.title(), node.weight(), node.measure(), source, reported, verified, by,
                completion, claimed, share, late, basis, points.setScale(2, RoundingMode.HALF_UP));
    }
}
