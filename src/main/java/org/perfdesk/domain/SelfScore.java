package org.perfdesk.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The self-assessment rolled up: per top-level goal and in all, the points given against the points
 * available. A qualitative level counts by its place among the levels (best level: full points).
 */
public final class SelfScore {
    /** Points given and available for one top-level goal (or the whole tree). */
    public record Sum(String goalId, String title, BigDecimal given, BigDecimal available, int assessed, int total) {
    }

    private SelfScore() {
    }

    /** The points a self-assessment gives an indicator: its score, or its level turned into points. */
    public static BigDecimal points(GoalNode node, SelfAssessment a) {
        if (a == null) {
            return null;
        }
        if (a.score() != null) {
            return a.score();
        }
        if (a.level() != null && node.weight() != null && node.measure() instanceof Measure.Qualitative q
                && q.share(a.level()) != null) {
            return node.weight().multiply(q.share(a.level())).setScale(1, java.math.RoundingMode.HALF_UP);
        }
        return null;
    }

    /** One sum per top-level goal, then the total (goalId null). Assessed are the leaves the unit scored. */
    public static List<Sum> sums(GoalTree tree, Map<String, SelfAssessment> assessments) {
        Map<String, Sum> out = new LinkedHashMap<>();
        BigDecimal allGiven = BigDecimal.ZERO;
        BigDecimal allAvailable = BigDecimal.ZERO;
        int allAssessed = 0;
        int allTotal = 0;
        for (GoalNode root : tree.roots()) {
            BigDecimal[] given = {BigDecimal.ZERO};
            BigDecimal[] available = {BigDecimal.ZERO};
            int[] counts = {0, 0};
            walk(tree, root, n -> {
                if (tree.isLeaf(n.id())) {
                    counts[1]++;
                    if (n.weight() != null) {
                        available[0] = available[0].add(n.weight());
                    }
                    BigDecimal p = points(n, assessments.get(n.id()));
                    if (p != null) {
                        counts[0]++;
                        given[0] = given[0].add(p);
                    }
                }
            });
            out.put(root.id(), new Sum(root.id(), root.title(), given[0], available[0], counts[0], counts[1]));
            allGiven = allGiven.add(given[0]);
            allAvailable = allAvailable.add(available[0]);
            allAssessed += counts[0];
            allTotal += counts[1];
        }
        java.util.ArrayList<Sum> list = new java.util.ArrayList<>(out.values());
        list.add(new Sum(null, null, allGiven, allAvailable, allAssessed, allTotal));
        return list;
    }

    private static void walk(GoalTree tree, GoalNode n, java.util.function.Consumer<GoalNode> visit) {
        visit.accept(n);
        tree.children(n.id()).forEach(c -> walk(tree, c, visit));
    }
}
