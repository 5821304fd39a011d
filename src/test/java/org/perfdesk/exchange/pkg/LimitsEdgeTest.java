package org.perfdesk.exchange.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.crypto.Ed25519;

/**
 * Every limit of package-format.md §8 at its edge: the limit itself accepted, one more refused with
 * its documented code. The JSON limits, the manifest, signature, entry-name, card and ratio-floor
 * limits are tested at their real values. The limits that would need files of hundreds of MiB (the
 * package file, entries, one entry, one JSON entry, the total, the ratio itself) are tested with a
 * small custom {@link Limits} (it is a record), through the same code paths.
 *
 * <p>Packages here are synthetic: a manifest listing the entries, signed with a key made for the test
 * and trusted through the reader's {@link PackageReader.Trust}.
 */
class LimitsEdgeTest {
    private static final KeyPair KEY = Ed25519.generate();
    private static final String KEY_ID = Ed25519.keyId(KEY.getPublic());
    private static final PackageReader.Trust TRUST = id -> id.equals(KEY_ID)
            ? new PackageReader.TrustedKey(id, "U001", KEY.getPublic(), null, null) : null;
    private static final int MIB = 1 << 20;

    @TempDir
    Path dir;

    // ---- limits of the package (Limits) ----

    @Test
    void packageFileSize() throws IOException {
        Path file = write("file", entries(attachment(1000)));
        long size = Files.size(file);
        assertThatCode(() -> read(file, limits().fileSize(size))).doesNotThrowAnyException();
        assertRefused(file, limits().fileSize(size - 1), "too-large");
    }

