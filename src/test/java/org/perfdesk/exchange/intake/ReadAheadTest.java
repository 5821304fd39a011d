package org.perfdesk.exchange.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.TrustedKey;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.World;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.PackageKind;

/**
 * A batch reads each next file ahead while the one before is written ({@link ReadAhead}): whatever the
 * packages before it changed, every file's report is the one it gets when the files are imported one
 * at a time, in the batch's order. Each case is played in two worlds made the same way: one imports the
 * files as a batch, the other one file per call.
 */
class ReadAheadTest {
    @TempDir
    Path dir;

    /** What differs between a batch and single files if anything does: everything a person reads. */
    private static List<String> seen(List<ImportReport> reports) {
        List<String> out = new ArrayList<>();
        for (ImportReport r : reports) {
            out.add(r.file() + " | " + r.status() + " | " + r.code() + " | " + r.message() + " | " + r.warning()
                    + " | " + r.counts());
        }
        return out;
    }

    /** The office imports NYT's plan, which (by a test handler) also does {@code alsoAtCommit} in its transaction. */
    private static Handlers nytPlanAlso(java.util.function.Consumer<org.perfdesk.store.Workspace> alsoAtCommit) {
        SnapshotHandler snapshots = new SnapshotHandler();
        return Handlers.standard().with(new PackageHandler() {
            @Override
            public Set<PackageKind> kinds() {
                return snapshots.kinds();
            }

            @Override
            public Plan plan(Incoming in) {
                Plan p = snapshots.plan(in);
                if (in.sender().equals("NYT") && in.manifest().kind() == PackageKind.PLAN) {
                    p.write(() -> alsoAtCommit.accept(in.ws()));
                }
                return p;
            }
        });
    }

    private interface Case {
        /** Sets the world up and writes the batch's files into {@code folder}; returns the handlers to import with. */
        Handlers prepare(World w, Path folder) throws IOException;
    }

    private List<List<String>> batchAndOneByOne(Case c, boolean dryRun) throws IOException {
        List<List<String>> out = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (boolean batch : new boolean[] {true, false}) {
            try (World w = new World(dir.resolve((batch ? "batch" : "single") + (dryRun ? "-preview" : "")))) {
                w.addUnit("NYT", "福建省农业厅", OrgKind.DEPARTMENT, "XNB");
                w.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
                Path folder = Files.createDirectories(w.dir.resolve("files"));
                Handlers handlers = c.prepare(w, folder);
                Importer importer = new Importer(w.office, Limits.DEFAULT, w.officeSigner::keyRing, handlers);
                List<ImportReport> reports = new ArrayList<>();
                if (batch) {
                    reports.addAll(importer.importAll(List.of(folder), dryRun));
                    reports.forEach(r -> order.add(r.file()));
                } else {
                    // the batch's order (each sender's chain order; checked by the last test)
                    List<Path> files = order.stream().map(folder::resolve).toList();
                    if (dryRun) {
                        // a preview applies the whole batch in order and then undoes it: the same, file by file
                        Pipeline pipeline = new Pipeline(w.office, Limits.DEFAULT, w.officeSigner::keyRing, handlers);
                        reports.addAll(w.office.database().simulate(conn -> files.stream()
                                .map(f -> pipeline.run(f, true).report()).toList()));
                    } else {
                        files.forEach(f -> reports.add(importer.importFile(f, false)));
                    }
                }
                out.add(seen(reports));
            }
        }
        return out;
    }

    private static void move(Path file, Path folder, String name) throws IOException {
        Files.move(file, folder.resolve(name));
    }

    @Test
    void aKeyRevokedByTheOnePackageBeforeRefusesTheNextAsImportingThemOneByOneDoes() throws IOException {
        Case revoking = (w, folder) -> {
            move(w.export("NYT", PackageKind.PLAN), folder, "1.perfpkg");
            move(w.export("SLT", PackageKind.PLAN), folder, "2.perfpkg");
            move(w.export("SLT", PackageKind.PROGRESS), folder, "3.perfpkg");
            return nytPlanAlso(ws -> KeyRegistry.revoke(ws, "SLT", "密钥所在电脑丢失"));
        };
        for (boolean dryRun : new boolean[] {false, true}) {
            List<List<String>> both = batchAndOneByOne(revoking, dryRun);
            assertThat(both.get(0)).as("dry run " + dryRun).isEqualTo(both.get(1));
            assertThat(both.get(0)).hasSize(3);
            assertThat(both.get(0).get(0)).contains("ACCEPTED");
            assertThat(both.get(0).get(1)).contains("revoked-key").contains("密钥所在电脑丢失");
            assertThat(both.get(0).get(2)).contains("revoked-key");
        }
    }

    @Test
    void aKeyRegisteredByThePackageBeforeLetsTheNextInAsImportingThemOneByOneDoes() throws IOException {
        Case registering = (w, folder) -> {
            move(w.export("NYT", PackageKind.PLAN), folder, "1.perfpkg");
            move(w.export("SLT", PackageKind.PLAN), folder, "2.perfpkg");
            TrustedKey slt = w.office.trustedKeys().findByUnit("SLT").get(0);
            // SLT's key unknown when the batch starts; NYT's plan (by the test handler) brings it.
            w.office.database().write(c -> {
                try (var ps = c.prepareStatement("DELETE FROM trusted_key WHERE key_id = ?")) {
                    ps.setString(1, slt.keyId());
                    return ps.executeUpdate();
                }
            });
            return nytPlanAlso(ws -> ws.trustedKeys().save(slt));
        };
        List<List<String>> both = batchAndOneByOne(registering, false);
        assertThat(both.get(0)).isEqualTo(both.get(1));
        assertThat(both.get(0)).hasSize(2).allMatch(s -> s.contains("ACCEPTED"));
    }

    @Test
    void aRefusedPackageInTheMiddleLeavesItsNeighboursAndTheReportsFollowTheFiles() throws IOException {
        Case damaged = (w, folder) -> {
            move(w.export("NYT", PackageKind.PLAN), folder, "c.perfpkg");
            Path progress = w.export("NYT", PackageKind.PROGRESS);
            byte[] bytes = Files.readAllBytes(progress);
            bytes[bytes.length / 2] ^= 0x55; // inside a sealed entry: its hash no longer matches
            Files.write(folder.resolve("b.perfpkg"), bytes);
            Files.delete(progress);
            move(w.export("SLT", PackageKind.PLAN), folder, "a.perfpkg");
            Files.writeString(folder.resolve("d.perfpkg"), "not a package");
            move(w.export("SLT", PackageKind.PROGRESS), folder, "e.perfpkg");
            return Handlers.standard();
        };
        List<List<String>> both = batchAndOneByOne(damaged, false);
        assertThat(both.get(0)).isEqualTo(both.get(1));
        // Chain order: NYT's plan and progress, SLT's plan and progress, the unreadable file last.
        assertThat(both.get(0)).extracting(s -> s.substring(0, s.indexOf(" |")))
                .containsExactly("c.perfpkg", "b.perfpkg", "a.perfpkg", "e.perfpkg", "d.perfpkg");
        assertThat(both.get(0).get(0)).contains("ACCEPTED");
        assertThat(both.get(0).get(1)).contains("REJECTED");
        assertThat(both.get(0).get(2)).contains("ACCEPTED");
        assertThat(both.get(0).get(3)).contains("ACCEPTED");
        assertThat(both.get(0).get(4)).contains("REJECTED");
    }
}
