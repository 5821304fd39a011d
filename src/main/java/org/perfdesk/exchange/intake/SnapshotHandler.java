package org.perfdesk.exchange.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perfdesk.domain.Evidence;
import org.perfdesk.domain.SafeText;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.ReportSection;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.NodeDiff;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.exchange.snapshot.SnapshotMapper;
import org.perfdesk.store.GoalNodeRepository;
import org.perfdesk.store.Workspace;

/**
 * A unit's report packages (plan, progress, midyear, annual): the snapshot of everything it owns for
 * the year replaces what this workspace holds for it — organisations within its scope
 * ({@link OrganisationScope}), the goal tree (nodes that vanished become tombstones), progress,
 * self-assessment, report sections and evidence.
 */
public final class SnapshotHandler implements PackageHandler {
    @Override
    public Set<PackageKind> kinds() {
        return Set.of(PackageKind.PLAN, PackageKind.PROGRESS, PackageKind.MIDYEAR, PackageKind.ANNUAL);
    }

    @Override
    public Plan plan(Incoming in) {
        Workspace ws = in.ws();
        Manifest m = in.manifest();
        String unit = in.sender();
        byte[] bytes = in.required(EntryNames.SNAPSHOT);
        Payloads.Snapshot s = in.read(EntryNames.SNAPSHOT, Payloads.Snapshot.class);
        if (!Payloads.SNAPSHOT_FORMAT.equals(s.format()) || !unit.equals(s.unitCode()) || s.year() != m.year()
                || s.nodes() == null || s.organisations() == null || s.progress() == null
                || s.selfAssessments() == null || s.reports() == null || s.evidence() == null) {
            throw new PackageException("bad-snapshot", EntryNames.SNAPSHOT);
        }
        List<OrgUnit> orgs = OrganisationScope.check(ws, unit, s.organisations());
        List<GoalNode> nodes = checkNodes(ws, unit, m.year(), s);
        Set<String> nodeIds = new HashSet<>();
        nodes.forEach(n -> nodeIds.add(n.id()));
        List<ReportSection> reports = s.reports().stream()
                .map(r -> SnapshotMapper.toReportSection(r, unit, m.year())).toList();
        Map<String, byte[]> files = evidenceFiles(in, s, nodeIds);
        List<GoalNode> before = ws.goals().findAll(unit, m.year());
        Map<String, Integer> approved = ws.reviews().approvedRevisions(unit, m.year());
        List<ImportReport.NodeChange> changes = NodeDiff.between(before, nodes, approved);

        List<GoalNode> vanished = before.stream().filter(n -> !n.deleted() && !nodeIds.contains(n.id()))
                .map(n -> n.withDeleted(true).withRevision(n.revision() + 1)).toList();
        // New nodes are inserted (no conflict to look for), changed ones updated, unchanged ones left alone:
        // every package repeats the whole tree, mostly unchanged after the plan.
        Map<String, GoalNode> stored = new HashMap<>();
        before.forEach(n -> stored.put(n.id(), n));
        List<GoalNode> fresh = nodes.stream().filter(n -> !stored.containsKey(n.id())).toList();
        List<GoalNode> changed = nodes.stream()
                .filter(n -> stored.containsKey(n.id()) && !stored.get(n.id()).equals(n)).toList();
        Plan plan = new Plan();
        // The plan document (方案) and monitoring records beside the snapshot, written after it.
        UnitDocuments.addTo(plan, in, unit, m.year(), nodeIds);
        return plan.changes(NodeDiff.count(changes, nodes), changes)
                .snapshot(bytes)
                .keep(files)
                .write(() -> {
                    ws.orgUnits().saveAll(orgs);
                    ws.goals().insertAll(fresh);
                    ws.goals().saveAll(changed);
                    ws.goals().saveAll(vanished);
                    List<org.perfdesk.domain.Progress> progress =
                            s.progress().stream().map(SnapshotMapper::toProgress).toList();
                    // The unit's first package of the year: none of its nodes existed, so nothing hangs on
                    // them (progress, self-assessments, evidence) to compare with or remove.
                    boolean first = before.isEmpty();
                    if (first) {
                        ws.progress().insertAll(progress);
                    } else {
                        ws.progress().replaceForUnit(unit, m.year(), progress);
                        ws.selfAssessments().deleteByUnit(unit, m.year());
                    }
                    ws.selfAssessments().saveAll(s.selfAssessments().stream()
                            .map(SnapshotMapper::toSelfAssessment).toList());
                    ws.reports().deleteByUnit(unit, m.year());
                    ws.reports().saveAll(reports);
                    if (!first) {
                        ws.evidence().deleteByUnit(unit, m.year());
                    }
                    Instant now = Instant.now();
                    for (Payloads.EvidenceItem e : s.evidence()) {
                        ws.evidence().link(new Evidence(e.nodeId(), e.sha256(),
                                EvidenceFiles.shownName(e.fileName(), e.sha256()), e.size(), e.mediaType(), e.note(),
                                now));
                    }
                });
    }

