package org.perfdesk.exchange.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.OtherThread;
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
        // Read in this order (the arguments are evaluated left to right), as takeAhead reads them.
        return new Snapshot(Payloads.SNAPSHOT_FORMAT, unitCode, year, readOrganisations(ws, unitCode),
                readNodes(ws, unitCode, year), readProgress(ws, unitCode, year),
                readSelfAssessments(ws, unitCode, year), readReports(ws, unitCode, year), readEvidence(ws, unitCode, year));
    }

    /**
     * The same snapshot, read on a thread of its own part by part in the order its JSON is written, so an
     * export writes the JSON of the nodes (and the packing worker compresses it) while the progress rows are
     * still being read: reading and writing took one core each after the other before. The same reads in
     * the same order as {@link #take}; a failure to read is thrown by the accessor of the part that failed
     * and by every later one.
     */
    public static Ahead takeAhead(Workspace ws, String unitCode, int year) {
        Ahead ahead = new Ahead(unitCode, year);
        Thread reader = new Thread(() -> ahead.read(ws), "perfdesk-snapshot-read");
        reader.setDaemon(true);
        reader.start();
        return ahead;
    }

    /** A snapshot being read; each part's accessor waits for that part. */
    public static final class Ahead implements SnapshotJson.Parts {
        private final String unitCode;
        private final int year;
        private final CompletableFuture<List<Org>> organisations = new CompletableFuture<>();
        private final CompletableFuture<List<Node>> nodes = new CompletableFuture<>();
        private final CompletableFuture<List<ProgressItem>> progress = new CompletableFuture<>();
        private final CompletableFuture<List<SelfAssessmentItem>> selfAssessments = new CompletableFuture<>();
        private final CompletableFuture<List<Payloads.ReportItem>> reports = new CompletableFuture<>();
        private final CompletableFuture<List<Payloads.EvidenceItem>> evidence = new CompletableFuture<>();

        private Ahead(String unitCode, int year) {
            this.unitCode = unitCode;
            this.year = year;
        }

        private void read(Workspace ws) {
            try {
                organisations.complete(readOrganisations(ws, unitCode));
                nodes.complete(readNodes(ws, unitCode, year));
                progress.complete(readProgress(ws, unitCode, year));
                selfAssessments.complete(readSelfAssessments(ws, unitCode, year));
                reports.complete(readReports(ws, unitCode, year));
                evidence.complete(readEvidence(ws, unitCode, year));
            } catch (Throwable t) {
                // The part that failed and every later one (those done already keep their values).
                for (CompletableFuture<?> f : List.of(organisations, nodes, progress, selfAssessments, reports,
                        evidence)) {
                    f.completeExceptionally(t);
                }
            }
        }

        /** The whole snapshot, once every part is read. */
        public Snapshot snapshot() {
            return new Snapshot(format(), unitCode, year, organisations(), nodes(), progress(), selfAssessments(),
                    reports(), evidence());
        }

        @Override
        public String format() {
            return Payloads.SNAPSHOT_FORMAT;
        }

        @Override
        public String unitCode() {
            return unitCode;
        }

        @Override
        public int year() {
            return year;
        }

        @Override
        public List<Org> organisations() {
            return get(organisations);
        }

        @Override
        public List<Node> nodes() {
            return get(nodes);
        }

        @Override
        public List<ProgressItem> progress() {
            return get(progress);
        }

        @Override
        public List<SelfAssessmentItem> selfAssessments() {
            return get(selfAssessments);
        }

        @Override
        public List<Payloads.ReportItem> reports() {
            return get(reports);
        }

        @Override
        public List<Payloads.EvidenceItem> evidence() {
            return get(evidence);
        }

        /** The part, or the reader's failure thrown as it was thrown there (a UserError stays one). */
        private static <T> T get(CompletableFuture<T> part) {
            return OtherThread.result(part);
        }
    }

    private static List<Org> readOrganisations(Workspace ws, String unitCode) {
        List<Org> orgs = new ArrayList<>();
        for (OrgUnit o : ws.orgUnits().findSubtree(unitCode)) {
            if (!o.code().equals(unitCode)) {
                orgs.add(new Org(o.code(), o.name(), o.kind(), o.parentCode(), o.group()));
            }
        }
        return orgs;
    }

    private static List<Node> readNodes(Workspace ws, String unitCode, int year) {
        return ws.goals().findAll(unitCode, year).stream().map(SnapshotMapper::toNode).toList();
    }

    private static List<ProgressItem> readProgress(Workspace ws, String unitCode, int year) {
        return ws.progress().findByUnit(unitCode, year).stream()
                .map(p -> new ProgressItem(p.nodeId(), p.quarter(), p.actualValue(), p.completionPercent(), p.status(),
                        p.narrative(), p.problems(), p.causes(), p.measures())).toList();
    }

    private static List<SelfAssessmentItem> readSelfAssessments(Workspace ws, String unitCode, int year) {
        return ws.selfAssessments().findByUnit(unitCode, year).stream()
                .map(a -> new SelfAssessmentItem(a.nodeId(), a.score(), a.level(), a.narrative())).toList();
    }

    private static List<Payloads.ReportItem> readReports(Workspace ws, String unitCode, int year) {
        return ws.reports().findByUnit(unitCode, year).stream()
                .map(r -> new Payloads.ReportItem(r.kind(), r.key(), r.position(), r.title(), r.body())).toList();
    }

    private static List<Payloads.EvidenceItem> readEvidence(Workspace ws, String unitCode, int year) {
        return ws.evidence().findByUnit(unitCode, year).stream()
                .map(e -> new Payloads.EvidenceItem(e.nodeId(), e.sha256(), e.fileName(), e.size(), e.mediaType(),
                        e.note())).toList();
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
                m == null ? null : m.due(), n.originId(), n.revision(), n.deleted(), q == null ? null : q.targetHigh(),
                n.systemCode());
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
                n.owner(), n.quality(), n.deadline(), n.weight(), measure, n.originId(), n.revision(), n.deleted(),
                n.systemCode());
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
