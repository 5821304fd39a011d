package org.perfdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.store.Workspace;

/** The sender's chain: replay, reused id, stale sequence, fork and gap. */
class ChainTest extends OneUnitWorld {
    @Test
    void aGapIsAcceptedWithAWarningAndTheMissingOneIsThenStale() {
        Path plan = world.export("SLT", PackageKind.PLAN);         // sequence 2
        Path progress = world.export("SLT", PackageKind.PROGRESS); // sequence 3

        ImportReport later = world.importAtOffice(progress);
        assertThat(later.status()).isEqualTo(ImportReport.Status.ACCEPTED);
        assertThat(later.warning()).isEqualTo("注意：序号 2 的数据包没有收到。");
        assertThat(later.message()).contains("序号 2 的数据包没有收到");

        Map<String, Long> before = World.rowCounts(world.office);
        ImportReport stale = world.importAtOffice(plan);
        assertThat(stale.code()).isEqualTo("stale");
        assertThat(stale.message()).contains("较早的数据包（序号 2）").contains("序号 3");
        assertThat(World.rowCounts(world.office)).isEqualTo(before);
    }

    @Test
    void aFolderIsImportedInChainOrderWhateverTheFilesAreCalled() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("renamed"));
        Files.move(world.export("SLT", PackageKind.PLAN), folder.resolve("z-first.perfpkg"));
        Files.move(world.export("SLT", PackageKind.PROGRESS), folder.resolve("a-second.perfpkg"));
        Files.writeString(folder.resolve("0-junk.perfpkg"), "not a package");

        List<ImportReport> reports = new Importer(world.office, world.officeSigner).importAll(List.of(folder), false);

        assertThat(reports).extracting(ImportReport::file)
                .containsExactly("z-first.perfpkg", "a-second.perfpkg", "0-junk.perfpkg");
        assertThat(reports.subList(0, 2)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(ImportReport.Status.ACCEPTED);
            assertThat(r.warning()).isNull();
        });
        assertThat(reports.get(2).code()).isEqualTo("not-a-zip");
        // The batch was preceded by one backup of the office's database, to undo it from 设置 → 备份.
        assertThat(org.perfdesk.store.Backups.of(world.office).list()).extracting(b -> b.reason())
                .containsExactly("before-import");
    }

    @Test
    void theSameIdWithOtherBytesIsRefused() throws IOException {
        OfficePolicy.setRequiresEncryption(world.office, false);
        ImportReport accepted = world.importAtOffice(world.exportPlain("SLT", PackageKind.PLAN));
        Signer slt = world.signers.get("SLT");
        Manifest header = new Manifest(Manifest.FORMAT, accepted.packageId(), PackageKind.PLAN,
                Manifest.Party.sender("SLT", slt.keyId()), Manifest.Party.recipient("XNB", null), World.YEAR, 3,
                null, Instant.now().toString(), "test", List.of());
        byte[] snapshot = World.entries(world.office.inboxDir().resolve(accepted.packageId() + ".perfpkg")).stream()
                .filter(e -> e.getKey().equals(EntryNames.SNAPSHOT)).findFirst().orElseThrow().getValue();
        Path reused = PackageWriter.write(dir.resolve("reused.perfpkg"), header,
                List.of(PackageWriter.Source.of(EntryNames.SNAPSHOT, snapshot)), slt.privateKey(), slt.publicKey(),
                null).file();
        Map<String, Long> before = World.rowCounts(world.office);
        ImportReport r = world.importAtOffice(reused);
        assertThat(r.code()).isEqualTo("id-reused");
        assertThat(World.rowCounts(world.office)).isEqualTo(before);
    }

    @Test
    void aCopiedWorkspaceSendingTheSameSequenceIsAFork() throws IOException {
        Workspace original = world.units.remove("SLT");
        original.close();
        copyFolder(dir.resolve("SLT"), dir.resolve("SLT-copy"));
        try (Workspace a = Workspace.open(dir.resolve("SLT")); Workspace b = Workspace.open(dir.resolve("SLT-copy"))) {
            Signer signer = world.signers.get("SLT");
            Path fromA = new Exporter(a, signer).exportUnitPackage(PackageKind.PLAN, World.YEAR, dir.resolve("a"), null)
                    .file();
            Path fromB = new Exporter(b, signer).exportUnitPackage(PackageKind.PLAN, World.YEAR, dir.resolve("b"), null)
                    .file();
            assertThat(world.importAtOffice(fromA).status()).isEqualTo(ImportReport.Status.ACCEPTED);
            Map<String, Long> before = World.rowCounts(world.office);
            ImportReport fork = world.importAtOffice(fromB);
            assertThat(fork.code()).isEqualTo("fork");
            assertThat(fork.message()).contains("福建省水利厅").contains("序号 2").contains("备份");
            assertThat(World.rowCounts(world.office)).isEqualTo(before);
            // The refused file is kept for the office to look at, with the reason.
            try (Stream<Path> kept = Files.list(world.office.inboxDir().resolve("rejected"))) {
                assertThat(kept.map(p -> p.getFileName().toString()))
                        .anyMatch(n -> n.endsWith(fromB.getFileName() + ".txt"));
            }
        }
    }

    @Test
    void aForkFurtherBackIsCaughtByThePreviousHash() throws IOException {
        Workspace original = world.units.remove("SLT");
        original.close();
        copyFolder(dir.resolve("SLT"), dir.resolve("SLT-copy"));
        try (Workspace a = Workspace.open(dir.resolve("SLT")); Workspace b = Workspace.open(dir.resolve("SLT-copy"))) {
            Signer signer = world.signers.get("SLT");
            Path a2 = new Exporter(a, signer).exportUnitPackage(PackageKind.PLAN, World.YEAR, dir.resolve("a"), null).file();
            new Exporter(b, signer).exportUnitPackage(PackageKind.PLAN, World.YEAR, dir.resolve("b"), null);
            Path b3 = new Exporter(b, signer).exportUnitPackage(PackageKind.PROGRESS, World.YEAR, dir.resolve("b"), null)
                    .file();
            world.importAtOffice(a2);
            // b3 follows b2, not a2: the chains have parted.
            assertThat(world.importAtOffice(b3).code()).isEqualTo("fork");
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
