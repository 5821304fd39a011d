package org.perfdesk.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The editing operations of the goal-tree editor, as pure functions: each takes the live tree and
 * returns the nodes it changes, in their new state (positions renumbered where siblings moved).
 * Nothing is saved here; the caller saves the result and keeps the old states for undo.
 */
public final class TreeEdits {
    private TreeEdits() {
    }

    /** The kind a new child of a node of this kind usually has. */
    public static NodeKind childKind(NodeKind parent) {
        return switch (parent) {
            case GOAL -> NodeKind.SUB_GOAL;
            case SUB_GOAL -> NodeKind.INDICATOR;
            case INDICATOR, TASK -> NodeKind.TASK;
        };
    }

    /** A new last child of {@code parentId} (or a new last top-level goal when it is null). */
    public static List<GoalNode> addChild(GoalTree tree, String unit, int year, String parentId, String title) {
        List<GoalNode> siblings = parentId == null ? tree.roots() : tree.children(parentId);
        NodeKind kind = parentId == null ? NodeKind.GOAL
                : childKind(tree.find(parentId).orElseThrow().kind());
        return List.of(GoalNode.create(unit, year, parentId, siblings.size(), kind, title));
    }

    /** A new node right after {@code nodeId}, of the same kind, under the same parent. */
    public static List<GoalNode> addSiblingAfter(GoalTree tree, String nodeId, String title) {
        GoalNode node = tree.find(nodeId).orElseThrow();
        List<GoalNode> siblings = new ArrayList<>(siblingsOf(tree, node));
        GoalNode created = GoalNode.create(node.unitCode(), node.year(), node.parentId(), 0, node.kind(), title);
        siblings.add(siblings.indexOf(node) + 1, created);
        return renumber(siblings, node.parentId());
    }

    /** Makes the node the last child of the sibling before it; nothing when it is the first. */
    public static List<GoalNode> indent(GoalTree tree, String nodeId) {
        GoalNode node = tree.find(nodeId).orElseThrow();
        List<GoalNode> siblings = siblingsOf(tree, node);
        int i = siblings.indexOf(node);
        if (i <= 0) {
            return List.of();
        }
        GoalNode newParent = siblings.get(i - 1);
        List<GoalNode> out = new ArrayList<>();
        List<GoalNode> rest = new ArrayList<>(siblings);
        rest.remove(node);
        out.addAll(renumber(rest, node.parentId()));
        out.add(node.withPlace(newParent.id(), tree.children(newParent.id()).size()));
        return changedOnly(out, tree);
    }

    /** Makes the node the sibling right after its parent; nothing for a top-level goal. */
    public static List<GoalNode> outdent(GoalTree tree, String nodeId) {
        GoalNode node = tree.find(nodeId).orElseThrow();
        if (node.parentId() == null) {
            return List.of();
        }
        GoalNode parent = tree.find(node.parentId()).orElseThrow();
        List<GoalNode> out = new ArrayList<>();
        List<GoalNode> oldSiblings = new ArrayList<>(tree.children(parent.id()));
        oldSiblings.remove(node);
        out.addAll(renumber(oldSiblings, parent.id()));
        List<GoalNode> newSiblings = new ArrayList<>(siblingsOf(tree, parent));
        newSiblings.add(newSiblings.indexOf(parent) + 1, node);
        out.addAll(renumber(newSiblings, parent.parentId()));
        return changedOnly(out, tree);
    }

    /** Moves the node one place up ({@code -1}) or down ({@code +1}) among its siblings. */
    public static List<GoalNode> move(GoalTree tree, String nodeId, int delta) {
        GoalNode node = tree.find(nodeId).orElseThrow();
        List<GoalNode> siblings = new ArrayList<>(siblingsOf(tree, node));
        int i = siblings.indexOf(node);
        int j = i + delta;
        if (j < 0 || j >= siblings.size()) {
            return List.of();
        }
        siblings.remove(i);
        siblings.add(j, node);
        return changedOnly(renumber(siblings, node.parentId()), tree);
    }

