package org.perfdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.store.Workspace;

/**
 * How often a package's bytes go through a digest (architecture.md, "Algorithm suites"): the figure
 * {@code bench exchange} prints, which no machine load changes. With evidence making up most of the
 * package, an export hashes each byte four times (the plaintext for the table of contents, the sealed
 * entry for the manifest, the read-back's file and entry) and an import four (the file, the sealed entry,
 * the plaintext against the table of contents, the evidence against its name): the USB copy and the
 * inbox copy take the bytes that were verified instead of hashing the file once more.
 */
class HashPassesTest extends OneUnitWorld {
    private static final int EVIDENCE = 2 << 20;

    @Test
    void exportAndImportHashEachByteOfEvidenceFourTimesAndKeepTheVerifiedBytes() throws Exception {
        byte[] random = new byte[EVIDENCE];
        new Random(7).nextBytes(random);
        Workspace slt = world.units.get("SLT");
        slt.evidence().attach("SLT-i1", Files.write(dir.resolve("scan.pdf"), random), "扫描件");

        long before = Hashing.digested();
        Path file = world.export("SLT", PackageKind.PROGRESS);
        long exported = Hashing.digested() - before;
        long size = Files.size(file);
        assertThat(size).isGreaterThan(EVIDENCE);
        assertThat((double) exported / size).as("bytes hashed per package byte, export").isLessThan(4.5);

        before = Hashing.digested();
        ImportReport r = world.importAtOffice(file);
        long imported = Hashing.digested() - before;
        assertThat(r.accepted()).as(r.message()).isTrue();
        assertThat((double) imported / size).as("bytes hashed per package byte, import").isLessThan(4.5);

        // What the inbox kept is the file byte for byte, under the hash the log records.
        PackageRecord logged = world.office.packages().find(r.packageId()).orElseThrow();
        Path kept = Inbox.fileOf(world.office, logged);
        assertThat(Files.mismatch(kept, file)).isEqualTo(-1L);
        assertThat(World.hash(kept)).isEqualTo(logged.fileHash());
    }
}
