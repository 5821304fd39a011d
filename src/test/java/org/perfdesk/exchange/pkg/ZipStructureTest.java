package org.perfdesk.exchange.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.exchange.crypto.Ed25519;

/**
 * The zip rules of package-format.md §5 and §8, one crafted file each ({@link CraftedZip}): what the
 * central directory, the local headers and the data descriptors say must agree with each other and
 * with the bytes actually unpacked; entries lie one after the other without overlap or gap; ZIP64,
 * zip encryption and compression methods other than stored and deflated are refused. Each file is
 * otherwise a genuine package (listed, hashed and signed), so the rule under test is what refuses it,
 * and the same file with the lie taken out is accepted.
 */
class ZipStructureTest {
    private static final KeyPair KEY = Ed25519.generate();
    private static final String KEY_ID = Ed25519.keyId(KEY.getPublic());
    private static final PackageReader.Trust TRUST = id -> id.equals(KEY_ID)
            ? new PackageReader.TrustedKey(id, "U001", KEY.getPublic(), null, null) : null;
    private static final String SNAPSHOT = EntryNames.SNAPSHOT;
    private static final byte[] EVIDENCE = new byte[300_000]; // zeros: deflates to about 300 bytes
    private static final String EVIDENCE_NAME = EntryNames.attachment(Hashing.sha256(EVIDENCE));

    @TempDir
    Path dir;

    @Test
    void aPackageWrittenByCraftedZipWithEveryHeaderTrueIsAccepted() throws IOException {
        assertThat(read(pkg(z -> { })).entries()).containsKeys(SNAPSHOT, EVIDENCE_NAME);
        // data descriptors (what java.util.zip writes), stored entries and a zip comment are all allowed
        assertThat(read(pkg(z -> z.entries().forEach(e -> e.descriptor = true))).entries()).hasSize(2);
        assertThat(read(pkg(z -> z.entries().forEach(e -> e.method = 0))).entries()).hasSize(2);
        assertThat(read(pkg(z -> z.comment = "re-zipped by hand".getBytes(StandardCharsets.UTF_8))).entries()).hasSize(2);
    }

    /** The directory says 2,000 bytes for 300,000: refused before anything is unpacked, as not the listed size. */
    @Test
    void aDirectoryUnderStatingAnEntrysSizeIsRefused() throws IOException {
        refused(pkg(z -> evidence(z).size = 2_000L), "size-mismatch");
        refused(pkg(z -> {
            evidence(z).size = 2_000L;
            evidence(z).descriptor = true;
        }), "size-mismatch");
    }

    /** The manifest's size is read from the directory alone: one byte beyond it is counted and refused. */
    @Test
    void aManifestUnpackingToMoreThanTheDirectorySaysIsRefusedAtTheFirstByteBeyond() throws IOException {
        refused(pkg(z -> entry(z, Manifest.MANIFEST).size = 100L), "zip-mismatch");
        refused(pkg(z -> entry(z, Manifest.MANIFEST).size = (long) entry(z, Manifest.MANIFEST).data.length + 1),
                "zip-mismatch");
    }

    @Test
    void entriesSharingTheirBytesAreRefused() throws IOException {
        // a second name for the evidence's bytes
        refused(pkg(z -> {
            CraftedZip.Entry twin = z.add(EntryNames.attachment("1".repeat(64)), EVIDENCE);
            twin.sameAs = z.entries().indexOf(evidence(z));
        }), "overlapping-entries");
        // the directory points into the middle of the previous entry's data
        refused(pkg(z -> z.entries().get(z.entries().size() - 1).offsetShift = -40), "overlapping-entries");
    }

    @Test
    void bytesBetweenEntriesAreRefused() throws IOException {
        byte[] hidden = "PK\u0003\u0004 another zip's entry".getBytes(StandardCharsets.ISO_8859_1);
        refused(pkg(z -> evidence(z).gapBefore = hidden), "zip-gap");
        refused(pkg(z -> z.beforeDirectory = hidden), "zip-gap");
    }