    /**
     * Moves the node (with everything below it) to be child number {@code index} of {@code newParentId}
     * (null for top level). Refused (empty) when the new parent is the node itself or below it.
     */
    public static List<GoalNode> moveTo(GoalTree tree, String nodeId, String newParentId, int index) {
        GoalNode node = tree.find(nodeId).orElseThrow();
        if (newParentId != null && subtreeIds(tree, nodeId).contains(newParentId)) {
            return List.of();
        }
        List<GoalNode> out = new ArrayList<>();
        List<GoalNode> oldSiblings = new ArrayList<>(siblingsOf(tree, node));
        oldSiblings.remove(node);
        List<GoalNode> newSiblings = new ArrayList<>(newParentId == null ? tree.roots() : tree.children(newParentId));
        newSiblings.remove(node);
        if (!java.util.Objects.equals(node.parentId(), newParentId)) {
            out.addAll(renumber(oldSiblings, node.parentId()));
        }
        newSiblings.add(Math.max(0, Math.min(index, newSiblings.size())), node);
        out.addAll(renumber(newSiblings, newParentId));
        return changedOnly(out, tree);
    }

    /** Tombstones the node and everything below it. */
    public static List<GoalNode> delete(GoalTree tree, String nodeId) {
        List<GoalNode> out = new ArrayList<>();
        for (String id : subtreeIds(tree, nodeId)) {
            out.add(tree.find(id).orElseThrow().withDeleted(true));
        }
        return out;
    }

    /** The node and all its descendants' ids. */
    public static Set<String> subtreeIds(GoalTree tree, String nodeId) {
        Set<String> ids = new HashSet<>();
        collect(tree, nodeId, ids);
        return ids;
    }

    private static void collect(GoalTree tree, String id, Set<String> into) {
        if (into.add(id)) {
            tree.children(id).forEach(c -> collect(tree, c.id(), into));
        }
    }

    private static List<GoalNode> siblingsOf(GoalTree tree, GoalNode node) {
        return node.parentId() == null ? tree.roots() : tree.children(node.parentId());
    }

    private static List<GoalNode> renumber(List<GoalNode> siblings, String parentId) {
        List<GoalNode> out = new ArrayList<>();
        for (int i = 0; i < siblings.size(); i++) {
            out.add(siblings.get(i).withPlace(parentId, i));
        }
        return out;
    }

    /** Drops nodes whose place did not actually change; the last version of a node wins. */
    private static List<GoalNode> changedOnly(List<GoalNode> nodes, GoalTree tree) {
        Map<String, GoalNode> last = new java.util.LinkedHashMap<>();
        nodes.forEach(n -> last.put(n.id(), n));
        List<GoalNode> out = new ArrayList<>();
        for (GoalNode n : last.values()) {
            GoalNode before = tree.find(n.id()).orElse(null);
            if (before == null || !before.equals(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Applies changed nodes to a flat list (replacing by id, adding new ones): the tree after an edit. */
    public static List<GoalNode> applied(List<GoalNode> all, List<GoalNode> changed) {
        Map<String, GoalNode> byId = new java.util.LinkedHashMap<>();
        all.forEach(n -> byId.put(n.id(), n));
        changed.forEach(n -> byId.put(n.id(), n));
        return new ArrayList<>(byId.values());
    }

    /** The states of {@code changed} nodes before the edit; a node that did not exist comes back as a tombstone. */
    public static List<GoalNode> before(List<GoalNode> all, List<GoalNode> changed) {
        Map<String, GoalNode> byId = new HashMap<>();
        all.forEach(n -> byId.put(n.id(), n));
        List<GoalNode> out = new ArrayList<>();
        for (GoalNode n : changed) {
            GoalNode old = byId.get(n.id());
            out.add(old != null ? old : n.withDeleted(true));
        }
        return out;
    }
}
