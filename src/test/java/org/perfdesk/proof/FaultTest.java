package org.perfdesk.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.Exporter;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.store.Folders;
import org.perfdesk.store.Workspace;

/**
 * Faults a user meets: the disk fills up during an import or an export, a package arrives cut short
 * or altered. Each ends with a message that says what happened and what to do, nothing half-written,
 * and a retry that works once the cause is gone.
 */
class FaultTest {
    @TempDir
    static Path dir;
    private static ProofWorld world;
    private static String before;
    private static String after;

    @BeforeAll
    static void setUp() throws Exception {
        world = new ProofWorld(dir.resolve("world"), 30, 2);
        try (Workspace ws = Workspace.open(world.officeBefore)) {
            before = CanonicalDump.of(ws);
        }
        Path ref = copyOffice("office-ref");
        try (Workspace ws = Workspace.open(ref)) {
            assertThat(ProofWorld.importer(ws).importFile(world.secondPackage, false).accepted()).isTrue();
            after = CanonicalDump.of(ws);
        }
    }

    private static Path copyOffice(String name) throws Exception {
        Path office = dir.resolve(name);
        Folders.copyWorkspace(world.officeBefore, office);
        return office;
    }

    private static void sql(Workspace ws, String statement) {
        ws.database().read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(statement);
            }
            return null;
        });
    }

    private static long pageCount(Workspace ws) {
        return ws.database().read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private static long freePages(Workspace ws) {
        return ws.database().read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA freelist_count")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Test
    void diskFullDuringImportSaysSoKeepsEverythingAndTheRetryWorks() throws Exception {
        Path office = copyOffice("office-full");
        try (Workspace ws = Workspace.open(office)) {
            // The database may not grow by a single page (and has no free page to reuse): SQLite answers
            // SQLITE_FULL, as on a full disk. (A few pages of room were once enough to fail; an import now
            // writes only what changed, in a compact snapshot, and fits in three.)
            assertThat(freePages(ws)).isZero();
            sql(ws, "PRAGMA max_page_count = " + pageCount(ws));
            List<ImportReport> reports = ProofWorld.importer(ws).importAll(List.of(world.secondPackage), false);
            ImportReport r = reports.get(0);
            assertThat(r.status()).isEqualTo(ImportReport.Status.REJECTED);
            assertThat(r.message()).isEqualTo(new UserError("error.db.full",
                    ws.database().file().toString()).getLocalizedMessage());
            assertThat(CanonicalDump.of(ws)).isEqualTo(before);
            assertThat(ws.inboxDir().resolve(packageId(world.secondPackage) + ".perfpkg")).doesNotExist();
            ProofWorld.filesAreWhole(office);

            sql(ws, "PRAGMA max_page_count = 1073741823"); // space freed
            ImportReport retry = ProofWorld.importer(ws).importFile(world.secondPackage, false);
            assertThat(retry.accepted()).as(retry.message()).isTrue();
            assertThat(CanonicalDump.of(ws)).isEqualTo(after);
        }
    }

    @Test
    void diskFullWhileWritingThePackageLeavesNoFileAndNothingLogged() throws Exception {
        Path unit = dir.resolve("unit-devfull");
        Folders.copyWorkspace(world.unitBefore, unit);
        try (Workspace ws = Workspace.open(unit)) {
            assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full (Linux)");
            int logged = ws.packages().findOutgoing().size();
            // The next package's temporary file leads to /dev/full, where every write fails with ENOSPC.
            Path part = ws.outboxDir().resolve("." + ProofWorld.packageName(logged + 1) + ".part");
            Files.createSymbolicLink(part, Path.of("/dev/full"));
            Exporter exporter = new Exporter(ws, WorkspaceKeys.unlock(ws, ProofWorld.PASSPHRASE.toCharArray()));
            Path stick = Files.createDirectories(dir.resolve("stick-devfull"));
            assertThatThrownBy(() -> exporter.exportUnitPackage(PackageKind.ANNUAL, ProofWorld.YEAR, stick, null))
                    .isInstanceOfSatisfying(UserError.class, e -> {
                        assertThat(e.key()).isEqualTo("error.package.writeFailed");
                        assertThat(e.getLocalizedMessage()).contains(part.getParent().toString());
                    });
            assertThat(ws.packages().findOutgoing()).hasSize(logged);
            assertThat(finalNames(ws.outboxDir())).hasSize(logged);
            assertThat(finalNames(stick)).isEmpty();

            Files.deleteIfExists(part);
            Path written = exporter.exportUnitPackage(PackageKind.ANNUAL, ProofWorld.YEAR, stick, null).file();
            assertThat(finalNames(stick)).containsExactly(written.getFileName().toString());
            ProofWorld.packagesAreWhole(stick, ws);
        }
    }

    /**
     * A USB stick with too little room, really full: a 256 KB tmpfs mounted in a user and mount namespace
     * of the child's own ({@code unshare -rm}), so the test needs no root. The package stays safe in
     * {@code outbox/}, the stick holds no file under the package's name, the message says both.
     */
    @Test
    void aFullStickLeavesNoPartialPackageAndSaysWhereTheSafeCopyIs() throws Exception {
        assumeTrue(unshareWorks(), "needs unshare -rm (Linux user namespaces)");
        Path unit = dir.resolve("unit-fullstick");
        Folders.copyWorkspace(world.unitBefore, unit);
        Path stick = Files.createDirectories(dir.resolve("stick-full"));
        List<String> javaCommand = ChildJvm.command(ProofWorld.childProperties(dir), List.of("export", "--lang", "en",
                "--workspace", unit.toString(), "--kind", "annual", "--year", String.valueOf(ProofWorld.YEAR),
                "--out", stick.toString()));
        String script = "mount -t tmpfs -o size=256k tmpfs " + quote(stick) + " || exit 99\n"
                // the stick is full of photos but for 8 KB: too little for the package
                + "head -c 1000000 /dev/urandom > " + quote(stick.resolve("photos.jpg")) + " 2>/dev/null\n"
                + "truncate -s -8192 " + quote(stick.resolve("photos.jpg")) + "\n"
                + String.join(" ", javaCommand.stream().map(FaultTest::quote).toList()) + "\n"
                + "echo \"EXIT=$?\"\n"
                + "ls -A " + quote(stick) + "\n";
        ProcessBuilder pb = new ProcessBuilder("unshare", "-rm", "sh", "-c", script).redirectErrorStream(true);
        pb.environment().putAll(ProofWorld.childEnv());
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        assertThat(output).as(output).contains("EXIT=1");
        assertThat(output).contains("copying it to").contains("failed").contains("The package is saved at")
                .contains(unit.resolve("outbox").toString());
        String listing = output.substring(output.indexOf("EXIT=1") + "EXIT=1".length()).trim();
        assertThat(listing.lines().toList()).as("what the stick holds afterwards").containsExactly("photos.jpg");
        try (Workspace ws = Workspace.open(unit)) {
            assertThat(ws.database().integrityCheck()).isEqualTo("ok");
            ProofWorld.packagesAreWhole(ws.outboxDir(), ws);
            // the safe copy in outbox/ is the logged package; it can be copied again when there is room
            var last = ws.packages().findOutgoing().stream()
                    .max(java.util.Comparator.comparingLong(r -> r.sequence())).orElseThrow();
            assertThat(ProofWorld.fileHash(ws.outboxDir().resolve(last.fileName())))
                    .isEqualTo(last.fileHash());
        }
    }

    private static boolean unshareWorks() {
        try {
            Process p = new ProcessBuilder("unshare", "-rm", "true").redirectErrorStream(true).start();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static String quote(Object s) {
        return "'" + s.toString().replace("'", "'\\''") + "'";
    }

    @Test
    void aPackageCutShortAnywhereIsRefusedWithoutAnyChange() throws Exception {
        Path office = copyOffice("office-truncated");
        byte[] whole = Files.readAllBytes(world.secondPackage);
        List<Integer> lengths = new ArrayList<>(List.of(0, 1, 4, 30, whole.length - 22, whole.length - 1));
        for (int i = 1; i < 20; i++) {
            lengths.add(whole.length * i / 20);
        }
        List<String> inbox = finalNames(office.resolve("inbox"));
        try (Workspace ws = Workspace.open(office)) {
            for (int length : lengths) {
                Path cut = dir.resolve("cut-" + length + ".perfpkg");
                Files.write(cut, java.util.Arrays.copyOf(whole, length));
                ImportReport r = ProofWorld.importer(ws).importFile(cut, false);
                assertThat(r.status()).as("cut to %d of %d bytes", length, whole.length)
                        .isEqualTo(ImportReport.Status.REJECTED);
                assertThat(r.code()).as("cut to %d bytes: %s", length, r.message())
                        .isIn("empty-file", "not-a-zip", "truncated", "damaged-entry", "not-a-package");
                assertThat(r.message()).isNotBlank().doesNotContain("Exception");
            }
            assertThat(CanonicalDump.of(ws)).isEqualTo(before);
            assertThat(finalNames(ws.inboxDir())).isEqualTo(inbox);
            // and the whole package still imports
            assertThat(ProofWorld.importer(ws).importFile(world.secondPackage, false).accepted()).isTrue();
        }
    }

    @Test
    void theCommandLineSaysAPackageIsIncompleteAndExitsOne() throws Exception {
        Path office = copyOffice("office-cli");
        byte[] whole = Files.readAllBytes(world.secondPackage);
        Path cut = dir.resolve("U001-XNB-003-annual-2008.perfpkg");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        ChildJvm.Run run = ChildJvm.run(ProofWorld.childProperties(dir), ProofWorld.childEnv(),
                List.of("import", "--lang", "en", "--workspace", office.toString(), cut.toString()));
        assertThat(run.exitCode()).as(run.text()).isEqualTo(1);
        assertThat(run.text()).contains("is incomplete (cut short or damaged)").doesNotContain("Exception");
        try (Workspace ws = Workspace.open(office)) {
            assertThat(CanonicalDump.of(ws)).isEqualTo(before);
        }
    }

    @Test
    void alteredBytesAnywhereInThePackageAreRefusedOrChangeNothingThatIsRead() throws Exception {
        Path office = copyOffice("office-altered");
        byte[] whole = Files.readAllBytes(world.secondPackage);
        var genuine = org.perfdesk.exchange.pkg.PackageReader.readWithoutSignature(world.secondPackage,
                org.perfdesk.exchange.pkg.Limits.DEFAULT);
        int refused = 0;
        int tried = 0;
        Workspace ws = Workspace.open(office);
        try {
            for (int at = 0; at < whole.length; at += Math.max(1, whole.length / 80)) {
                tried++;
                byte[] altered = whole.clone();
                altered[at] ^= 0x20;
                Path file = dir.resolve("altered-" + at + ".perfpkg");
                Files.write(file, altered);
                ImportReport r = ProofWorld.importer(ws).importFile(file, false);
                if (r.status() == ImportReport.Status.REJECTED) {
                    refused++;
                    assertThat(r.message()).isNotBlank().doesNotContain("Exception");
                    assertThat(CanonicalDump.of(ws)).as("after byte %d altered", at).isEqualTo(before);
                    continue;
                }
                // A byte the reader never uses (a local header's time, say) may change: then what was read
                // is exactly what the unit signed, and so is what was imported.
                assertThat(r.accepted()).as("byte %d: %s", at, r.message()).isTrue();
                var read = org.perfdesk.exchange.pkg.PackageReader.readWithoutSignature(file,
                        org.perfdesk.exchange.pkg.Limits.DEFAULT);
                assertThat(read.manifest()).as("byte %d", at).isEqualTo(genuine.manifest());
                assertThat(read.entries().keySet()).isEqualTo(genuine.entries().keySet());
                for (var e : read.entries().entrySet()) {
                    assertThat(e.getValue()).as("%s with byte %d altered", e.getKey(), at)
                            .isEqualTo(genuine.entry(e.getKey()));
                }
                assertThat(CanonicalDump.of(ws)).isEqualTo(after.replace(ProofWorld.fileHash(world.secondPackage),
                        ProofWorld.fileHash(file)).replace(world.secondPackage.getFileName().toString(),
                        file.getFileName().toString()));
                ws.close();
                Folders.deleteQuietly(office);
                Folders.copyWorkspace(world.officeBefore, office);
                ws = Workspace.open(office);
            }
        } finally {
            ws.close();
        }
        assertThat(refused).as("refused of %d", tried).isGreaterThan(tried * 3 / 4);
    }

    private static List<String> finalNames(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".perfpkg") && !n.startsWith(".")).sorted().toList();
        }
    }

    private static String packageId(Path pkg) {
        return org.perfdesk.exchange.pkg.PackageReader.readWithoutSignature(pkg,
                org.perfdesk.exchange.pkg.Limits.DEFAULT).manifest().packageId();
    }
}