    @Test
    void aLocalHeaderDisagreeingWithTheDirectoryIsRefused() throws IOException {
        List<Consumer<CraftedZip.Entry>> lies = List.of(
                e -> e.localName = "payload/other.json",
                e -> e.localMethod = 0,
                e -> e.localFlags = 0,
                e -> e.localSize = 1L,
                e -> e.localCrc = 1L,
                e -> {
                    e.descriptor = true;
                    e.descriptorSize = 1L;
                });
        for (Consumer<CraftedZip.Entry> lie : lies) {
            refused(pkg(z -> lie.accept(entry(z, SNAPSHOT))), "zip-mismatch");
        }
    }

    @Test
    void dataThatDoesNotEndWhereTheDirectorySaysOrFailsItsCrcIsRefused() throws IOException {
        // bytes after the end of the deflate stream, inside the entry's span
        refused(pkg(z -> {
            CraftedZip.Entry e = entry(z, SNAPSHOT);
            byte[] body = CraftedZip.deflate(e.data);
            e.rawData = java.util.Arrays.copyOf(body, body.length + 7);
        }), "zip-mismatch");
        refused(pkg(z -> entry(z, SNAPSHOT).crc = 12345L), "damaged-entry");
    }

    @Test
    void zip64EncryptionAndOtherMethodsAreRefused() throws IOException {
        refused(pkg(z -> {
            CraftedZip.Entry e = entry(z, SNAPSHOT);
            e.localExtra = CraftedZip.zip64Extra(e.data.length, e.data.length);
            e.centralExtra = e.localExtra;
        }), "unsupported-zip-feature");
        refused(pkg(z -> entry(z, SNAPSHOT).localExtra = CraftedZip.zip64Extra(1, 1)), "unsupported-zip-feature");
        refused(pkg(z -> z.zip64End = true), "unsupported-zip-feature");
        refused(pkg(z -> {
            entry(z, SNAPSHOT).method = 12; // bzip2
            entry(z, SNAPSHOT).rawData = entry(z, SNAPSHOT).data;
        }), "unsupported-zip-feature");
        refused(pkg(z -> entry(z, SNAPSHOT).localFlags = 0x801), "zip-mismatch");
    }

    // ---- helpers ----

    private static CraftedZip.Entry evidence(CraftedZip z) {
        return entry(z, EVIDENCE_NAME);
    }

    private static CraftedZip.Entry entry(CraftedZip z, String name) {
        return z.entries().stream().filter(e -> e.name.equals(name)).findFirst().orElseThrow();
    }

    private PackageReader.Opened read(Path file) {
        return PackageReader.read(file, TRUST, Limits.DEFAULT);
    }

    private void refused(Path file, String code) {
        assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(PackageException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    /** A signed package of a snapshot and one evidence file, changed by {@code lie} before it is written. */
    private Path pkg(Consumer<CraftedZip> lie) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(SNAPSHOT, "{\"format\":\"perfdesk-snapshot/1\"}".getBytes(StandardCharsets.UTF_8));
        entries.put(EVIDENCE_NAME, EVIDENCE);
        List<Manifest.Entry> listed = new ArrayList<>();
        entries.forEach((path, bytes) -> listed.add(new Manifest.Entry(path, bytes.length, Hashing.sha256(bytes))));
        byte[] manifest = StrictJson.write(new Manifest(Manifest.FORMAT, UUID.randomUUID().toString(),
                PackageKind.ANNUAL, Manifest.Party.sender("U001", KEY_ID), Manifest.Party.recipient("XNB", null), 2008,
                1, null, "2008-12-31T08:00:00Z", "0.1.0", listed));
        CraftedZip z = new CraftedZip();
        z.add(Manifest.MANIFEST, manifest);
        z.add(Manifest.SIGNATURE, Ed25519.sign(KEY.getPrivate(), manifest)).method = 0;
        entries.forEach(z::add);
        lie.accept(z);
        return Files.write(Files.createTempFile(dir, "crafted-", ".perfpkg"), z.write());
    }
}
