package org.perfdesk.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.exchange.Exporter;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.store.Folders;
import org.perfdesk.store.Workspace;

/**
 * Crash at every write point, the way SQLite proves itself: an import (and an export) runs in a JVM of
 * its own and is killed with {@code destroyForcibly} right after its k-th database statement, for
 * every k, and at random moments. After each kill the workspace must open, pass
 * {@code PRAGMA integrity_check}, hold exactly the state before or after the package (canonical dump
 * of every table), with the package chain's high-water mark to match, have only whole files under
 * final names, and a retry must then give the state after.
 *
 * <p>{@code mvn verify} runs a sample (about five kill points spread over the run, the last two, three
 * random kills);
 * {@code -Dperfdesk.proof=full} (or {@code mvn -Pproof verify}) runs every kill point and 50 random kills each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashTest {
    private static final boolean FULL = "full".equals(System.getProperty("perfdesk.proof"));
    private static final int RANDOM_KILLS = FULL ? 50 : 3;

    @TempDir
    static Path dir;
    private ProofWorld world;
    private String before;
    private String after;
    private Path officeAfter;
    private long importStatements;
    private long importMillis;
    private long exportStatements;
    private long exportMillis;
    private String unitBefore;
    private int unitOutgoingBefore;

    @BeforeAll
    void setUp() throws Exception {
        world = new ProofWorld(dir.resolve("world"), 40, 2);
        try (Workspace ws = Workspace.open(world.officeBefore)) {
            before = CanonicalDump.of(ws);
            assertThat(ProofWorld.highWater(ws)).isEqualTo(2);
        }
        // The reference: the same import, not interrupted, counting its statements.
        officeAfter = dir.resolve("office-after");
        Folders.copyWorkspace(world.officeBefore, officeAfter);
        ChildJvm.Run ref = ChildJvm.run(traced(), ProofWorld.childEnv(), importArgs(officeAfter));
        assertThat(ref.exitCode()).as(ref.text()).isZero();
        importStatements = ref.statementsSeen();
        importMillis = ref.millis() - ref.firstStatementMillis();
        try (Workspace ws = Workspace.open(officeAfter)) {
            after = CanonicalDump.of(ws);
            assertThat(ProofWorld.highWater(ws)).isEqualTo(3);
        }
        assertThat(after).isNotEqualTo(before);

        Path unitRef = dir.resolve("unit-ref");
        Folders.copyWorkspace(world.unitBefore, unitRef);
        ChildJvm.Run exp = ChildJvm.run(traced(), ProofWorld.childEnv(), exportArgs(unitRef,
                Files.createDirectories(dir.resolve("stick-ref"))));
        assertThat(exp.exitCode()).as(exp.text()).isZero();
        exportStatements = exp.statementsSeen();
        exportMillis = exp.millis() - exp.firstStatementMillis();
        try (Workspace ws = Workspace.open(world.unitBefore)) {
            unitBefore = withoutPackages(CanonicalDump.of(ws));
            unitOutgoingBefore = ws.packages().findOutgoing().size();
        }
        System.out.printf("crash test: the import makes %d statements (%d ms), the export %d (%d ms)%n",
                importStatements, importMillis, exportStatements, exportMillis);
    }

    private java.util.Map<String, String> traced() {
        java.util.Map<String, String> p = new java.util.HashMap<>(ProofWorld.childProperties(dir));
        p.put("perfdesk.test.traceStatements", "true");
        return p;
    }

    private List<String> importArgs(Path office) {
        return List.of("import", "--workspace", office.toString(), world.secondPackage.toString());
    }

    private static List<String> exportArgs(Path unit, Path stick) {
        return List.of("export", "--workspace", unit.toString(), "--kind", "annual", "--year",
                String.valueOf(ProofWorld.YEAR), "--out", stick.toString());
    }

    /** Every kill point in a full run; else about five spread over the run and the last two (the commit). */
    private static List<Long> killPoints(long count) {
        TreeSet<Long> points = new TreeSet<>();
        long stride = FULL ? 1 : Math.max(1, count / 5);
        for (long k = 1; k <= count; k += stride) {
            points.add(k);
        }
        for (long k = Math.max(1, count - 1); k <= count; k++) {
            points.add(k);
        }
        return new ArrayList<>(points);
    }

    @Test
    void importKilledAfterEachStatement() throws Exception {
        int[] outcome = new int[2];
        List<Long> points = killPoints(importStatements);
        for (long k : points) {
            Path office = fresh("import-k" + k);
            ChildJvm.Run run = ChildJvm.run(ProofWorld.childProperties(dir), ProofWorld.childEnv(), importArgs(office), k, -1);
            assertThat(run.killed()).as("killed after statement %d of %d:%n%s", k, importStatements, run.text()).isTrue();
            outcome[checkImport(office, "after statement " + k, before, after)]++;
            Folders.deleteQuietly(office);
        }
        System.out.printf("crash test: import killed after %d of its %d statements: all passed (%d before, %d after)%n",
                points.size(), importStatements, outcome[0], outcome[1]);
        assertThat(outcome[0]).as("kills that left the state before").isPositive();
        assertThat(outcome[1]).as("kills that left the state after").isPositive();
    }

    @Test
    void importKilledAtRandomMoments() throws Exception {
        SplittableRandom random = new SplittableRandom(20081231);
        int[] outcome = new int[2];
        for (int i = 0; i < RANDOM_KILLS; i++) {
            long delay = random.nextLong(importMillis + importMillis / 5 + 1);
            Path office = fresh("import-r" + i);
            ChildJvm.run(ProofWorld.childProperties(dir), ProofWorld.childEnv(), importArgs(office), -1, delay);
            outcome[checkImport(office, "after " + delay + " ms", before, after)]++;
            Folders.deleteQuietly(office);
        }
        System.out.printf("crash test: import killed at %d random moments: all passed (%d before, %d after)%n",
                RANDOM_KILLS, outcome[0], outcome[1]);
    }

    /**
     * The import's first write is the backup of the whole database ({@code backups/}); on a larger
     * office it takes long enough for kills to land inside it. A backup cut short must not be left
     * under a backup's name, where it would be offered for restoring.
     */
    @Test
    void importKilledWhileItMakesItsBackup() throws Exception {
        Path padded = dir.resolve("office-padded");
        Folders.copyWorkspace(world.officeBefore, padded);
        try (Workspace ws = Workspace.open(padded)) {
            String page = "审计留痕".repeat(64 * 1024); // 768 KB of text per entry
            for (int i = 0; i < 40; i++) {
                ws.audit().append("padding", "entry " + i, null, page, "a larger office");
            }
        }
        String paddedBefore;
        try (Workspace ws = Workspace.open(padded)) {
            paddedBefore = CanonicalDump.of(ws);
        }
        Path ref = dir.resolve("office-padded-ref");
        Folders.copyWorkspace(padded, ref);
        ChildJvm.Run run = ChildJvm.run(traced(), ProofWorld.childEnv(), importArgs(ref));
        assertThat(run.exitCode()).as(run.text()).isZero();
        String paddedAfter;
        try (Workspace ws = Workspace.open(ref)) {
            paddedAfter = CanonicalDump.of(ws);
        }
        long window = run.millis() - run.firstStatementMillis();
        SplittableRandom random = new SplittableRandom(7);
        int kills = FULL ? 20 : 3;
        int[] outcome = new int[2];
        for (int i = 0; i < kills; i++) {
            long delay = random.nextLong(Math.max(1, window / 2));
            Path office = dir.resolve("import-b" + i);
            Folders.copyWorkspace(padded, office);
            ChildJvm.run(ProofWorld.childProperties(dir), ProofWorld.childEnv(), importArgs(office), -1, delay);
            outcome[checkImport(office, "after " + delay + " ms (backup)", paddedBefore, paddedAfter)]++;
            Folders.deleteQuietly(office);
        }
        System.out.printf("crash test: import of a larger office killed at %d moments in its first half (its backup): "
                + "all passed (%d before, %d after)%n", kills, outcome[0], outcome[1]);
    }

    private Path fresh(String name) throws Exception {
        Path office = dir.resolve(name);
        Folders.copyWorkspace(world.officeBefore, office);
        return office;
    }

    /** The checks after a killed import; 0 when the state is the one before, 1 when after. */
    private int checkImport(Path office, String when, String before, String after) throws Exception {
        try (Workspace ws = Workspace.open(office)) {
            assertThat(ws.database().integrityCheck()).as("integrity %s", when).isEqualTo("ok");
            String dump = CanonicalDump.of(ws);
            boolean isBefore = dump.equals(before);
            boolean isAfter = dump.equals(after);
            assertThat(isBefore || isAfter).as("killed %s: neither before nor after; against before %s; against after %s",
                    when, CanonicalDump.firstDifference(before, dump), CanonicalDump.firstDifference(after, dump)).isTrue();
            assertThat(ProofWorld.highWater(ws)).as("high-water mark %s", when).isEqualTo(isAfter ? 3 : 2);
            ProofWorld.filesAreWhole(office);
            ImportReport again = ProofWorld.importer(ws).importFile(world.secondPackage, false);
            assertThat(again.status()).as("retry %s: %s", when, again.message())
                    .isEqualTo(isAfter ? ImportReport.Status.ALREADY_IMPORTED : ImportReport.Status.ACCEPTED);
            assertThat(CanonicalDump.of(ws)).as("after the retry (%s)", when).isEqualTo(after);
            return isAfter ? 1 : 0;
        }
    }

    @Test
    void exportKilledAfterEachStatement() throws Exception {
        int[] outcome = new int[2];
        List<Long> points = killPoints(exportStatements);
        for (long k : points) {
            Path unit = dir.resolve("export-k" + k);
            Path stick = Files.createDirectories(dir.resolve("stick-k" + k));
            Folders.copyWorkspace(world.unitBefore, unit);
            ChildJvm.Run run = ChildJvm.run(ProofWorld.childProperties(dir), ProofWorld.childEnv(), exportArgs(unit, stick),
                    k, -1);
            assertThat(run.killed()).as("killed after statement %d of %d:%n%s", k, exportStatements, run.text()).isTrue();
            outcome[checkExport(unit, stick, "after statement " + k)]++;
        }
        System.out.printf("crash test: export killed after %d of its %d statements: all passed (%d before, %d after)%n",
                points.size(), exportStatements, outcome[0], outcome[1]);
        assertThat(outcome[0]).isPositive();
        assertThat(outcome[1]).isPositive();
    }

    @Test
    void exportKilledAtRandomMoments() throws Exception {
        SplittableRandom random = new SplittableRandom(20090110);
        int[] outcome = new int[2];
        for (int i = 0; i < RANDOM_KILLS; i++) {
            long delay = random.nextLong(exportMillis + exportMillis / 5 + 1);
            Path unit = dir.resolve("export-r" + i);
            Path stick = Files.createDirectories(dir.resolve("stick-r" + i));
            Folders.copyWorkspace(world.unitBefore, unit);
            ChildJvm.run(ProofWorld.childProperties(dir), ProofWorld.childEnv(), exportArgs(unit, stick), -1, delay);
            outcome[checkExport(unit, stick, "after " + delay + " ms")]++;
        }
        System.out.printf("crash test: export killed at %d random moments: all passed (%d before, %d after)%n",
                RANDOM_KILLS, outcome[0], outcome[1]);
    }

    /**
     * After a killed export: the unit's data unchanged, the package logged or not, a logged one whole in
     * {@code outbox/} with the hash the log names, no partial package under a final name anywhere, and
     * a retry writes a package the office accepts.
     */
    private int checkExport(Path unit, Path stick, String when) throws Exception {
        try (Workspace ws = Workspace.open(unit)) {
            assertThat(ws.database().integrityCheck()).as("integrity %s", when).isEqualTo("ok");
            assertThat(withoutPackages(CanonicalDump.of(ws))).as("the unit's data %s", when).isEqualTo(unitBefore);
            List<PackageRecord> out = ws.packages().findOutgoing();
            assertThat(out.size()).as("packages logged %s", when).isBetween(unitOutgoingBefore, unitOutgoingBefore + 1);
            boolean logged = out.size() == unitOutgoingBefore + 1;
            if (logged) {
                PackageRecord last = out.stream().max(java.util.Comparator.comparingLong(PackageRecord::sequence))
                        .orElseThrow();
                Path file = ws.outboxDir().resolve(last.fileName());
                assertThat(file).as("the logged package %s", when).isRegularFile();
                assertThat(ProofWorld.fileHash(file)).isEqualTo(last.fileHash());
            }
            ProofWorld.packagesAreWhole(ws.outboxDir(), ws);
            ProofWorld.packagesAreWhole(stick, ws);
            ProofWorld.filesAreWhole(unit);

            Path retried = new Exporter(ws, WorkspaceKeys.unlock(ws, ProofWorld.PASSPHRASE.toCharArray()))
                    .exportUnitPackage(PackageKind.ANNUAL, ProofWorld.YEAR, stick, null).file();
            Path office = dir.resolve("office-for-" + unit.getFileName());
            Folders.copyWorkspace(officeAfter, office);
            try (Workspace o = Workspace.open(office)) {
                ImportReport r = ProofWorld.importer(o).importFile(retried, false);
                assertThat(r.accepted()).as("the retried export %s at the office: %s", when, r.message()).isTrue();
            }
            Folders.deleteQuietly(office);
            return logged ? 1 : 0;
        } finally {
            try (Stream<Path> s = Stream.of(unit, stick)) {
                s.forEach(Folders::deleteQuietly);
            }
        }
    }

    /** The dump without the package log and snapshots, which an export adds to. */
    private static String withoutPackages(String dump) {
        StringBuilder out = new StringBuilder();
        boolean skip = false;
        for (String line : dump.split("\n")) {
            if (line.startsWith("== ")) {
                skip = line.startsWith("== package_log ") || line.startsWith("== snapshot ");
            }
            if (!skip) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
