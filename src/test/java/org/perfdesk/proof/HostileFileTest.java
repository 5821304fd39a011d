package org.perfdesk.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.exchange.Enrollments;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.Signer;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.demo.ProvinceBuilder;
import org.perfdesk.exchange.pkg.CraftedZip;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.store.Workspace;

/**
 * The findings of the attack on the exchange (issue 18) that the package reader answers, each as the
 * crafted file that got through ({@link CraftedZip}), signed with the unit's real key so that only the
 * rule under test stands in its way: refused with its code, by the reader and by the import (a dry
 * run and a real one), with the office's database unchanged in every table. The memory findings are
 * also run as the commands the attack used, in a JVM of 256 MB: a refusal, never an OutOfMemoryError.
 */
class HostileFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIB = 1 << 20;

    @TempDir
    static Path dir;
    private static ProofWorld world;
    private static Workspace office;
    private static Signer officeKeys;
    private static PrivateKey unitKey;
    /** The unit's genuine next package in the clear: its manifest and the other entries. */
    private static byte[] manifest;
    private static Map<String, byte[]> entries;
    private static String before;

    @BeforeAll
    static void setUp() throws Exception {
        world = new ProofWorld(dir.resolve("world"), 12, 1, true);
        entries = ProofWorld.entriesOf(world.secondPackage);
        manifest = entries.remove(Manifest.MANIFEST);
        entries.remove(Manifest.SIGNATURE);
        try (Workspace unit = Workspace.open(world.unitBefore)) {
            unitKey = WorkspaceKeys.unlock(unit, ProofWorld.PASSPHRASE.toCharArray()).privateKey();
        }
        office = Workspace.open(world.officeBefore);
        officeKeys = WorkspaceKeys.unlock(office, ProofWorld.PASSPHRASE.toCharArray());
        before = CanonicalDump.of(office);
        // the crafted files below are refused for what they are: the same file without the lie is accepted
        ImportReport genuine = importer().importFile(write("genuine", signed(entries, z -> { })), true);
        assertThat(genuine.accepted()).as(genuine.message()).isTrue();
    }

    @AfterAll
    static void tearDown() {
        office.close();
    }

    /** Finding 1: the directory under-states an entry's size, so the ratio check passed and the bytes were read unbounded. */
    @Test
    void aDirectoryThatUnderStatesSizes() throws Exception {
        Map<String, byte[]> withFiller = fillers(4, 8 * MIB);
        assertRefusedEverywhere(signed(withFiller, z -> fillersOf(z).forEach(e -> e.size = 40_000L)), "size-mismatch");
        // the manifest itself, whose size only the directory gives: counted while unpacking
        assertRefusedEverywhere(signed(entries, z -> entry(z, Manifest.MANIFEST).size = 200L), "zip-mismatch");
    }

    /** Finding 1: entries sharing one compressed stream, each unpacking to 8 MiB. */
    @Test
    void overlappingEntries() throws Exception {
        assertRefusedEverywhere(overlapping(8, 8 * MIB), "overlapping-entries");
    }

    /** Finding 7: local headers that say something else than the directory (what another zip program would read). */
    @Test
    void localHeadersThatDisagreeWithTheDirectory() throws Exception {
        assertRefusedEverywhere(signed(entries, z -> entry(z, EntryNames.SNAPSHOT).localName = "payload/snapshoT.json"),
                "zip-mismatch");
        assertRefusedEverywhere(signed(entries, z -> entry(z, EntryNames.SNAPSHOT).localSize = 17L), "zip-mismatch");
        assertRefusedEverywhere(signed(entries, z -> {
            CraftedZip.Entry e = entry(z, EntryNames.SNAPSHOT);
            e.descriptor = true;
            e.descriptorSize = e.data.length + 1L;
        }), "zip-mismatch");
    }

    @Test
    void zip64Records() throws Exception {
        assertRefusedEverywhere(signed(entries, z -> {
            CraftedZip.Entry e = entry(z, EntryNames.SNAPSHOT);
            e.localExtra = CraftedZip.zip64Extra(e.data.length, CraftedZip.deflate(e.data).length);
            e.centralExtra = e.localExtra;
        }), "unsupported-zip-feature");
        assertRefusedEverywhere(signed(entries, z -> z.zip64End = true), "unsupported-zip-feature");
    }

    /**
     * Finding 5: a weight of 1E+999999999 ended the whole batch with an internal error, 1E-999999999 took
     * gigabytes before it was refused. Both are refused with their code, and the batch goes on.
     */
    @Test
    void hugeExponents() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String weight : List.of("1E+999999999", "1E-999999999")) {
            // named to come first in the batch: same sender and sequence as the genuine one, which would make them replays
            Path file = write("a-weight", signed(withWeight(new BigDecimal(weight)), z -> { }));
            assertImportRefuses(file, "bad-number"); // the reader does not parse the payload: the import does
            files.add(file);
        }
        files.add(write("z-genuine", signed(entries, z -> { })));
        List<ImportReport> batch = importer().importAll(files, true);
        assertThat(batch).extracting(ImportReport::code).containsExactlyInAnyOrder("bad-number", "bad-number", null);
        assertThat(batch).filteredOn(ImportReport::accepted).hasSize(1);
        assertThat(CanonicalDump.of(office)).isEqualTo(before);
    }

    /**
     * Finding 1 (enrollment): an enrollment was read whole before the signature by its own key was
     * checked. Now its signature comes first: a damaged entry behind a wrong signature is never unpacked.
     */
    @Test
    void anEnrollmentsSignatureIsCheckedBeforeItsEntriesAreRead() throws Exception {
        KeyPair newKey = Crafted.newSigningKey();
        KeyPair other = Crafted.newSigningKey();
        byte[] wrongSignature = enrollment(newKey, other.getPrivate(), fillers(1, 1000),
                z -> fillersOf(z).forEach(e -> e.crc = 1L));
        assertThatThrownBy(() -> Enrollments.read(write("enrollment", wrongSignature)))
                .isInstanceOfSatisfying(PackageException.class, e -> assertThat(e.code()).isEqualTo("bad-signature"));
        byte[] damaged = enrollment(newKey, newKey.getPrivate(), fillers(1, 1000), z -> fillersOf(z).forEach(e -> e.crc = 1L));
        assertThatThrownBy(() -> Enrollments.read(write("enrollment", damaged)))
                .isInstanceOfSatisfying(PackageException.class, e -> assertThat(e.code()).isEqualTo("damaged-entry"));
        byte[] genuine = enrollment(newKey, newKey.getPrivate(), Map.of(), z -> { });
        assertThat(Enrollments.read(write("enrollment", genuine)).fingerprint()).isEqualTo(Crafted.SUITE.fingerprint(newKey.getPublic()));
    }

    @Test
    void anOversizeSelfSignedEnrollment() throws Exception {
        KeyPair newKey = Crafted.newSigningKey();
        byte[] bomb = enrollment(newKey, newKey.getPrivate(), fillers(8, 8 * MIB), HostileFileTest::overlap);
        Path file = write("enrollment", bomb);
        assertThatThrownBy(() -> Enrollments.read(file)).isInstanceOfSatisfying(PackageException.class,
                e -> assertThat(e.code()).isEqualTo("overlapping-entries"));
        assertRefusedEverywhere(bomb, "overlapping-entries");
    }

    /**
     * The commands of the attack, in a JVM of 256 MB: 40 entries of 64 MiB over one compressed stream
     * (a file of about 100 KB) as a unit's package and as a self-signed enrollment.
     */
    @Test
    void theCommandsOfTheAttackRefuseWithin256MB() throws Exception {
        Path pkg = write("bomb", overlapping(40, 64 * MIB));
        KeyPair newKey = Crafted.newSigningKey();
        Path enrollment = write("enrollment-bomb", enrollment(newKey, newKey.getPrivate(), fillers(40, 64 * MIB),
                HostileFileTest::overlap));
        assertThat(Files.size(pkg)).isLessThan(200_000);
        Path copy = dir.resolve("office-copy"); // the office itself is open (and locked) in this JVM
        org.perfdesk.store.Folders.copyWorkspace(world.officeBefore, copy);
        String message = "shares its bytes with another file";
        child(List.of("import", "--dry-run", "--json", "--workspace", copy.toString(), pkg.toString()),
                "overlapping-entries");
        child(List.of("import", "--workspace", copy.toString(), pkg.toString()), message);
        child(List.of("verify", enrollment.toString()), "overlapping-entries");
        child(List.of("enroll", "show", enrollment.toString()), message);
        try (Workspace ws = Workspace.open(copy)) {
            assertThat(CanonicalDump.of(ws)).isEqualTo(before);
        }
    }

    private static void child(List<String> args, String expected) throws Exception {
        List<String> all = new ArrayList<>(List.of("--lang", "en"));
        all.addAll(args);
        ChildJvm.Run run = ChildJvm.run(List.of("-Xmx256m"), ProofWorld.childProperties(dir), ProofWorld.childEnv(), all);
        assertThat(run.text()).as(String.join(" ", args)).doesNotContain("OutOfMemoryError").contains(expected);
        assertThat(run.exitCode()).as(run.text()).isEqualTo(1);
    }

    // ---- checks ----

    private static Importer importer() {
        return new Importer(office, officeKeys);
    }

    /** The reader, a dry-run import and a real import all refuse with {@code code}; the office is unchanged. */
    private static void assertRefusedEverywhere(byte[] bytes, String code) throws IOException {
        Path file = write("crafted", bytes);
        assertThatThrownBy(() -> PackageReader.read(file, org.perfdesk.exchange.KeyRegistry.trust(office), Limits.DEFAULT))
                .isInstanceOfSatisfying(PackageException.class, e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
        assertImportRefuses(file, code);
    }

    /** A dry-run import and a real import refuse with {@code code}; the office is unchanged. */
    private static void assertImportRefuses(Path file, String code) {
        for (boolean dryRun : new boolean[] {true, false}) {
            ImportReport r = importer().importFile(file, dryRun);
            assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.REJECTED);
            assertThat(r.code()).as(r.message()).isEqualTo(code);
            assertThat(CanonicalDump.of(office)).as("the office after %s", code).isEqualTo(before);
        }
    }

    // ---- crafted files ----

    /** The suite's hash by array identity: the fillers share one array of up to 64 MiB. */
    private static final Map<byte[], String> HASHES = new java.util.IdentityHashMap<>();

    private static synchronized String hash(byte[] bytes) {
        return HASHES.computeIfAbsent(bytes, Crafted::hash);
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, name + "-", ".perfpkg"), bytes);
    }

    /** The genuine entries and {@code n} more payload entries of {@code size} zeros (listed, so only the zip lies). */
    private static Map<String, byte[]> fillers(int n, int size) {
        Map<String, byte[]> out = new LinkedHashMap<>(entries);
        byte[] zeros = new byte[size];
        for (int i = 0; i < n; i++) {
            out.put("payload/filler-" + (char) ('a' + i / 26) + (char) ('a' + i % 26) + ".json", zeros);
        }
        return out;
    }

    private static List<CraftedZip.Entry> fillersOf(CraftedZip z) {
        return z.entries().stream().filter(e -> e.name.startsWith("payload/filler-")).toList();
    }

    /** The fillers all point at the first one's bytes, which the directory says unpack to 40,000 bytes. */
    private static void overlap(CraftedZip z) {
        List<CraftedZip.Entry> fillers = fillersOf(z);
        byte[] compressed = CraftedZip.deflate(fillers.get(0).data);
        long crc = CraftedZip.crc(fillers.get(0).data);
        for (CraftedZip.Entry e : fillers) {
            e.rawData = compressed;
            e.crc = crc;
            e.size = 40_000L; // what makes the ratio look ordinary
            e.sameAs = z.entries().indexOf(fillers.get(0));
        }
        fillers.get(0).sameAs = -1;
    }

    private static byte[] overlapping(int n, int size) throws IOException {
        return signed(fillers(n, size), HostileFileTest::overlap);
    }

    private static Map<String, byte[]> withWeight(BigDecimal weight) throws IOException {
        ObjectNode snapshot = (ObjectNode) JSON.readTree(entries.get(EntryNames.SNAPSHOT));
        ((ObjectNode) snapshot.get("nodes").get(0)).put("weight", weight);
        Map<String, byte[]> out = new LinkedHashMap<>(entries);
        out.put(EntryNames.SNAPSHOT, JSON.writeValueAsBytes(snapshot));
        return out;
    }

    private static CraftedZip.Entry entry(CraftedZip z, String name) {
        return z.entries().stream().filter(e -> e.name.equals(name)).findFirst().orElseThrow();
    }

    /** The unit's next package with these entries, listed and signed with the unit's key, then {@code lie} told. */
    private static byte[] signed(Map<String, byte[]> payload, Consumer<CraftedZip> lie) throws IOException {
        ObjectNode m = (ObjectNode) JSON.readTree(manifest);
        var listed = m.putArray("entries");
        payload.forEach((path, bytes) -> listed.addObject().put("path", path).put("size", bytes.length)
                .put(Crafted.hashField(), hash(bytes)));
        return zip(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m), unitKey, payload, lie);
    }

    /** An enrollment of a new unit introducing {@code key}, signed with {@code signer}, its entries {@code more}. */
    private static byte[] enrollment(KeyPair key, PrivateKey signer, Map<String, byte[]> more, Consumer<CraftedZip> lie)
            throws IOException {
        Map<String, byte[]> payload = new LinkedHashMap<>();
        payload.put(EntryNames.ENROLLMENT, StrictJson.write(Crafted.enrollment(new Payloads.Org("U900", "新单位",
                OrgKind.DEPARTMENT, ProvinceBuilder.OFFICE_CODE, RankingGroup.PROVINCIAL_DEPARTMENTS), key.getPublic(),
                "2026-11-26T08:00:00Z")));
        more.forEach((path, bytes) -> {
            if (path.startsWith("payload/filler-")) {
                payload.put(path, bytes);
            }
        });
        List<Manifest.Entry> listed = new ArrayList<>();
        payload.forEach((path, bytes) -> listed.add(Manifest.Entry.of(Crafted.SUITE, path, bytes.length, hash(bytes))));
        byte[] m = StrictJson.write(Crafted.manifest(UUID.randomUUID().toString(), PackageKind.ENROLLMENT,
                Manifest.Party.sender("U900", Crafted.SUITE.keyId(key.getPublic())),
                Manifest.Party.recipient(ProvinceBuilder.OFFICE_CODE, null), ProofWorld.YEAR, 1, null,
                "2026-11-26T08:00:00Z", "0.1.0", listed));
        return zip(m, signer, payload, lie);
    }

    private static byte[] zip(byte[] manifestBytes, PrivateKey key, Map<String, byte[]> payload, Consumer<CraftedZip> lie) {
        CraftedZip z = new CraftedZip();
        z.add(Manifest.MANIFEST, manifestBytes);
        z.add(Manifest.SIGNATURE, Crafted.sign(key, manifestBytes)).method = 0;
        Map<byte[], byte[]> deflated = new java.util.IdentityHashMap<>();
        payload.forEach((path, bytes) -> z.add(path, bytes).rawData = deflated.computeIfAbsent(bytes, CraftedZip::deflate));
        lie.accept(z);
        return z.write();
    }
}
