package org.perfdesk.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;

/**
 * Each unit's goal tree, built on another core while the year is still being read: the nodes come unit by
 * unit (a package's nodes are stored together), so a unit's tree can be built as soon as the reading has
 * passed on to the next unit. A unit whose nodes come back later is built again from all of them at the end,
 * in the order read, so the tree is the same whatever the order of the rows.
 */
final class UnitTrees {
    private final Map<String, List<GoalNode>> handedOver = new HashMap<>();
    private final Map<String, CompletableFuture<GoalTree>> building = new HashMap<>();
    private final Map<String, List<GoalNode>> cameBack = new HashMap<>();
    private String unit;
    private List<GoalNode> nodes;

    /** The next node read. */
    void add(GoalNode n) {
        if (!n.unitCode().equals(unit)) {
            handOver();
            unit = n.unitCode();
            nodes = new ArrayList<>(2048);
        }
        nodes.add(n);
    }

    /** Whether the unit has nodes (call after the last {@link #add}). */
    boolean has(String unitCode) {
        handOver();
        return handedOver.containsKey(unitCode);
    }

    /** The unit's tree (empty without nodes); waits for its building. Call after the last {@link #add}. */
    GoalTree tree(String unitCode) {
        handOver();
        List<GoalNode> late = cameBack.get(unitCode);
        if (late != null) {
            List<GoalNode> all = new ArrayList<>(handedOver.get(unitCode));
            all.addAll(late);
            return new GoalTree(all);
        }
        CompletableFuture<GoalTree> tree = building.get(unitCode);
        return tree == null ? new GoalTree(List.of()) : tree.join();
    }

    private void handOver() {
        if (unit == null) {
            return;
        }
        List<GoalNode> list = nodes;
        if (handedOver.containsKey(unit)) {
            cameBack.computeIfAbsent(unit, k -> new ArrayList<>()).addAll(list);
        } else {
            handedOver.put(unit, list);
            building.put(unit, CompletableFuture.supplyAsync(() -> new GoalTree(list)));
        }
        unit = null;
        nodes = null;
    }
}