    @Test
    void entryCount() throws IOException {
        // manifest.json and manifest.sig count: 8 attachments make 10 entries
        List<byte[]> ten = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ten.add(("evidence " + i).getBytes(StandardCharsets.UTF_8));
        }
        assertThatCode(() -> read(write("ten", entries(ten.toArray(byte[][]::new))), limits().entries(10)))
                .doesNotThrowAnyException();
        ten.add("evidence 8".getBytes(StandardCharsets.UTF_8));
        assertRefused(write("eleven", entries(ten.toArray(byte[][]::new))), limits().entries(10), "too-many-entries");
    }

    @Test
    void oneEntrySize() throws IOException {
        Limits limits = limits().entrySize(4096);
        assertThatCode(() -> read(write("at", entries(attachment(4096))), limits)).doesNotThrowAnyException();
        assertRefused(write("over", entries(attachment(4097))), limits, "zip-bomb");
    }

    @Test
    void oneJsonEntrySize() throws IOException {
        Limits limits = limits().jsonSize(1000);
        Map<String, byte[]> at = Map.of(EntryNames.SNAPSHOT, jsonOfLength(1000));
        Map<String, byte[]> over = Map.of(EntryNames.SNAPSHOT, jsonOfLength(1001));
        assertThatCode(() -> read(write("at", at), limits)).doesNotThrowAnyException();
        assertRefused(write("over", over), limits, "zip-bomb");
    }

    @Test
    void totalSize() throws IOException {
        Path file = write("total", entries(attachment(3000), attachment(2000)));
        long total = declaredTotal(file);
        assertThatCode(() -> read(file, limits().totalSize(total))).doesNotThrowAnyException();
        assertRefused(file, limits().totalSize(total - 1), "zip-bomb");
    }

    /** Entries up to 1 MiB may compress as well as they like; one byte more and the ratio applies (real values). */
    @Test
    void ratioFloor() throws IOException {
        assertThatCode(() -> read(write("floor", entries(new byte[MIB])), Limits.DEFAULT)).doesNotThrowAnyException();
        assertRefused(write("over", entries(new byte[MIB + 1])), Limits.DEFAULT, "zip-bomb");
    }

    /** An entry over the floor whose ratio is r: accepted under the limit r, refused under r - 1. */
    @Test
    void compressionRatio() throws IOException {
        byte[] text = new byte[2 * MIB];
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) (random.nextInt(100) < 97 ? ' ' : 'a' + random.nextInt(26));
        }
        Path file = write("ratio", entries(text));
        long ratio = ratioOfLargest(file);
        assertThat(ratio).as("the entry compresses, but not beyond the default").isBetween(2L, 200L);
        assertThatCode(() -> read(file, limits().ratio((int) ratio))).doesNotThrowAnyException();
        assertRefused(file, limits().ratio((int) ratio - 1), "zip-bomb");
    }

    /** 4 MiB of manifest (real value: padded with spaces and stored, so the ratio does not apply). */
    @Test
    void manifestSize() throws IOException {
        Map<String, byte[]> entries = entries(attachment(10));
        assertThatCode(() -> read(write("at", entries, 4 * MIB, Ed25519.SIGNATURE_LENGTH, null), Limits.DEFAULT))
                .doesNotThrowAnyException();
        assertRefused(write("over", entries, 4 * MIB + 1, Ed25519.SIGNATURE_LENGTH, null), Limits.DEFAULT,
                "size-mismatch");
    }

    @Test
    void signatureIsExactly64Bytes() throws IOException {
        Map<String, byte[]> entries = entries(attachment(10));
        assertThatCode(() -> read(write("64", entries, 0, 64, null), Limits.DEFAULT)).doesNotThrowAnyException();
        assertRefused(write("65", entries, 0, 65, null), Limits.DEFAULT, "size-mismatch");
        assertRefused(write("63", entries, 0, 63, null), Limits.DEFAULT, "bad-signature");
    }

    /**
     * A zip entry's name may be 255 characters: such a name passes the name check (and is then refused as
     * an entry the manifest does not list, a later step); 256 characters are an unsafe name.
     */
    @Test
    void entryNameOf255Characters() throws IOException {
        Map<String, byte[]> entries = entries(attachment(10));
        assertThat(EntryNames.isUnsafe("n".repeat(255))).isFalse();
        assertThat(EntryNames.isUnsafe("n".repeat(256))).isTrue();
        assertRefused(write("255", entries, 0, 64, "n".repeat(255)), Limits.DEFAULT, "extra-entry");
        assertRefused(write("256", entries, 0, 64, "n".repeat(256)), Limits.DEFAULT, "unsafe-entry-name");
    }

    /**
     * {@code payload/enrollment.json}, read before the enrollment's signature is checked, may have 64 KiB
     * (real value); one byte more is refused before it is unpacked or scanned.
     */
    @Test
    void enrollmentJsonOf64KiB() throws IOException {
        assertThat(PackageReader.readSelfSigned(enrollment("at", Limits.ENROLLMENT_JSON), Limits.DEFAULT).signer().keyId())
                .isEqualTo(KEY_ID);
        assertThatThrownBy(() -> PackageReader.readSelfSigned(enrollment("over", Limits.ENROLLMENT_JSON + 1),
                Limits.DEFAULT)).isInstanceOfSatisfying(PackageException.class,
                        e -> assertThat(e.code()).as(e.getMessage()).isEqualTo("zip-bomb"));
    }

    /** An enrollment signed with {@link #KEY}, its enrollment entry padded to {@code size} bytes. */
    private Path enrollment(String name, int size) throws IOException {
        byte[] json = padded(("{\"format\":\"perfdesk-enrollment/1\",\"unit\":null,\"publicKey\":\""
                + Ed25519.toBase64(KEY.getPublic()) + "\",\"createdAt\":null}").getBytes(StandardCharsets.UTF_8), size);
        Manifest m = new Manifest(Manifest.FORMAT, UUID.randomUUID().toString(), PackageKind.ENROLLMENT,
                Manifest.Party.sender("U001", KEY_ID), Manifest.Party.recipient("XNB", null), 2008, 1, null,
                "2008-12-31T08:00:00Z", "0.1.0", List.of(new Manifest.Entry(EntryNames.ENROLLMENT, size, Hashing.sha256(json))));
        byte[] manifest = StrictJson.write(m);
        CraftedZip z = new CraftedZip();
        z.add(Manifest.MANIFEST, manifest);
        z.add(Manifest.SIGNATURE, Ed25519.sign(KEY.getPrivate(), manifest));
        z.add(EntryNames.ENROLLMENT, json);
        return Files.write(dir.resolve(name + ".perfpkg"), z.write());
    }

    /** A card file of 64 KiB is read; one byte more is refused before it is parsed (real value). */
    @Test
    void cardFileOf64KiB() throws IOException {
        String card = "{\"format\":\"perfdesk-card/1\",\"code\":\"XNB\",\"name\":\"效能办\",\"kind\":\"OFFICE\","
                + "\"publicKey\":\"" + Ed25519.toBase64(KEY.getPublic()) + "\",\"fingerprint\":\""
                + Ed25519.fingerprint(KEY.getPublic()) + "\"}";
        Path at = Files.write(dir.resolve("at.card"), padded(card.getBytes(StandardCharsets.UTF_8), 64 * 1024));
        Path over = Files.write(dir.resolve("over.card"), padded(card.getBytes(StandardCharsets.UTF_8), 64 * 1024 + 1));
        assertThat(KeyRegistry.readCard(at).code()).isEqualTo("XNB");
        assertThatThrownBy(() -> KeyRegistry.readCard(over)).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.key()).isEqualTo("error.trust.badCard"));
    }

    // ---- StrictJson, at the real values ----

    @Test
    void jsonDepth64() {
        assertJsonAccepted("[".repeat(64) + "]".repeat(64));
        assertJsonRefused("[".repeat(65) + "]".repeat(65), "json-too-deep");
        assertJsonAccepted("{\"a\":".repeat(64) + "1" + "}".repeat(64));
        assertJsonRefused("{\"a\":".repeat(65) + "1" + "}".repeat(65), "json-too-deep");
    }

    @Test
    void jsonStringOfAMillionCharacters() {
        assertJsonAccepted("\"" + "字".repeat(StrictJson.MAX_STRING) + "\"");
        assertJsonRefused("\"" + "字".repeat(StrictJson.MAX_STRING + 1) + "\"", "json-too-long");
        // a string the mapper would never reach (after a type mismatch) is measured by the pre-scan
        assertJsonRefused("[1, \"" + "a".repeat(StrictJson.MAX_STRING + 1) + "\"]", "json-too-long");
    }

    @Test
    void jsonNumberOf64Digits() {
        assertJsonAccepted("[" + "9".repeat(64) + "]");
        assertJsonRefused("[" + "9".repeat(65) + "]", "json-too-long");
        assertJsonAccepted("[0." + "5".repeat(62) + "]");
        assertJsonRefused("[0." + "5".repeat(64) + "]", "json-too-long");
    }

    /** An exponent of ±100 is read, ±101 refused; 1E±999999999 is refused at once, not after a gigabyte. */
    @Test
    void jsonExponentOf100() {
        assertJsonAccepted("[1E+100, 1e-100, 9.5E100, 2e0000000000000000100]");
        assertJsonRefused("[1E+101]", "bad-number");
        assertJsonRefused("[1e-101]", "bad-number");
        assertJsonRefused("[1E+999999999]", "bad-number");
        assertJsonRefused("[1E-999999999]", "bad-number");
        // a number the mapper would never reach (after a type mismatch) is measured by the pre-scan
        assertJsonRefused("[\"x\", 1E-999999999]", "bad-number");
    }

    @Test
    void jsonFieldNameOf200Characters() {
        assertJsonAccepted("{\"" + "k".repeat(200) + "\":1}");
        assertJsonRefused("{\"" + "k".repeat(201) + "\":1}", "json-too-long");
    }

    @Test
    void aDuplicateKeyDeepInALargeArrayIsStillRefusedAndAStringAtTheLimitStillRead() {
        // The mapping pass no longer looks for duplicates: the scan before it must find them everywhere.
        String rows = "{\"id\":\"n\",\"title\":\"节点\"},".repeat(5_000);
        assertJsonRefused("{\"nodes\":[" + rows + "{\"id\":\"n\",\"title\":\"a\",\"title\":\"b\"}]}",
                "duplicate-key");
        // The scan judges a string's length without making it: exactly the limit passes, one more is refused.
        assertJsonAccepted("[\"" + "字".repeat(StrictJson.MAX_STRING) + "\"]");
        assertJsonRefused("{\"a\":[\"" + "字".repeat(StrictJson.MAX_STRING + 1) + "\"]}", "json-too-long");
    }

    // ---- helpers ----

    private static void assertJsonAccepted(String json) {
        assertThatCode(() -> StrictJson.read(json.getBytes(StandardCharsets.UTF_8), JsonNode.class, "edge.json"))
                .doesNotThrowAnyException();
    }

    private static void assertJsonRefused(String json, String code) {
        assertThatThrownBy(() -> StrictJson.read(json.getBytes(StandardCharsets.UTF_8), JsonNode.class, "edge.json"))
                .isInstanceOfSatisfying(PackageException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static void read(Path file, Limits limits) {
        PackageReader.read(file, TRUST, limits);
    }

    private static void assertRefused(Path file, Limits limits, String code) {
        assertThatThrownBy(() -> read(file, limits)).isInstanceOfSatisfying(PackageException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    /** Limits.DEFAULT with one value changed at a time. */
    private static LimitsBuilder limits() {
        return new LimitsBuilder(Limits.DEFAULT);
    }

    private record LimitsBuilder(Limits l) {
        Limits fileSize(long v) {
            return new Limits(v, l.maxEntries(), l.maxEntrySize(), l.maxTotalSize(), l.maxRatio(), l.maxJsonSize(),
                    l.maxManifestSize());
        }

        Limits entries(int v) {
            return new Limits(l.maxFileSize(), v, l.maxEntrySize(), l.maxTotalSize(), l.maxRatio(), l.maxJsonSize(),
                    l.maxManifestSize());
        }

        Limits entrySize(long v) {
            return new Limits(l.maxFileSize(), l.maxEntries(), v, l.maxTotalSize(), l.maxRatio(), l.maxJsonSize(),
                    l.maxManifestSize());
        }

        Limits totalSize(long v) {
            return new Limits(l.maxFileSize(), l.maxEntries(), l.maxEntrySize(), v, l.maxRatio(), l.maxJsonSize(),
                    l.maxManifestSize());
        }

        Limits ratio(int v) {
            return new Limits(l.maxFileSize(), l.maxEntries(), l.maxEntrySize(), l.maxTotalSize(), v, l.maxJsonSize(),
                    l.maxManifestSize());
        }

        Limits jsonSize(long v) {
            return new Limits(l.maxFileSize(), l.maxEntries(), l.maxEntrySize(), l.maxTotalSize(), l.maxRatio(), v,
                    l.maxManifestSize());
        }
    }

    private static byte[] attachment(int size) {
        byte[] b = new byte[size];
        new java.util.SplittableRandom(size).nextBytes(b);
        return b;
    }

    /** Attachments named by their hash, as the format wants. */
    private static Map<String, byte[]> entries(byte[]... attachments) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (byte[] a : attachments) {
            out.put(EntryNames.attachment(Hashing.sha256(a)), a);
        }
        return out;
    }

    private static byte[] jsonOfLength(int length) {
        return padded("{\"format\":\"perfdesk-snapshot/1\"}".getBytes(StandardCharsets.UTF_8), length);
    }

    /** JSON followed by spaces up to exactly {@code length} bytes. */
    private static byte[] padded(byte[] json, int length) {
        byte[] out = new byte[length];
        java.util.Arrays.fill(out, (byte) ' ');
        System.arraycopy(json, 0, out, 0, json.length);
        return out;
    }

    private Path write(String name, Map<String, byte[]> entries) throws IOException {
        return write(name, entries, 0, Ed25519.SIGNATURE_LENGTH, null);
    }

    /**
     * A package listing {@code entries}, its manifest padded to {@code manifestSize} bytes (0: as written,
     * deflated; else stored), a signature cut or extended to {@code signatureLength}, and optionally one
     * more (unlisted) entry called {@code extraName}.
     */
    private Path write(String name, Map<String, byte[]> entries, int manifestSize, int signatureLength,
                       String extraName) throws IOException {
        List<Manifest.Entry> listed = new ArrayList<>();
        entries.forEach((path, bytes) -> listed.add(new Manifest.Entry(path, bytes.length, Hashing.sha256(bytes))));
        Manifest m = new Manifest(Manifest.FORMAT, UUID.randomUUID().toString(), PackageKind.ANNUAL,
                Manifest.Party.sender("U001", KEY_ID), Manifest.Party.recipient("XNB", null), 2008, 1, null,
                "2008-12-31T08:00:00Z", "0.1.0", listed);
        byte[] manifest = StrictJson.write(m);
        if (manifestSize > 0) {
            manifest = padded(manifest, manifestSize);
        }
        byte[] signature = java.util.Arrays.copyOf(Ed25519.sign(KEY.getPrivate(), manifest), signatureLength);
        Path file = dir.resolve(name + ".perfpkg");
        try (OutputStream out = Files.newOutputStream(file); ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            put(zip, Manifest.MANIFEST, manifest, manifestSize > 0);
            put(zip, Manifest.SIGNATURE, signature, false);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(zip, e.getKey(), e.getValue(), false);
            }
            if (extraName != null) {
                put(zip, extraName, new byte[1], false);
            }
        }
        return file;
    }

    private static void put(ZipArchiveOutputStream zip, String name, byte[] bytes, boolean stored) throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        if (stored) {
            e.setMethod(ZipArchiveEntry.STORED);
            e.setSize(bytes.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes);
            e.setCrc(crc.getValue());
        }
        zip.putArchiveEntry(e);
        zip.write(bytes);
        zip.closeArchiveEntry();
    }

    private static long declaredTotal(Path file) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            return Collections.list(zip.getEntries()).stream().mapToLong(ZipArchiveEntry::getSize).sum();
        }
    }

    /** Uncompressed over compressed size of the largest entry, rounded down as the reader does. */
    private static long ratioOfLargest(Path file) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            ZipArchiveEntry e = Collections.list(zip.getEntries()).stream()
                    .max(java.util.Comparator.comparingLong(ZipArchiveEntry::getSize)).orElseThrow();
            return e.getSize() / e.getCompressedSize();
        }
    }
}
