package org.perfdesk.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * Weights and progress rolled up the tree: for each node with children, the sum of its children's
 * points, and its completion as the weighted average of its children's (leaves give their own
 * latest completion). Children count by their points; when none has points, they count equally.
 */
public final class Rollup {
    private final Map<String, BigDecimal> childWeights = new HashMap<>();
    private final Map<String, BigDecimal> completion = new HashMap<>();

    /** @param leafCompletion a leaf's completion percent in the quarter looked at (missing: not reported) */
    public Rollup(GoalTree tree, Map<String, BigDecimal> leafCompletion) {
        for (GoalNode root : tree.roots()) {
            visit(tree, root, leafCompletion);
        }
    }

    private BigDecimal visit(GoalTree tree, GoalNode node, Map<String, BigDecimal> leafCompletion) {
        var children = tree.children(node.id());
        if (children.isEmpty()) {
            BigDecimal own = leafCompletion.get(node.id());
            if (own != null) {
                completion.put(node.id(), own);
            }
            return own;
        }
        boolean anyWeight = children.stream().anyMatch(c -> c.weight() != null);
        BigDecimal weightSum = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weightOfReported = BigDecimal.ZERO;
        for (GoalNode c : children) {
            BigDecimal done = visit(tree, c, leafCompletion);
            // With points, a child counts by its points (none: 0); without any, every child counts the same.
            BigDecimal w = anyWeight ? (c.weight() == null ? BigDecimal.ZERO : c.weight()) : BigDecimal.ONE;
            weightSum = weightSum.add(w);
            if (done != null) {
                weighted = weighted.add(done.multiply(w));
                weightOfReported = weightOfReported.add(w);
            }
        }
        if (anyWeight) {
            childWeights.put(node.id(), weightSum);
        }
        if (weightOfReported.signum() > 0) {
            BigDecimal avg = weighted.divide(weightOfReported, MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP);
            completion.put(node.id(), avg);
            return avg;
        }
        return null;
    }

    /** The sum of the children's points, or null for a leaf or children without points. */
    public BigDecimal childWeights(String nodeId) {
        return childWeights.get(nodeId);
    }

    /** The node's completion percent (own for a leaf, weighted for a parent), or null if nothing was reported. */
    public BigDecimal completion(String nodeId) {
        return completion.get(nodeId);
    }
}
