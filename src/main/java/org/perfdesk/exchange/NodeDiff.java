package org.perfdesk.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.perfdesk.domain.GoalNode;

/** What changed between two versions of a unit's goal tree, node by node. */
public final class NodeDiff {
    private NodeDiff() {
    }

    /**
     * @param before   the nodes as they were (tombstones included)
     * @param after    the nodes as they are now (tombstones included; absent nodes count as removed)
     * @param approved node id → revision the office approved; a change to such a node is flagged
     */
    public static List<ImportReport.NodeChange> between(List<GoalNode> before, List<GoalNode> after,
                                                        Map<String, Integer> approved) {
        Map<String, GoalNode> old = new HashMap<>();
        before.forEach(n -> old.put(n.id(), n));
        List<ImportReport.NodeChange> out = new ArrayList<>();
        Map<String, GoalNode> seen = new HashMap<>();
        for (GoalNode n : after) {
            seen.put(n.id(), n);
            GoalNode o = old.get(n.id());
            boolean wasLive = o != null && !o.deleted();
            if (!wasLive && !n.deleted()) {
                out.add(new ImportReport.NodeChange(n.id(), n.title(), "added", List.of(), false));
            } else if (wasLive && n.deleted()) {
                out.add(new ImportReport.NodeChange(n.id(), o.title(), "removed", List.of(), flagged(approved, n)));
            } else if (wasLive) {
                List<String> fields = fields(o, n);
                if (!fields.isEmpty()) {
                    out.add(new ImportReport.NodeChange(n.id(), n.title(), "changed", fields, flagged(approved, n)));
                }
            }
        }
        for (GoalNode o : before) {
            if (!o.deleted() && !seen.containsKey(o.id())) {
                out.add(new ImportReport.NodeChange(o.id(), o.title(), "removed", List.of(),
                        approved.containsKey(o.id())));
            }
        }
        return out;
    }

    /** Counts for a report; unchanged = live nodes after, not added or changed. */
    public static ImportReport.Counts count(List<ImportReport.NodeChange> changes, List<GoalNode> after) {
        int added = 0;
        int changed = 0;
        int removed = 0;
        int flagged = 0;
        for (ImportReport.NodeChange c : changes) {
            switch (c.change()) {
                case "added" -> added++;
                case "changed" -> changed++;
                default -> removed++;
            }
            if (c.flagged()) {
                flagged++;
            }
        }
        long live = after.stream().filter(n -> !n.deleted()).count();
        return new ImportReport.Counts(added, changed, (int) live - added - changed, removed, flagged);
    }

    private static boolean flagged(Map<String, Integer> approved, GoalNode n) {
        Integer rev = approved.get(n.id());
        return rev != null && rev != n.revision();
    }

    /** Names of the fields that differ (revision aside). */
    public static List<String> fields(GoalNode a, GoalNode b) {
        List<String> f = new ArrayList<>();
        diff(f, "title", a.title(), b.title());
        diff(f, "description", a.description(), b.description());
        diff(f, "owner", a.ownerCode(), b.ownerCode());
        diff(f, "quality", a.qualityRequirement(), b.qualityRequirement());
        diff(f, "deadline", a.deadline(), b.deadline());
        if (!Objects.equals(a.weight() == null ? null : a.weight().stripTrailingZeros(),
                b.weight() == null ? null : b.weight().stripTrailingZeros())) {
            f.add("weight");
        }
        diff(f, "measure", a.measure(), b.measure());
        diff(f, "parent", a.parentId(), b.parentId());
        diff(f, "position", a.position(), b.position());
        diff(f, "kind", a.kind(), b.kind());
        diff(f, "systemCode", a.systemCode(), b.systemCode());
        return f;
    }

    private static void diff(List<String> out, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(name);
        }
    }
}
