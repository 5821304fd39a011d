package org.perfdesk.exchange.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.OneUnitWorld;
import org.perfdesk.exchange.Receipts;
import org.perfdesk.exchange.World;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.proof.CanonicalDump;

/**
 * A package is its signed content, not its file bytes (finding 2 of issue 18): whoever re-zips a
 * genuine package — a zip comment added, recompressed, entries reordered — makes no new package.
 */
class ChainIdentityTest extends OneUnitWorld {
    @Test
    void aRezippedGenuinePackageIsAlreadyImportedAndTheUnitsNextOneIsAccepted() throws Exception {
        Path plan = world.export("SLT", PackageKind.PLAN);
        List<Path> copies = new ArrayList<>();
        for (World.Rezip how : World.Rezip.values()) {
            copies.add(World.rezipped(plan, dir.resolve(how + ".perfpkg"), how));
        }
        List<String> fileHashes = new ArrayList<>(List.of(Hashing.sha256(plan)));
        for (Path c : copies) {
            fileHashes.add(Hashing.sha256(c));
        }
        assertThat(fileHashes).as("four different files").doesNotHaveDuplicates();

        // A re-zipped copy reaches the office first: it is the unit's genuine plan, so it is accepted.
        ImportReport first = world.importAtOffice(copies.get(0));
        assertThat(first.status()).as(first.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        String after = CanonicalDump.of(world.office);

        // Every other copy, and the genuine file itself, is the same package.
        for (Path p : List.of(copies.get(1), copies.get(2), plan)) {
            ImportReport r = world.importAtOffice(p);
            assertThat(r.status()).as(p + ": " + r.message()).isEqualTo(ImportReport.Status.ALREADY_IMPORTED);
            assertThat(r.code()).isEqualTo("already-imported");
            assertThat(CanonicalDump.of(world.office)).as(p.toString()).isEqualTo(after);
        }

        // The unit's next genuine package follows on, with no fork and no gap.
        ImportReport progress = world.importAtOffice(world.export("SLT", PackageKind.PROGRESS));
        assertThat(progress.status()).as(progress.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        assertThat(progress.warning()).isNull();

        // The office's receipt names the package the unit sent, whatever copy the office kept.
        Path receipt = Receipts.write(world.office, world.officeSigner, first.packageId(), world.usb).file();
        ImportReport taken = world.importer("SLT").importFile(receipt, false);
        assertThat(taken.status()).as(taken.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        assertThat(world.units.get("SLT").receipts().find(first.packageId())).isPresent();
    }

    @Test
    void theIdentityIsTheHashOfTheSignedManifestAndTheNextPackageLinksToIt() throws Exception {
        Path plan = world.export("SLT", PackageKind.PLAN);
        Path progress = world.export("SLT", PackageKind.PROGRESS);
        byte[] manifest = World.entries(plan).stream().filter(e -> e.getKey().equals(Manifest.MANIFEST))
                .findFirst().orElseThrow().getValue();
        String identity = Hashing.hash(org.perfdesk.exchange.Workspaces.defaultSuite(), manifest);

        PackageRecord sent = world.units.get("SLT").packages().findOutgoing().stream()
                .filter(p -> p.kind().equals("PLAN")).findFirst().orElseThrow();
        assertThat(sent.manifestHash()).isEqualTo(identity);
        byte[] next = World.entries(progress).stream().filter(e -> e.getKey().equals(Manifest.MANIFEST))
                .findFirst().orElseThrow().getValue();
        assertThat(new String(next, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"previousHash\" : \"" + identity + "\"");

        world.importAtOffice(plan);
        assertThat(world.office.packages().find(sent.packageId()).orElseThrow().manifestHash()).isEqualTo(identity);
        assertThat(world.importAtOffice(progress).accepted()).isTrue();
    }
}
