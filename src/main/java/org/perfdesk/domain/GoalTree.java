package org.perfdesk.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A read view of one unit's goal tree for one year, built from its flat list of live nodes.
 * Tombstoned nodes are left out. A node whose parent is missing is treated as a root, so a damaged
 * or partial tree still shows everything it has.
 */
public final class GoalTree {
    private static final Comparator<GoalNode> BY_POSITION =
            Comparator.comparingInt(GoalNode::position).thenComparing(GoalNode::title);

    private final Map<String, GoalNode> byId = new LinkedHashMap<>();
    private final Map<String, List<GoalNode>> children = new HashMap<>();
    private final List<GoalNode> roots = new ArrayList<>();

    public GoalTree(List<GoalNode> nodes) {
        for (GoalNode n : nodes) {
            if (!n.deleted()) {
                byId.put(n.id(), n);
            }
        }
        for (GoalNode n : byId.values()) {
            if (n.parentId() == null || !byId.containsKey(n.parentId())) {
                roots.add(n);
            } else {
                children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
            }
        }
        roots.sort(BY_POSITION);
        children.values().forEach(list -> list.sort(BY_POSITION));
    }

    public List<GoalNode> roots() {
        return Collections.unmodifiableList(roots);
    }

    public List<GoalNode> children(String id) {
        return Collections.unmodifiableList(children.getOrDefault(id, List.of()));
    }

    public boolean isLeaf(String id) {
        return children(id).isEmpty();
    }

    public Optional<GoalNode> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }

    /** 1 for a top-level goal. */
    public int depth(String id) {
        int depth = 0;
        GoalNode n = byId.get(id);
        while (n != null && depth <= byId.size()) {
            depth++;
            n = n.parentId() == null ? null : byId.get(n.parentId());
        }
        return depth;
    }

    /** The greatest depth in the tree, 0 when empty. */
    public int height() {
        int[] max = {0};
        walk((node, depth) -> max[0] = Math.max(max[0], depth));
        return max[0];
    }

    /** Nodes in reading order: each node before its children, siblings by position. */
    public List<GoalNode> inOrder() {
        List<GoalNode> out = new ArrayList<>(byId.size());
        walk((node, depth) -> out.add(node));
        return out;
    }

    /** Visits every node depth-first in reading order with its depth (1 for roots). */
    public void walk(BiConsumer<GoalNode, Integer> visitor) {
        for (GoalNode root : roots) {
            walk(root, 1, visitor);
        }
    }

    private void walk(GoalNode node, int depth, BiConsumer<GoalNode, Integer> visitor) {
        visitor.accept(node, depth);
        for (GoalNode child : children(node.id())) {
            walk(child, depth + 1, visitor);
        }
    }
}
