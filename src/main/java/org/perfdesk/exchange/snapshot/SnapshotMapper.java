package org.perfdesk.exchange.snapshot;

import java.util.ArrayList;
import java.util.List;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ReportSection;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.snapshot.Payloads.Node;
import org.perfdesk.exchange.snapshot.Payloads.Org;
import org.perfdesk.exchange.snapshot.Payloads.ProgressItem;
import org.perfdesk.exchange.snapshot.Payloads.SelfAssessmentItem;
import org.perfdesk.exchange.snapshot.Payloads.Snapshot;
import org.perfdesk.store.Workspace;

/** Between a workspace's tables and a unit's snapshot for a year. */
public final class SnapshotMapper {
    private SnapshotMapper() {
    }

    /** Everything a unit owns for the year, as it stands in this workspace. */
    public static Snapshot take(Workspace ws, String unitCode, int year) {
        List<Org> orgs = new ArrayList<>();
        for (OrgUnit o : ws.orgUnits().findSubtree(unitCode)) {
            if (!o.code().equals(unitCode)) {
                orgs.add(new Org(o.code(), o.name(), o.kind(), o.parentCode(), o.group()));
            }
        }
        List<Node> nodes = ws.goals().findAll(unitCode, year).stream().map(SnapshotMapper::toNode).toList();
        List<ProgressItem> progress = ws.progress().findByUnit(unitCode, year).stream()
                .map(p -> new ProgressItem(p.nodeId(), p.quarter(), p.actualValue(), p.completionPercent(), p.status(),
                        p.narrative(), p.problems(), p.causes(), p.measures())).toList();
        List<SelfAssessmentItem> self = ws.selfAssessments().findByUnit(unitCode, year).stream()
                .map(a -> new SelfAssessmentItem(a.nodeId(), a.score(), a.level(), a.narrative())).toList();
        List<Payloads.ReportItem> reports = ws.reports().findByUnit(unitCode, year).stream()
                .map(r -> new Payloads.ReportItem(r.kind(), r.key(), r.position(), r.title(), r.body())).toList();
        List<Payloads.EvidenceItem> evidence = ws.evidence().findByUnit(unitCode, year).stream()
                .map(e -> new Payloads.EvidenceItem(e.nodeId(), e.sha256(), e.fileName(), e.size(), e.mediaType(),
                        e.note())).toList();
        return new Snapshot(Payloads.SNAPSHOT_FORMAT, unitCode, year, orgs, nodes, progress, self, reports, evidence);
    }

    public static Node toNode(GoalNode n) {
        String type = null;
        Measure.Quantitative q = n.measure() instanceof Measure.Quantitative x ? x : null;
        Measure.Qualitative ql = n.measure() instanceof Measure.Qualitative x ? x : null;
        Measure.Milestone m = n.measure() instanceof Measure.Milestone x ? x : null;
        if (q != null) {
            type = "QUANTITATIVE";
        } else if (ql != null) {
            type = "QUALITATIVE";
        } else if (m != null) {
            type = "MILESTONE";
        }
        return new Node(n.id(), n.parentId(), n.position(), n.kind(), n.title(), n.description(), n.ownerCode(),
                n.qualityRequirement(), n.deadline(), n.weight(), type,
                q == null ? null : q.target(), q == null ? null : q.baseline(), q == null ? null : q.unitOfMeasure(),
                q == null ? null : q.direction(), ql == null ? null : ql.levels(), ql == null ? null : ql.targetLevel(),
                m == null ? null : m.due(), n.originId(), n.revision(), n.deleted(), q == null ? null : q.targetHigh());
    }

    /** A node from a snapshot, checked for what the schema cannot check. */
    public static GoalNode toGoalNode(Node n, String unitCode, int year) {
        if (n.id() == null || n.kind() == null || n.title() == null) {
            throw new PackageException("bad-snapshot", "node " + n.id());
        }
        Measure measure;
        if (n.measureType() == null) {
            measure = null;
        } else {
            measure = switch (n.measureType()) {
                case "QUANTITATIVE" -> new Measure.Quantitative(n.target(), n.baseline(), n.unitOfMeasure(), n.direction(),
                        n.targetHigh());
                case "QUALITATIVE" -> new Measure.Qualitative(n.levels(), n.targetLevel());
                case "MILESTONE" -> new Measure.Milestone(n.due());
                default -> throw new PackageException("bad-snapshot", "measure " + n.measureType());
            };
        }
        return new GoalNode(n.id(), unitCode, year, n.parentId(), n.position(), n.kind(), n.title(), n.description(),
                n.owner(), n.quality(), n.deadline(), n.weight(), measure, n.originId(), n.revision(), n.deleted());
    }

    public static Progress toProgress(ProgressItem p) {
        if (p.quarter() < 1 || p.quarter() > 4 || p.nodeId() == null) {
            throw new PackageException("bad-snapshot", "progress " + p.nodeId());
        }
        return new Progress(p.nodeId(), p.quarter(), p.actual(), p.completion(), p.status(), p.narrative(),
                p.problems(), p.causes(), p.measures());
    }

    public static SelfAssessment toSelfAssessment(SelfAssessmentItem a) {
        if (a.nodeId() == null) {
            throw new PackageException("bad-snapshot", "self-assessment");
        }
        return new SelfAssessment(a.nodeId(), a.score(), a.level(), a.narrative());
    }

    public static ReportSection toReportSection(Payloads.ReportItem r, String unitCode, int year) {
        if (r.kind() == null || r.key() == null || r.title() == null || r.key().length() > 100) {
            throw new PackageException("bad-snapshot", "report " + r.key());
        }
        return new ReportSection(unitCode, year, r.kind(), r.key(), r.position(), r.title(), r.body());
    }

    /**
     * An organisation as a package describes it: a valid code, a name without hidden characters
     * ({@code bad-name}; see {@link org.perfdesk.domain.SafeText}), stored in NFC.
     */
    public static OrgUnit toOrgUnit(Org o) {
        if (o.name() != null && org.perfdesk.domain.SafeText.name(o.name()) == null) {
            throw new PackageException("bad-name", String.valueOf(o.code()),
                    org.perfdesk.domain.SafeText.escaped(o.name()));
        }
        try {
            return new OrgUnit(o.code(), org.perfdesk.domain.SafeText.name(o.name()), o.kind(), o.parent(), o.group(),
                    null);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PackageException(e, "bad-snapshot", "organisation " + o.code());
        }
    }
}
