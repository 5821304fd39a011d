package org.perfdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.UserError;

/**
 * A workspace folder: {@code perfdesk.db}, {@code attachments/}, {@code keys/}, {@code backups/},
 * {@code inbox/}, {@code outbox/} and the lock file. Opening one takes the lock first, so a second
 * process is told who holds it and nothing else is touched.
 */
public final class Workspace implements AutoCloseable {
    public static final String DB_FILE = "perfdesk.db";
    public static final List<String> FOLDERS = List.of("attachments", "keys", "backups", "inbox", "outbox");

    private final Path dir;
    private final WorkspaceLock lock;
    private final Database db;
    private final MetaRepository meta;
    private final OrgUnitRepository orgUnits;
    private final YearRepository years;
    private final GoalNodeRepository goals;
    private final ProgressRepository progress;
    private final SelfAssessmentRepository selfAssessments;
    private final TrustedKeyRepository trustedKeys;
    private final EncryptionKeyRepository encryptionKeys;
    private final PackageLogRepository packages;
    private final PlanReviewRepository reviews;
    private final ReceiptRepository receipts;
    private final ReportRepository reports;
    private final EvidenceRepository evidence;
    private final CalendarRepository calendar;
    private final RectificationRepository rectifications;
    private final FeedbackResultRepository feedbackResults;
    private final EvaluationData evaluation;
    private final AuditLog audit;

    private Workspace(Path dir, WorkspaceLock lock, Database db) {
        this.dir = dir;
        this.lock = lock;
        this.db = db;
        this.meta = new MetaRepository(db);
        this.orgUnits = new OrgUnitRepository(db);
        this.years = new YearRepository(db);
        this.goals = new GoalNodeRepository(db);
        this.progress = new ProgressRepository(db);
        this.selfAssessments = new SelfAssessmentRepository(db);
        this.trustedKeys = new TrustedKeyRepository(db);
        this.encryptionKeys = new EncryptionKeyRepository(db);
        this.packages = new PackageLogRepository(db);
        this.reviews = new PlanReviewRepository(db);
        this.receipts = new ReceiptRepository(db);
        this.reports = new ReportRepository(db);
        this.evidence = new EvidenceRepository(db, dir.resolve("attachments"));
        this.calendar = new CalendarRepository(db);
        this.rectifications = new RectificationRepository(db);
        this.feedbackResults = new FeedbackResultRepository(db);
        this.evaluation = new EvaluationData(new SchemeRepository(db), new IndicatorScoreRepository(db),
                new SpotCheckRepository(db), new AppraisalRepository(db), new InspectionRepository(db),
                new ResultFreezeRepository(db), new VerifiedFigureRepository(db), new StandingRepository(db),
                new ApprovalRepository(db));
        this.audit = new AuditLog(db, dir.resolve("keys"));
    }

    /** What a new workspace starts with. */
    public record Setup(Role role, OrgUnit self, int year, String programVersion) {
        public Setup {
            if (role == Role.OFFICE && self.parentCode() != null) {
                throw new IllegalArgumentException("the office has no parent");
            }
        }

        public static int defaultYear() {
            return Year.now().getValue();
        }
    }

    /**
     * Creates a workspace in an empty or missing folder. Its first facts are written in one
     * transaction; if anything fails, the new database is removed again so a retry starts clean.
     */
    public static Workspace create(Path dir, Setup setup) {
        Path db = dir.resolve(DB_FILE);
        if (Files.exists(db)) {
            throw new UserError("error.workspace.exists", dir.toString());
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError(e, "error.workspace.createFailed", dir.toString(), e.getMessage());
        }
        Workspace ws = open(dir, true);
        try {
            ws.db.write(c -> {
                ws.orgUnits.save(setup.self());
                ws.meta.put(MetaRepository.ROLE, setup.role().name());
                ws.meta.put(MetaRepository.SELF_CODE, setup.self().code());
                ws.meta.put(MetaRepository.CURRENT_YEAR, String.valueOf(setup.year()));
                ws.meta.put(MetaRepository.CREATED_AT, Instant.now().toString());
                ws.meta.put(MetaRepository.CREATED_BY, setup.programVersion());
                if (setup.role() == Role.OFFICE) {
                    // A new office asks its units for encrypted packages from the start (设置 turns it off).
                    ws.meta.put(MetaRepository.REQUIRE_ENCRYPTION, "true");
                }
                ws.years.open(setup.year());
                return null;
            });
            return ws;
        } catch (RuntimeException e) {
            ws.close();
            deleteQuietly(db, db.resolveSibling(DB_FILE + "-wal"), db.resolveSibling(DB_FILE + "-shm"));
            throw e;
        }
    }

