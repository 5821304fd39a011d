package org.perfdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.store.Workspace;

/**
 * Every bad input: refused with its own code and message, the office's database unchanged (same row
 * counts, integrity ok), the incoming file untouched. On packages in the clear ({@code --plain}), whose
 * entries can be altered one by one; {@link SealedRefusalTest} does the same for sealed packages.
 */
class RefusalTest {
    @TempDir
    Path dir;
    World world;
    Path plan;

    @BeforeEach
    void setUp() throws Exception {
        world = new World(dir);
        world.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
        // Packages in the clear, so each entry can be altered: the office accepts them (设置).
        OfficePolicy.setRequiresEncryption(world.office, false);
        plan = world.exportPlain("SLT", PackageKind.PLAN);
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    /** Imports, and checks the refusal is clean. Returns the report. */
    private ImportReport refused(Path file, String code) throws IOException {
        Map<String, Long> before = World.rowCounts(world.office);
        String fileHash = Files.exists(file) ? Hashing.sha256(file) : null;
        long size = Files.exists(file) ? Files.size(file) : -1;
        ImportReport r = world.importAtOffice(file);
        assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(r.code()).as(r.message()).isEqualTo(code);
        assertThat(r.message()).isNotBlank().doesNotStartWith("!");
        assertThat(World.rowCounts(world.office)).as("office database unchanged").isEqualTo(before);
        assertThat(world.office.database().integrityCheck()).isEqualTo("ok");
        if (fileHash != null) {
            assertThat(Hashing.sha256(file)).as("incoming file untouched").isEqualTo(fileHash);
            assertThat(Files.size(file)).isEqualTo(size);
        }
        return r;
    }

    private Path rewrite(String name, UnaryOperator<List<Map.Entry<String, byte[]>>> change) throws IOException {
        return World.write(dir.resolve(name), change.apply(new ArrayList<>(World.entries(plan))));
    }

    private static byte[] flip(byte[] b, int index) {
        byte[] copy = b.clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static List<Map.Entry<String, byte[]>> replace(List<Map.Entry<String, byte[]>> entries, String name,
                                                           UnaryOperator<byte[]> change) {
        entries.replaceAll(e -> e.getKey().equals(name) ? Map.entry(name, change.apply(e.getValue())) : e);
        return entries;
    }

    @Test
    void oneByteChangedInAPayloadEntry() throws IOException {
        Path bad = rewrite("payload.perfpkg", es -> replace(es, EntryNames.SNAPSHOT, b -> flip(b, b.length / 2)));
        assertThat(refused(bad, "hash-mismatch").message()).contains("payload/snapshot.json");
    }

    @Test
    void oneByteChangedInTheManifest() throws IOException {
        // One byte that keeps the JSON valid: the year 2008 becomes 2009.
        Path bad = rewrite("manifest.perfpkg", es -> replace(es, Manifest.MANIFEST, b -> {
            String text = new String(b, StandardCharsets.UTF_8);
            byte[] changed = text.replaceFirst("\"year\" : 2008", "\"year\" : 2009").getBytes(StandardCharsets.UTF_8);
            assertThat(changed).hasSameSizeAs(b).isNotEqualTo(b);
            return changed;
        }));
        refused(bad, "bad-signature");
    }

    @Test
    void oneByteChangedInTheSignature() throws IOException {
        Path bad = rewrite("sig.perfpkg", es -> replace(es, Manifest.SIGNATURE, b -> flip(b, 7)));
        assertThat(refused(bad, "bad-signature").message()).contains("签名无效");
    }

    @Test
    void noFlippedByteGetsChangedContentIn() throws IOException {
        byte[] bytes = Files.readAllBytes(plan);
        List<Map.Entry<String, byte[]>> original = World.entries(plan);
        int rejected = 0;
        int accepted = 0;
        for (int i = 0; i < bytes.length; i += 5) {
            Path bad = dir.resolve("flip-" + i + ".perfpkg");
            Files.write(bad, flip(bytes, i));
            Map<String, Long> before = World.rowCounts(world.office);
            ImportReport r = world.importAtOffice(bad);
            if (r.status() == ImportReport.Status.REJECTED) {
                rejected++;
                assertThat(World.rowCounts(world.office)).as("byte " + i).isEqualTo(before);
            } else {
                // Taken only when the flip hit zip bookkeeping (a time stamp), never what the entries hold;
                // the same signed content is the same package, so only the first such copy is accepted.
                assertThat(contents(World.entries(bad))).as("byte " + i).isEqualTo(contents(original));
                accepted += r.accepted() ? 1 : 0;
            }
        }
        assertThat(rejected).isGreaterThan(bytes.length / 5 * 8 / 10);
        assertThat(accepted).isLessThanOrEqualTo(1);
    }

    private static List<String> contents(List<Map.Entry<String, byte[]>> entries) {
        return entries.stream().map(e -> e.getKey() + ":" + Hashing.sha256(e.getValue())).toList();
    }

    @Test
    void signedByAnUnknownKey() throws IOException {
        KeyPair stranger = Ed25519.generate();
        Path bad = signedPackage("stranger.perfpkg", stranger, snapshotBytes(), "SLT");
        assertThat(refused(bad, "unknown-key").message()).contains("未登记的密钥");
    }

    @Test
    void signedByARevokedKey() throws IOException {
        KeyRegistry.revoke(world.office, "SLT", "密钥所在电脑丢失");
        ImportReport r = refused(plan, "revoked-key");
        assertThat(r.message()).contains("已于").contains("吊销").contains("密钥所在电脑丢失");
    }

    @Test
    void anEntryTheManifestDoesNotList() throws IOException {
        Path bad = rewrite("extra.perfpkg", es -> {
            es.add(Map.entry("payload/extra.json", "{}".getBytes(StandardCharsets.UTF_8)));
            return es;
        });
        refused(bad, "extra-entry");
    }

    @Test
    void aListedEntryMissing() throws IOException {
        Path bad = rewrite("missing.perfpkg", es -> {
            es.removeIf(e -> e.getKey().equals(EntryNames.SNAPSHOT));
            return es;
        });
        refused(bad, "missing-entry");
    }

    @Test
    void aDuplicateEntryName() throws IOException {
        Path bad = rewrite("dup.perfpkg", es -> {
            es.add(Map.entry(EntryNames.SNAPSHOT, "{}".getBytes(StandardCharsets.UTF_8)));
            return es;
        });
        refused(bad, "duplicate-entry");
    }

    @Test
    void entryNamesThatCouldEscape() throws IOException {
        for (String name : List.of("../evil.json", "/etc/passwd", "payload\\..\\x.json", "payload/a\u0000.json",
                "C:/Windows/x", "payload//x.json", "payload/")) {
            Path bad = rewrite("name.perfpkg", es -> {
                es.add(Map.entry(name, new byte[] {1}));
                return es;
            });
            refused(bad, "unsafe-entry-name");
        }
    }

    @Test
    void zipBombByRatio() throws IOException {
        Path bad = rewrite("bomb.perfpkg", es -> {
            es.add(Map.entry("attachments/" + "0".repeat(64), new byte[100 << 20]));
            return es;
        });
        assertThat(Files.size(bad)).isLessThan(1 << 20);
        refused(bad, "zip-bomb");
    }

    @Test
    void zipBombByTotal() throws IOException {
        // Ten entries that each look ordinary but together unpack far beyond what a package may hold.
        org.perfdesk.exchange.pkg.Limits small = new org.perfdesk.exchange.pkg.Limits(512L << 20, 20_000, 8L << 20, 16L << 20, 1000, 64L << 20,
                4L << 20);
        Path bad = rewrite("total.perfpkg", es -> {
            java.util.Random random = new java.util.Random(1);
            for (int i = 0; i < 5; i++) {
                byte[] data = new byte[4 << 20];
                random.nextBytes(data);
                es.add(Map.entry("attachments/" + Integer.toString(i).repeat(64), data));
            }
            return es;
        });
        Map<String, Long> before = World.rowCounts(world.office);
        ImportReport r = new Importer(world.office, small, world.officeSigner::keyRing).importFile(bad, false);
        assertThat(r.code()).isEqualTo("zip-bomb");
        assertThat(World.rowCounts(world.office)).isEqualTo(before);
    }

    @Test
    void tooManyEntries() throws IOException {
        Path bad = rewrite("many.perfpkg", es -> {
            for (int i = 0; i < 20_001; i++) {
                StringBuilder letters = new StringBuilder();
                for (int n = i; letters.length() == 0 || n > 0; n /= 26) {
                    letters.append((char) ('a' + n % 26));
                }
                es.add(Map.entry("payload/n" + letters + ".json", new byte[0]));
            }
            return es;
        });
        refused(bad, "too-many-entries");
    }

    @Test
    void truncatedEmptyNotAZipAndAZipFromAnotherProgram() throws IOException {
        byte[] bytes = Files.readAllBytes(plan);
        Path truncated = Files.write(dir.resolve("truncated.perfpkg"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(refused(truncated, "truncated").message()).contains("不完整");
        Path empty = Files.write(dir.resolve("empty.perfpkg"), new byte[0]);
        refused(empty, "empty-file");
        Path text = Files.writeString(dir.resolve("notes.perfpkg"), "绩效工作方案（草稿）");
        refused(text, "not-a-zip");
        Path other = World.write(dir.resolve("photos.zip"),
                List.of(Map.entry("IMG_0001.jpg", new byte[] {(byte) 0xff, (byte) 0xd8})));
        refused(other, "not-a-package");
    }

    @Test
    void jsonNestedTenThousandDeep() throws IOException {
        String deep = "{\"format\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        refused(signed("deep.perfpkg", deep), "json-too-deep");
    }

    @Test
    void aFiftyMegabyteString() throws IOException {
        // Random letters: large, but not a compression bomb, so only the JSON limit stands in the way.
        java.util.Random random = new java.util.Random(7);
        StringBuilder big = new StringBuilder(52_500_000).append("{\"format\":\"");
        for (int i = 0; i < 50 * 1024 * 1024; i++) {
            big.append((char) ('a' + random.nextInt(26)));
        }
        big.append("\"}");
        refused(signed("long.perfpkg", big.toString()), "json-too-long");
    }

    @Test
    void duplicateKeys() throws IOException {
        String json = new String(snapshotBytes(), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"unitCode\":\"NYT\",");
        assertThat(refused(signed("dupkey.perfpkg", json), "duplicate-key").message()).contains("unitCode");
    }

    @Test
    void aTypeIdPayload() throws IOException {
        String json = new String(snapshotBytes(), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"@class\":\"java.net.URL\",");
        refused(signed("typeid.perfpkg", json), "unknown-field");
    }

    @Test
    void aUnitCannotWriteAnotherUnitsData() throws IOException {
        world.addUnit("NYT", "福建省农业厅", OrgKind.DEPARTMENT, "XNB");
        world.importAtOffice(world.export("NYT", PackageKind.PLAN));
        String json = new String(snapshotBytes(), StandardCharsets.UTF_8).replace("\"SLT-i1\"", "\"NYT-i1\"");
        refused(signed("steal.perfpkg", json), "conflict");
    }

    @Test
    void aPackageForSomeoneElse() throws IOException {
        world.addUnit("NYT", "福建省农业厅", OrgKind.DEPARTMENT, "XNB");
        Workspace slt = world.units.get("SLT");
        ImportReport r = world.importer("NYT").importFile(plan, false);
        // NYT does not know SLT's key; the clear manifest still says whose package it is.
        assertThat(r.code()).isEqualTo("wrong-recipient");
        assertThat(r.message()).contains("福建省效能办");
        // The office's answer to SLT, taken to NYT by mistake, names its recipient.
        world.importAtOffice(plan);
        Path answer = Receipts.write(world.office, world.officeSigner, world.office.packages().findIncoming("SLT")
                .stream().filter(p -> p.kind().equals("PLAN")).findFirst().orElseThrow().packageId(), world.usb).file();
        ImportReport wrong = world.importer("NYT").importFile(answer, false);
        assertThat(wrong.code()).isEqualTo("wrong-recipient");
        assertThat(wrong.message()).contains("这个数据包是发给福建省水利厅（SLT）的");
        assertThat(world.importer("SLT").importFile(answer, false).accepted()).isTrue();
    }

    private byte[] snapshotBytes() throws IOException {
        return World.entries(plan).stream().filter(e -> e.getKey().equals(EntryNames.SNAPSHOT)).findFirst()
                .orElseThrow().getValue();
    }

    /** A properly signed SLT package whose snapshot is the given text: only the JSON checks stand in the way. */
    private Path signed(String name, String snapshot) {
        Signer s = world.signers.get("SLT");
        return signedPackage(name, new KeyPair(s.publicKey(), s.privateKey()), snapshot.getBytes(StandardCharsets.UTF_8),
                "SLT");
    }

    private Path signedPackage(String name, KeyPair keys, byte[] snapshot, String sender) {
        Manifest header = new Manifest(Manifest.FORMAT, UUID.randomUUID().toString(), PackageKind.PLAN,
                Manifest.Party.sender(sender, Ed25519.keyId(keys.getPublic())), Manifest.Party.recipient("XNB", null),
                World.YEAR, 9, null,
                Instant.now().toString(), "test", List.of());
        return PackageWriter.write(dir.resolve(name), header,
                List.of(PackageWriter.Source.of(EntryNames.SNAPSHOT, snapshot)), keys.getPrivate(), keys.getPublic(),
                null).file();
    }
}
