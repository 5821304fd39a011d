package org.perfdesk.report.diagram;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;

/**
 * What the goal-decomposition chart (绩效目标分解流程示意图) shows, before any geometry: the unit,
 * the divisions, departments or counties under it, their responsible persons, and in each the goal
 * tree nodes it owns. Organisations that own nothing, themselves or below, are left out: the chart
 * shows how goals were decomposed, not the staff list. Owners the unit does not know, and leaves
 * without any owner, get boxes of their own so that gaps are visible.
 */
public final class DecompositionModel {
    /** Where an owner sits: the unit, directly under it, further down, unknown, or the no-owner box. */
    public enum Role { UNIT, BRANCH, MEMBER, UNKNOWN, UNASSIGNED }

    public record Item(String nodeId, NodeKind kind, String title, BigDecimal weight) {
    }

    /** @param code null for the no-owner box */
    public record Owner(String code, String name, Role role, List<Item> items, List<Owner> children) {
        public Owner {
            items = List.copyOf(items);
            children = List.copyOf(children);
        }
    }

    private final Owner root;

    private DecompositionModel(Owner root) {
        this.root = root;
    }

    public static DecompositionModel of(OrgUnit unit, List<OrgUnit> orgs, GoalTree tree, Texts t) {
        Map<String, List<Item>> owned = new LinkedHashMap<>();
        List<Item> unassigned = new ArrayList<>();
        for (GoalNode n : tree.inOrder()) {
            Item item = new Item(n.id(), n.kind(), n.title(), n.weight());
            if (n.ownerCode() != null && !n.ownerCode().isBlank()) {
                owned.computeIfAbsent(n.ownerCode(), k -> new ArrayList<>()).add(item);
            } else if (tree.isLeaf(n.id())) {
                unassigned.add(item);
            }
        }
        Map<String, OrgUnit> byCode = new LinkedHashMap<>();
        Map<String, List<OrgUnit>> childrenOf = new LinkedHashMap<>();
        for (OrgUnit o : orgs) {
            if (!o.code().equals(unit.code()) && byCode.putIfAbsent(o.code(), o) == null && o.parentCode() != null) {
                childrenOf.computeIfAbsent(o.parentCode(), k -> new ArrayList<>()).add(o);
            }
        }
        Set<String> placed = new HashSet<>();
        placed.add(unit.code());
        List<Owner> branches = new ArrayList<>();
        for (OrgUnit child : childrenOf.getOrDefault(unit.code(), List.of())) {
            Owner o = build(child, Role.BRANCH, owned, childrenOf, placed);
            if (o != null) {
                branches.add(o);
            }
        }
        for (Map.Entry<String, List<Item>> e : owned.entrySet()) {
            if (!placed.contains(e.getKey())) {
                OrgUnit known = byCode.get(e.getKey());
                String name = known != null ? known.name() : t.get("diagram.unknownOwner", e.getKey());
                branches.add(new Owner(e.getKey(), name, Role.UNKNOWN, e.getValue(), List.of()));
            }
        }
        if (!unassigned.isEmpty()) {
            branches.add(new Owner(null, t.get("diagram.unassigned"), Role.UNASSIGNED, unassigned, List.of()));
        }
        return new DecompositionModel(new Owner(unit.code(), unit.name(), Role.UNIT,
                owned.getOrDefault(unit.code(), List.of()), branches));
    }

    /** The owner with what it owns and its included children; null when nothing at or below it is owned. */
    private static Owner build(OrgUnit org, Role role, Map<String, List<Item>> owned,
                               Map<String, List<OrgUnit>> childrenOf, Set<String> placed) {
        if (!placed.add(org.code())) {
            return null;
        }
        List<Owner> children = new ArrayList<>();
        for (OrgUnit child : childrenOf.getOrDefault(org.code(), List.of())) {
            Owner o = build(child, Role.MEMBER, owned, childrenOf, placed);
            if (o != null) {
                children.add(o);
            }
        }
        List<Item> items = owned.getOrDefault(org.code(), List.of());
        if (items.isEmpty() && children.isEmpty()) {
            placed.remove(org.code());
            return null;
        }
        return new Owner(org.code(), org.name(), role, items, children);
    }

    public Owner root() {
        return root;
    }

    /** Every owner, parents before children. */
    public List<Owner> owners() {
        List<Owner> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Owner o, List<Owner> out) {
        out.add(o);
        for (Owner c : o.children()) {
            collect(c, out);
        }
    }
}