    private static void deleteQuietly(Path... files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // the error that led here is the one to report
            }
        }
    }

    /** Opens an existing workspace. */
    public static Workspace open(Path dir) {
        if (!Files.isRegularFile(dir.resolve(DB_FILE))) {
            throw new UserError("error.workspace.notFound", dir.toString());
        }
        return open(dir, false);
    }

    private static Workspace open(Path dir, boolean create) {
        WorkspaceLock lock = WorkspaceLock.acquire(dir);
        try {
            Database db = Database.open(dir.resolve(DB_FILE), Migrations.standard(), dir.resolve("backups"), create);
            try {
                // Only once the database is known to be ours: a foreign folder gets no new sub-folders.
                for (String folder : FOLDERS) {
                    Files.createDirectories(dir.resolve(folder));
                }
            } catch (IOException e) {
                db.close();
                throw e;
            }
            Workspace ws = new Workspace(dir, lock, db);
            ws.keyTheAuditLog();
            return ws;
        } catch (IOException e) {
            lock.close();
            throw new UserError(e, "error.workspace.createFailed", dir.toString(), e.getMessage());
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Gives the audit log its key on the first open by a release that keys it. A key file that cannot be
     * read or written does not stop the workspace from opening: the audit check and the next audited
     * change say what is wrong.
     */
    private void keyTheAuditLog() {
        try {
            audit.ensureKey();
        } catch (UserError e) {
            java.util.logging.Logger.getLogger(Workspace.class.getName()).warning(e.getMessage());
        }
    }

    /** True when the folder looks like a workspace (has its database file). */
    public static boolean isWorkspace(Path dir) {
        return Files.isRegularFile(dir.resolve(DB_FILE));
    }

    public Path dir() {
        return dir;
    }

    public Path attachmentsDir() {
        return dir.resolve("attachments");
    }

    public Path backupsDir() {
        return dir.resolve("backups");
    }

    public Database database() {
        return db;
    }

    public MetaRepository meta() {
        return meta;
    }

    public OrgUnitRepository orgUnits() {
        return orgUnits;
    }

    public YearRepository years() {
        return years;
    }

    public GoalNodeRepository goals() {
        return goals;
    }

    public ProgressRepository progress() {
        return progress;
    }

    public SelfAssessmentRepository selfAssessments() {
        return selfAssessments;
    }

    public TrustedKeyRepository trustedKeys() {
        return trustedKeys;
    }

    public EncryptionKeyRepository encryptionKeys() {
        return encryptionKeys;
    }

    public PackageLogRepository packages() {
        return packages;
    }

    public PlanReviewRepository reviews() {
        return reviews;
    }

    public ReceiptRepository receipts() {
        return receipts;
    }

    public ReportRepository reports() {
        return reports;
    }

    public EvidenceRepository evidence() {
        return evidence;
    }

    /**
     * The office's evaluation: scheme, scores, spot checks, appraisal, inspections, frozen results,
     * verified figures, decisions on incomplete units, approvals (审定).
     */
    public record EvaluationData(SchemeRepository schemes, IndicatorScoreRepository scores,
                                 SpotCheckRepository spotChecks, AppraisalRepository appraisals,
                                 InspectionRepository inspections, ResultFreezeRepository freezes,
                                 VerifiedFigureRepository verified, StandingRepository standings,
                                 ApprovalRepository approvals) {
    }

    public EvaluationData evaluation() {
        return evaluation;
    }

    public AuditLog audit() {
        return audit;
    }

    public CalendarRepository calendar() {
        return calendar;
    }

    public RectificationRepository rectifications() {
        return rectifications;
    }

    /** At the unit: the results the office fed back. */
    public FeedbackResultRepository feedbackResults() {
        return feedbackResults;
    }

    public Path keysDir() {
        return dir.resolve("keys");
    }

    public Path inboxDir() {
        return dir.resolve("inbox");
    }

    public Path outboxDir() {
        return dir.resolve("outbox");
    }

    public Role role() {
        return Role.valueOf(meta.get(MetaRepository.ROLE).orElseThrow(() -> broken(MetaRepository.ROLE)));
    }

    /** The unit this workspace belongs to. */
    public OrgUnit self() {
        String code = meta.get(MetaRepository.SELF_CODE).orElseThrow(() -> broken(MetaRepository.SELF_CODE));
        return orgUnits.find(code).orElseThrow(() -> broken("org_unit " + code));
    }

    /** The year the workspace shows by default: the last one chosen. */
    public int currentYear() {
        return meta.get(MetaRepository.CURRENT_YEAR).map(Integer::parseInt)
                .orElseGet(() -> {
                    List<Integer> all = years.findAll();
                    return all.isEmpty() ? Setup.defaultYear() : all.get(all.size() - 1);
                });
    }

    public void setCurrentYear(int year) {
        years.open(year);
        meta.put(MetaRepository.CURRENT_YEAR, String.valueOf(year));
    }

    /** A short summary: role, unit, years, schema version, sizes and integrity. */
    public Summary summary() {
        OrgUnit self = self();
        List<YearCount> perYear = new ArrayList<>();
        for (int y : years.findAll()) {
            perYear.add(new YearCount(y, goals.count(self.code(), y), progress.findByUnit(self.code(), y).size()));
        }
        return new Summary(dir, role(), self, currentYear(), db.schemaVersion(), orgUnits.count(), perYear,
                db.integrityCheck());
    }

    public record YearCount(int year, int nodes, int progressEntries) {
    }

    public record Summary(Path dir, Role role, OrgUnit self, int currentYear, int schemaVersion, int orgUnits,
                          List<YearCount> years, String integrity) {
    }

    private UserError broken(String what) {
        return new UserError("error.workspace.incomplete", dir.toString(), what);
    }

    @Override
    public void close() {
        try {
            db.close();
        } finally {
            lock.close();
        }
    }
}
