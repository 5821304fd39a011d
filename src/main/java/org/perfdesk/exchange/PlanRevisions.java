package org.perfdesk.exchange;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.exchange.snapshot.SnapshotMapper;
import org.perfdesk.store.Workspace;

/**
 * A unit's plan as the office received it over time: the plan packages of a year, the goal tree each
 * one carried, and what changed between two of them or against last year's plan.
 */
public final class PlanRevisions {
    private PlanRevisions() {
    }

    /** The unit's accepted plan packages for the year, oldest first. */
    public static List<PackageRecord> plans(Workspace ws, String unitCode, int year) {
        return ws.packages().findIncoming(unitCode).stream()
                .filter(p -> p.year() == year && p.kind().equals(PackageKind.PLAN.name())).toList();
    }

    /** The goal tree a received package carried (its snapshot), or empty when none was kept. */
    public static List<GoalNode> nodesOf(Workspace ws, String packageId) {
        Optional<String> json = ws.packages().findSnapshot(packageId);
        if (json.isEmpty()) {
            return List.of();
        }
        Payloads.Snapshot s = StrictJson.read(json.get().getBytes(StandardCharsets.UTF_8), Payloads.Snapshot.class,
                "snapshot");
        return s.nodes().stream().map(n -> SnapshotMapper.toGoalNode(n, s.unitCode(), s.year())).toList();
    }

    /** What changed from one tree to the next (by node id). */
    public static List<ImportReport.NodeChange> between(List<GoalNode> before, List<GoalNode> after) {
        return NodeDiff.between(before, after, Map.of());
    }

    /**
     * This year's tree against last year's: a node copied into the new year carries the id it came from
     * ({@code originId}) and is compared with that one, its parent likewise and its deadline moved back
     * by the years between, so only real changes show; nodes without an origin count as new.
     */
    public static List<ImportReport.NodeChange> againstLastYear(List<GoalNode> lastYear, List<GoalNode> thisYear) {
        Map<String, String> origin = new java.util.HashMap<>();
        thisYear.stream().filter(n -> n.originId() != null).forEach(n -> origin.put(n.id(), n.originId()));
        List<GoalNode> matched = thisYear.stream().map(n -> {
            int back = lastYear.isEmpty() ? 0 : n.year() - lastYear.get(0).year();
            return new GoalNode(origin.getOrDefault(n.id(), n.id()), n.unitCode(), n.year(),
                    n.parentId() == null ? null : origin.getOrDefault(n.parentId(), n.parentId()), n.position(),
                    n.kind(), n.title(), n.description(), n.ownerCode(), n.qualityRequirement(),
                    n.deadline() == null ? null : n.deadline().minusYears(back), n.weight(), n.measure(), n.originId(),
                    n.revision(), n.deleted(), n.systemCode());
        }).toList();
        return NodeDiff.between(lastYear, matched, Map.of());
    }
}
