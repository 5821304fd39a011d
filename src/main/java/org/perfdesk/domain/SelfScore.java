package org.perfdesk.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The self-assessment rolled up: per top-level goal and in all, the points the unit gave itself and
 * the points the scoring rule gives its own figures ({@link IndicatorRule}), against the points
 * available. The indicators counted are the ones the office scores ({@link IndicatorRule#scored}), so
 * a 100-point tree has 100 points available here too.
 */
public final class SelfScore {
    /**
     * Points for one top-level goal (or the whole tree, goalId null).
     *
     * @param given    the points the unit gave itself
     * @param computed the points the rule gives the unit's own figures for the period
     * @param assessed the scored indicators the unit assessed, of {@code total}
     */
    public record Sum(String goalId, String title, BigDecimal given, BigDecimal computed, BigDecimal available,
                      int assessed, int total) {
    }

    private SelfScore() {
    }

    /** The points a self-assessment gives an indicator: its score, or its level by the scheme's rule. */
    public static BigDecimal points(GoalNode node, SelfAssessment a, EvaluationScheme scheme) {
        if (a == null) {
            return null;
        }
        if (a.score() != null) {
            return a.score();
        }
        if (a.level() != null && node.weight() != null && node.measure() instanceof Measure.Qualitative q) {
            BigDecimal share = IndicatorRule.levelShare(q, a.level(), scheme);
            return share == null ? null : node.weight().multiply(share).divide(IndicatorRule.HUNDRED,
                    java.math.MathContext.DECIMAL64).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        }
        return null;
    }

    /** One sum per top-level goal, then the total (goalId null). */
    public static List<Sum> sums(GoalTree tree, Map<String, SelfAssessment> assessments,
                                 Map<String, List<Progress>> progress, EvaluationScheme scheme) {
        Set<String> scored = new HashSet<>();
        IndicatorRule.scored(tree).forEach(n -> scored.add(n.id()));
        List<Sum> out = new ArrayList<>();
        BigDecimal[] all = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        int allAssessed = 0;
        int allTotal = 0;
        for (GoalNode root : tree.roots()) {
            BigDecimal[] sum = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
            int[] counts = {0, 0};
            walk(tree, root, n -> {
                if (!scored.contains(n.id())) {
                    return;
                }
                counts[1]++;
                sum[2] = sum[2].add(n.weight());
                sum[1] = sum[1].add(IndicatorRule.score(n, progress.getOrDefault(n.id(), List.of()),
                        assessments.get(n.id()), null, null, scheme).points());
                BigDecimal p = points(n, assessments.get(n.id()), scheme);
                if (p != null) {
                    counts[0]++;
                    sum[0] = sum[0].add(p);
                }
            });
            out.add(new Sum(root.id(), root.title(), sum[0], sum[1], sum[2], counts[0], counts[1]));
            for (int i = 0; i < 3; i++) {
                all[i] = all[i].add(sum[i]);
            }
            allAssessed += counts[0];
            allTotal += counts[1];
        }
        out.add(new Sum(null, null, all[0], all[1], all[2], allAssessed, allTotal));
        return out;
    }

    private static void walk(GoalTree tree, GoalNode n, java.util.function.Consumer<GoalNode> visit) {
        visit.accept(n);
        tree.children(n.id()).forEach(c -> walk(tree, c, visit));
    }
}