    /**
     * Every evidence file the snapshot names must travel in the package under its own hash (the
     * reader already checked each entry's hash against the manifest), with the size the snapshot gives,
     * and belong to one of its nodes.
     */
    private static Map<String, byte[]> evidenceFiles(Incoming in, Payloads.Snapshot s, Set<String> ids) {
        Map<String, byte[]> files = new HashMap<>();
        for (Payloads.EvidenceItem e : s.evidence()) {
            if (!ids.contains(e.nodeId())) {
                throw new PackageException("bad-snapshot", "evidence of " + e.nodeId());
            }
            byte[] bytes = EvidenceFiles.bytes(in, e.sha256(), e.fileName());
            // The size the snapshot gives is stored and shown: it must be the file's (a negative one once
            // reached the database's own check and came back as an unexplained refusal).
            if (e.size() != bytes.length) {
                throw new PackageException("bad-snapshot", "evidence " + SafeText.escaped(e.fileName()) + " size");
            }
            files.put(e.sha256(), bytes);
        }
        return files;
    }

    private static List<GoalNode> checkNodes(Workspace ws, String unit, int year, Payloads.Snapshot s) {
        Set<String> ids = new HashSet<>();
        List<GoalNode> nodes = new ArrayList<>();
        for (Payloads.Node n : s.nodes()) {
            GoalNode node = SnapshotMapper.toGoalNode(n, unit, year);
            if (!ids.add(node.id())) {
                throw new PackageException("bad-snapshot", "node " + node.id());
            }
            nodes.add(node);
        }
        // A node id that belongs to another unit or year is not this unit's to change (looked up in bulk:
        // one query per id cost a tenth of a large import).
        for (Map.Entry<String, GoalNodeRepository.Place> e : ws.goals().placesOf(ids).entrySet()) {
            if (!e.getValue().unitCode().equals(unit) || e.getValue().year() != year) {
                throw new PackageException("conflict", e.getKey());
            }
        }
        Map<String, String> parentOf = new HashMap<>();
        for (GoalNode n : nodes) {
            if (n.parentId() != null && !ids.contains(n.parentId())) {
                throw new PackageException("bad-snapshot", "node " + n.id() + " parent " + n.parentId());
            }
            parentOf.put(n.id(), n.parentId());
        }
        refuseLoops(parentOf);
        for (Payloads.ProgressItem p : s.progress()) {
            if (!ids.contains(p.nodeId())) {
                throw new PackageException("bad-snapshot", "progress " + p.nodeId());
            }
        }
        for (Payloads.SelfAssessmentItem a : s.selfAssessments()) {
            if (!ids.contains(a.nodeId())) {
                throw new PackageException("bad-snapshot", "self-assessment " + a.nodeId());
            }
        }
        return nodes;
    }

    /**
     * Parents that lead round in a circle (a node its own ancestor) would make those nodes vanish from
     * the tree the office evaluates: refused. Each node is walked up once.
     */
    private static void refuseLoops(Map<String, String> parentOf) {
        Set<String> rooted = new HashSet<>();
        for (String start : parentOf.keySet()) {
            Set<String> path = new LinkedHashSet<>();
            String n = start;
            while (n != null && !rooted.contains(n)) {
                if (!path.add(n)) {
                    throw new PackageException("bad-snapshot", "node " + n + ": its parents lead back to itself");
                }
                n = parentOf.get(n);
            }
            rooted.addAll(path);
        }
    }
}
