package org.perfdesk.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.Signer;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.pkg.CraftedZip;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.store.Workspace;

/**
 * Fuzzes the package reader and importer for a bounded time: mutated packages, encrypted ones and ones
 * in the clear (bytes flipped, cut,
 * inserted; zips rebuilt with entries dropped, doubled, renamed, added or stored differently;
 * manifests and snapshots changed as text and as JSON trees, then hashed and signed again with the
 * unit's real key so the changes reach the checks behind the signature). Every input must end in a
 * report (accepted or refused with a code and message) and leave the office unchanged (each runs as
 * a dry run); the reader alone may only answer with a {@link PackageException}. Any other exception
 * is a finding: the input is saved under {@code target/fuzz-findings/} and the test fails.
 *
 * <p>The lies of issue 18, written byte by byte ({@link CraftedZip}) around the genuine (signed)
 * entries, must each end in their refusal: sizes the directory under-states (with entries of up to
 * 32 MiB listed and signed), entries sharing their bytes, local headers or data descriptors that
 * disagree with the directory, ZIP64 records, and numbers with huge exponents in the manifest or the
 * snapshot. The proof profile runs this test in a JVM of 256 MB ({@code -Xmx256m}, checked here):
 * every input ends in a report, never in an OutOfMemoryError.
 *
 * <p>{@code -Dperfdesk.fuzz.seconds=N} sets the time (15 s by default), {@code -Dperfdesk.fuzz.seed=S}
 * the seed (printed, so a finding can be repeated).
 */
class PackageFuzzTest {
    private static final long SECONDS = Long.getLong("perfdesk.fuzz.seconds", 15);
    private static final long SEED = Long.getLong("perfdesk.fuzz.seed", 2008);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static ProofWorld world;
    private static Workspace office;
    private static Signer unitKey;
    /** The unit's package in the clear (its payload is changed and signed again) and an encrypted one. */
    private static byte[] genuine;
    private static byte[] sealed;
    private static Map<String, byte[]> entries;
    private static Map<String, byte[]> sealedEntries;
    private static org.perfdesk.exchange.Signer officeKeys;
    private static String before;

    @BeforeAll
    static void setUp() throws Exception {
        world = new ProofWorld(dir.resolve("world"), 12, 1, true);
        genuine = Files.readAllBytes(world.secondPackage);
        entries = ProofWorld.entriesOf(world.secondPackage);
        Path sealedFile;
        try (Workspace unit = Workspace.open(world.unitBefore)) {
            unitKey = WorkspaceKeys.unlock(unit, ProofWorld.PASSPHRASE.toCharArray());
            sealedFile = new org.perfdesk.exchange.Exporter(unit, unitKey).exportUnitPackage(
                    org.perfdesk.exchange.pkg.PackageKind.ANNUAL, ProofWorld.YEAR,
                    Files.createDirectories(dir.resolve("usb3")), null).file();
        }
        sealed = Files.readAllBytes(sealedFile);
        sealedEntries = ProofWorld.entriesOf(sealedFile);
        assertThat(sealedEntries).doesNotContainKey("payload/snapshot.json");
        office = Workspace.open(world.officeBefore);
        officeKeys = WorkspaceKeys.unlock(office, ProofWorld.PASSPHRASE.toCharArray());
        before = CanonicalDump.of(office);
    }

    @AfterAll
    static void tearDown() {
        office.close();
    }

    /** Outcomes that show the mutations reached each layer of the checks. */
    private static final List<java.util.function.Predicate<String>> LAYERS = List.of(
            k -> k.endsWith("truncated") || k.endsWith("not-a-zip"), k -> k.startsWith("understated"),
            k -> k.startsWith("sealed-overlapping"), k -> k.startsWith("local-central"), k -> k.startsWith("zip64"),
            k -> k.startsWith("exponent"), k -> k.endsWith("bad-signature"), k -> k.endsWith("hash-mismatch"),
            k -> k.startsWith("manifest") && k.endsWith("bad-json"),
            k -> k.startsWith("snapshot") && k.endsWith("bad-snapshot"),
            k -> k.startsWith("snapshot") && k.endsWith("ACCEPTED"),
            k -> k.startsWith("sealed-") && !k.endsWith("ACCEPTED"));
    /** A bound on the inputs run after the time is up while a layer is still unreached. */
    private static final int MAX_INPUTS = 20_000;

    private static boolean reachedEveryLayer(java.util.Set<String> outcomes) {
        return LAYERS.stream().allMatch(layer -> outcomes.stream().anyMatch(layer));
    }

    @Test
    void everyMutatedPackageEndsInAReportAndChangesNothing() throws Exception {
        if ("full".equals(System.getProperty("perfdesk.proof"))) {
            assertThat(Runtime.getRuntime().maxMemory()).as("the proof profile's heap cap (-Xmx256m)")
                    .isLessThanOrEqualTo(256L << 20);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        Path input = dir.resolve("input.perfpkg");
        Map<String, Integer> outcomes = new TreeMap<>();
        long started = System.nanoTime();
        long deadline = started + SECONDS * 1_000_000_000L;
        int n = 0;
        // The time given, and on a busy machine as many more inputs as it takes to reach every layer (the
        // sequence follows from the seed, so this ends), so that how fast the machine is cannot fail the test.
        while (System.nanoTime() < deadline || n < 200 || !reachedEveryLayer(outcomes.keySet()) && n < MAX_INPUTS) {
            n++;
            String strategy;
            byte[] bytes;
            int pick = random.nextInt(11);
            boolean useSealed = (pick < 4 || (pick >= 6 && pick < 10)) && random.nextBoolean();
            java.util.Set<String> mustBe = null; // the refusals a lie of issue 18 must end in
            byte[] base = useSealed ? sealed : genuine;
            Map<String, byte[]> baseEntries = useSealed ? sealedEntries : entries;
            String prefix = useSealed ? "sealed-" : "";
            switch (pick) {
                case 0 -> {
                    strategy = prefix + "bits";
                    bytes = flipBits(base, random);
                }
                case 1 -> {
                    strategy = prefix + "bytes";
                    bytes = spliceBytes(base, random);
                }
                case 2 -> {
                    strategy = prefix + "zip";
                    bytes = rebuiltZip(baseEntries, random);
                }
                case 3 -> {
                    strategy = prefix + "manifest";
                    bytes = signed(mutateJson(baseEntries.get("manifest.json"), random), baseEntries, random);
                }
                case 6 -> {
                    strategy = prefix + "understated";
                    bytes = understated(baseEntries, !useSealed && random.nextBoolean(), random);
                    mustBe = java.util.Set.of("size-mismatch", "zip-mismatch", "zip-bomb");
                }
                case 7 -> {
                    strategy = prefix + "overlapping";
                    bytes = overlapping(baseEntries, !useSealed && random.nextBoolean(), random);
                    mustBe = java.util.Set.of("overlapping-entries");
                }
                case 8 -> {
                    strategy = prefix + "local-central";
                    bytes = localCentral(baseEntries, random);
                    mustBe = java.util.Set.of("zip-mismatch");
                }
                case 9 -> {
                    strategy = prefix + "zip64";
                    bytes = zip64(baseEntries, random);
                    mustBe = java.util.Set.of("unsupported-zip-feature");
                }
                case 10 -> {
                    strategy = "exponent";
                    bytes = hugeExponent(random);
                    mustBe = java.util.Set.of("bad-number");
                }
                default -> {
                    strategy = "snapshot";
                    Map<String, byte[]> changed = new LinkedHashMap<>(entries);
                    changed.put("payload/snapshot.json", mutateJson(entries.get("payload/snapshot.json"), random));
                    bytes = signed(rehashed(changed), changed, random);
                }
            }
            Files.write(input, bytes);
            String outcome;
            try {
                try {
                    PackageReader.read(input, KeyRegistry.trust(office), Limits.DEFAULT);
                } catch (PackageException expected) {
                    // a refusal with a code is what the reader may answer
                }
                ImportReport r = new Importer(office, officeKeys).importFile(input, true);
                assertThat(r.message()).isNotBlank();
                if (mustBe != null) {
                    assertThat(r.code()).as("%s: %s", strategy, r.message()).isIn(mustBe);
                }
                outcome = strategy + " " + (r.status() == ImportReport.Status.REJECTED ? r.code() : r.status().name());
            } catch (UserError e) {
                outcome = strategy + " user-error " + e.key();
            } catch (Throwable t) {
                Path kept = Files.createDirectories(Path.of("target", "fuzz-findings"))
                        .resolve("seed-" + SEED + "-input-" + n + ".perfpkg");
                Files.write(kept, bytes);
                throw new AssertionError("input " + n + " (" + strategy + ", seed " + SEED + ", kept as " + kept
                        + ") ended in " + t, t);
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        assertThat(CanonicalDump.of(office)).as("the office after %d dry runs", n).isEqualTo(before);
        System.out.printf("package fuzzing: %d inputs in %d s (seed %d), all ended in a report:%n", n,
                (System.nanoTime() - started) / 1_000_000_000L, SEED);
        outcomes.forEach((k, v) -> System.out.printf("  %6d  %s%n", v, k));
        // The mutations reach every layer: the zip, the signature, the listing and hashes, the JSON, the snapshot.
        assertThat(LAYERS).allSatisfy(layer -> assertThat(outcomes.keySet()).anyMatch(layer));
    }

    // ---- what fuzzing found, kept as regression cases (rebuilt and signed in each run: keys are new) ----

    /** Found by fuzzing: {@code "selfAssessments": [null]} took the importer down with a NullPointerException. */
    @Test
    void aListHoldingNullIsRefusedAsBadJson() throws Exception {
        for (String list : List.of("selfAssessments", "progress", "nodes", "organisations", "reports", "evidence")) {
            ObjectNode snapshot = (ObjectNode) JSON.readTree(entries.get("payload/snapshot.json"));
            ((ArrayNode) snapshot.get(list)).insertNull(0);
            ImportReport r = dryRun(withSnapshot(snapshot));
            assertThat(r.status()).as(list).isEqualTo(ImportReport.Status.REJECTED);
            assertThat(r.code()).as("%s: %s", list, r.message()).isEqualTo("bad-json");
        }
        ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
        ((ArrayNode) manifest.get("entries")).insertNull(0);
        Map<String, byte[]> same = new LinkedHashMap<>(entries);
        ImportReport r = dryRun(signed(JSON.writeValueAsBytes(manifest), same, new SplittableRandom(1)));
        assertThat(r.code()).as(r.message()).isIn("bad-json", "bad-manifest");
    }

    /**
     * Found while reading the fuzzer's accepted inputs: parents that lead round in a circle were
     * accepted, and those nodes then vanished from the office's tree and evaluation.
     */
    @Test
    void parentsThatLeadRoundInACircleAreRefused() throws Exception {
        ObjectNode snapshot = (ObjectNode) JSON.readTree(entries.get("payload/snapshot.json"));
        ArrayNode nodes = (ArrayNode) snapshot.get("nodes");
        ObjectNode goal = null;
        ObjectNode child = null;
        for (JsonNode n : nodes) {
            if (n.get("parentId").isNull() && goal == null) {
                goal = (ObjectNode) n;
            }
        }
        for (JsonNode n : nodes) {
            if (goal != null && goal.get("id").asText().equals(n.get("parentId").asText(null))) {
                child = (ObjectNode) n;
            }
        }
        assertThat(child).isNotNull();
        goal.put("parentId", child.get("id").asText()); // the goal now hangs under its own child
        ImportReport loop = dryRun(withSnapshot(snapshot));
        assertThat(loop.code()).as(loop.message()).isEqualTo("bad-snapshot");

        ObjectNode self = (ObjectNode) JSON.readTree(entries.get("payload/snapshot.json"));
        ObjectNode first = (ObjectNode) self.get("nodes").get(0);
        first.put("parentId", first.get("id").asText()); // its own parent
        ImportReport own = dryRun(withSnapshot(self));
        assertThat(own.code()).as(own.message()).isEqualTo("bad-snapshot");

        // and the unchanged snapshot, rebuilt the same way, is accepted: the refusals are about the loops
        ObjectNode unchanged = (ObjectNode) JSON.readTree(entries.get("payload/snapshot.json"));
        assertThat(dryRun(withSnapshot(unchanged)).accepted()).isTrue();
    }

    private static byte[] withSnapshot(JsonNode snapshot) throws IOException {
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        changed.put("payload/snapshot.json", JSON.writeValueAsBytes(snapshot));
        return signed(rehashed(changed), changed, new SplittableRandom(1));
    }

    private static ImportReport dryRun(byte[] pkg) throws IOException {
        Path file = Files.createTempFile(dir, "case-", ".perfpkg");
        Files.write(file, pkg);
        return new Importer(office, officeKeys).importFile(file, true);
    }

    // ---- byte mutations -------------------------------------------------------------------------

    private static byte[] flipBits(byte[] in, SplittableRandom r) {
        byte[] out = in.clone();
        int flips = 1 + r.nextInt(4);
        for (int i = 0; i < flips; i++) {
            out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return out;
    }

    private static byte[] spliceBytes(byte[] in, SplittableRandom r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = r.nextInt(in.length);
        switch (r.nextInt(4)) {
            case 0 -> out.write(in, 0, at); // cut short
            case 1 -> { // a range removed
                int len = 1 + r.nextInt(Math.min(200, in.length - at));
                out.write(in, 0, at);
                out.write(in, at + len, in.length - at - len);
            }
            case 2 -> { // random bytes inserted
                out.write(in, 0, at);
                for (int i = 1 + r.nextInt(64); i > 0; i--) {
                    out.write(r.nextInt(256));
                }
                out.write(in, at, in.length - at);
            }
            default -> { // a range repeated
                int len = 1 + r.nextInt(Math.min(500, in.length - at));
                out.write(in, 0, at + len);
                out.write(in, at, in.length - at);
            }
        }
        return out.toByteArray();
    }

    // ---- zip mutations --------------------------------------------------------------------------

    private static final String[] NAMES = {"payload/extra.json", "payload/", "../payload/snapshot.json",
        "/manifest.json", "payload\\snapshot.json", "attachments/" + "0".repeat(64), "inner/x.perfpkg",
        "C:payload/a.json", "payload/snapshot.json", "manifest.json", "manifest.sig", "payload/\u0001.json",
        "payload//snapshot.json", "a".repeat(300)};

    private static byte[] rebuiltZip(Map<String, byte[]> entries, SplittableRandom r) throws IOException {
        List<Map.Entry<String, byte[]>> list = new ArrayList<>(entries.entrySet());
        switch (r.nextInt(7)) {
            case 0 -> list.remove(r.nextInt(list.size()));
            case 6 -> { // one byte of an entry changed, the zip written anew (its CRCs fit): the signature and hashes must tell
                int i = r.nextInt(list.size());
                byte[] changed = list.get(i).getValue().clone();
                if (changed.length > 0) {
                    changed[r.nextInt(changed.length)] ^= (byte) (1 + r.nextInt(255));
                }
                list.set(i, Map.entry(list.get(i).getKey(), changed));
            }
            case 1 -> list.add(list.get(r.nextInt(list.size())));
            case 2 -> list.add(Map.entry(NAMES[r.nextInt(NAMES.length)], "{}".getBytes(StandardCharsets.UTF_8)));
            case 3 -> {
                int i = r.nextInt(list.size());
                list.set(i, Map.entry(NAMES[r.nextInt(NAMES.length)], list.get(i).getValue()));
            }
            case 4 -> java.util.Collections.shuffle(list, new java.util.Random(r.nextLong()));
            default -> {
                int i = r.nextInt(list.size());
                byte[] big = new byte[r.nextInt(3) == 0 ? 3 << 20 : r.nextInt(4096)];
                list.set(i, Map.entry(list.get(i).getKey(), big)); // zeros: compresses extremely well
            }
        }
        return zip(list, r.nextInt(4) == 0);
    }

    private static byte[] zip(List<Map.Entry<String, byte[]>> list, boolean stored) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : list) {
                ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey());
                if (stored) {
                    entry.setMethod(ZipArchiveEntry.STORED);
                    entry.setSize(e.getValue().length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(e.getValue());
                    entry.setCrc(crc.getValue());
                }
                zip.putArchiveEntry(entry);
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    // ---- the lies of issue 18, byte by byte ----------------------------------------------------------

    /** Filler entries of zeros, up to 32 MiB, made once: their hash and deflated bytes are shared by every input. */
    private static final byte[] FILLER = new byte[32 << 20];
    private static final byte[] FILLER_DEFLATED = CraftedZip.deflate(FILLER);
    private static final String FILLER_HASH = Crafted.hash(FILLER);
    private static final long FILLER_CRC = CraftedZip.crc(FILLER);

    /** The entries as a crafted zip (every header true), then {@code lie}. Manifest and signature stay the genuine ones. */
    private static byte[] crafted(Map<String, byte[]> entries, java.util.function.Consumer<CraftedZip> lie) {
        CraftedZip z = new CraftedZip();
        entries.forEach((name, bytes) -> {
            CraftedZip.Entry e = z.add(name, bytes);
            if (bytes == FILLER) {
                e.rawData = FILLER_DEFLATED;
                e.crc = FILLER_CRC;
            }
        });
        lie.accept(z);
        return z.write();
    }

    /**
     * The plain package with {@code n} filler entries of 32 MiB listed in a manifest signed again (what a
     * unit holding its own key can send): the lie told about them is what must refuse it.
     */
    private static Map<String, byte[]> withFillers(int n) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>(entries);
        ObjectNode m = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
        ArrayNode listed = (ArrayNode) m.get("entries");
        for (int i = 0; i < n; i++) {
            String path = "payload/filler-" + (char) ('a' + i) + ".json";
            out.put(path, FILLER);
            listed.addObject().put("path", path).put("size", FILLER.length).put(Crafted.hashField(), FILLER_HASH);
        }
        byte[] manifest = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
        out.put("manifest.json", manifest);
        out.put("manifest.sig", Crafted.sign(unitKey.privateKey(), manifest));
        return out;
    }

    private static CraftedZip.Entry any(CraftedZip z, SplittableRandom r) {
        return z.entries().get(r.nextInt(z.entries().size()));
    }

    /** An entry's size under-stated by the directory (and its local header, or its data descriptor). */
    private static byte[] understated(Map<String, byte[]> base, boolean bomb, SplittableRandom r) throws IOException {
        Map<String, byte[]> es = bomb ? withFillers(1 + r.nextInt(4)) : base;
        boolean descriptor = r.nextBoolean();
        return crafted(es, z -> {
            List<CraftedZip.Entry> fillers = z.entries().stream().filter(e -> e.data == FILLER).toList();
            CraftedZip.Entry e = bomb ? fillers.get(r.nextInt(fillers.size())) : any(z, r);
            if (e.data.length == 0) {
                e = z.entries().get(0); // the manifest is never empty
            }
            e.size = (long) r.nextInt(e.data.length);
            e.descriptor = descriptor;
        });
    }

    /** Entries sharing bytes: one pointed at another's local header, or into the middle of the one before it. */
    private static byte[] overlapping(Map<String, byte[]> base, boolean bomb, SplittableRandom r) throws IOException {
        Map<String, byte[]> es = bomb ? withFillers(2 + r.nextInt(6)) : base;
        return crafted(es, z -> {
            List<CraftedZip.Entry> all = z.entries();
            if (bomb) {
                List<CraftedZip.Entry> fillers = all.stream().filter(e -> e.data == FILLER).toList();
                for (CraftedZip.Entry e : fillers.subList(1, fillers.size())) {
                    e.sameAs = all.indexOf(fillers.get(0));
                    e.size = 100_000L; // an ordinary-looking ratio
                }
                fillers.get(0).size = 100_000L;
            } else if (r.nextBoolean()) {
                int later = 1 + r.nextInt(all.size() - 1);
                all.get(later).sameAs = r.nextInt(later);
            } else {
                all.get(1 + r.nextInt(all.size() - 1)).offsetShift = -(1 + r.nextInt(30));
            }
        });
    }

    /** A local header (or data descriptor) that says something else than the directory. */
    private static byte[] localCentral(Map<String, byte[]> base, SplittableRandom r) {
        int lie = r.nextInt(6);
        return crafted(base, z -> {
            CraftedZip.Entry e = any(z, r);
            switch (lie) {
                case 0 -> e.localName = e.name.substring(0, e.name.length() - 1) + (char) (e.name.charAt(e.name.length() - 1) ^ 0x20);
                case 1 -> e.localMethod = e.method == 8 ? 0 : 8;
                case 2 -> e.localFlags = 0x800 ^ (r.nextBoolean() ? 0x800 : 0x2 << r.nextInt(2));
                case 3 -> e.localSize = e.data.length + 1L + r.nextInt(1000);
                case 4 -> e.localCrc = CraftedZip.crc(e.data) ^ (1L + r.nextInt(1 << 30));
                default -> {
                    e.descriptor = true;
                    e.descriptorSize = e.data.length + 1L + r.nextInt(1000);
                }
            }
        });
    }

    /** ZIP64 records: an extended-information extra field in a local header, the directory or both, or a ZIP64 end. */
    private static byte[] zip64(Map<String, byte[]> base, SplittableRandom r) {
        int where = r.nextInt(4);
        return crafted(base, z -> {
            if (where == 3) {
                z.zip64End = true;
                return;
            }
            CraftedZip.Entry e = any(z, r);
            byte[] extra = CraftedZip.zip64Extra(e.data.length, r.nextInt(1 << 20));
            if (where != 1) {
                e.localExtra = extra;
            }
            if (where != 0) {
                e.centralExtra = extra;
            }
        });
    }

    /** A number with an exponent beyond ±100 in the snapshot or the manifest, listed and signed again. */
    private static byte[] hugeExponent(SplittableRandom r) throws IOException {
        boolean inManifest = r.nextInt(4) == 0;
        String path = inManifest ? "manifest.json" : "payload/snapshot.json";
        JsonNode root = JSON.readTree(entries.get(path));
        List<ObjectNode> holders = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        collectNumbers(root, holders, fields);
        int i = r.nextInt(holders.size());
        int exponent = 101 + (r.nextBoolean() ? r.nextInt(1000) : r.nextInt(Integer.MAX_VALUE - 101));
        holders.get(i).put(fields.get(i), new java.math.BigDecimal((r.nextBoolean() ? "1E-" : "9.5E+") + exponent));
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        changed.put(path, JSON.writeValueAsBytes(root));
        return signed(inManifest ? changed.get(path) : rehashed(changed), changed, r);
    }

    private static void collectNumbers(JsonNode node, List<ObjectNode> holders, List<String> fields) {
        if (node instanceof ObjectNode o) {
            o.fields().forEachRemaining(f -> {
                if (f.getValue().isNumber()) {
                    holders.add(o);
                    fields.add(f.getKey());
                }
            });
        }
        node.forEach(child -> collectNumbers(child, holders, fields));
    }

    // ---- JSON mutations -------------------------------------------------------------------------

    private static byte[] mutateJson(byte[] json, SplittableRandom r) throws IOException {
        if (r.nextInt(4) == 0) {
            return mutateText(new String(json, StandardCharsets.UTF_8), r).getBytes(StandardCharsets.UTF_8);
        }
        JsonNode root = JSON.readTree(json);
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            mutateTree(containers.get(r.nextInt(containers.size())), root, r);
        }
        return JSON.writeValueAsBytes(root);
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collect(child, out));
        }
    }

    private static final String[] TOKENS = {"{", "}", "[", "]", "\"", ",", ":", "null", "1e999999", "-0",
        "\\u0000", "\u0000", "9".repeat(80), "true", "\"\\ud800\"", "{\"a\":1,\"a\":2}", " ", "\n"};

    private static String mutateText(String text, SplittableRandom r) {
        int at = r.nextInt(text.length() + 1);
        return switch (r.nextInt(3)) {
            case 0 -> text.substring(0, at) + TOKENS[r.nextInt(TOKENS.length)] + text.substring(at);
            case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + r.nextInt(20)));
            default -> text.substring(0, at); // cut
        };
    }

    private static void mutateTree(JsonNode container, JsonNode root, SplittableRandom r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (container instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = names.get(r.nextInt(names.size()));
            switch (r.nextInt(10)) {
                case 0 -> o.remove(name);
                case 1 -> o.putNull(name);
                case 2 -> o.put(name, "x".repeat(r.nextInt(3) == 0 ? 1_100_000 : r.nextInt(40)));
                case 3 -> o.put(name, r.nextInt(3) == 0 ? Long.MIN_VALUE : r.nextInt(10) - 5);
                case 4 -> o.put(name, r.nextBoolean());
                case 5 -> o.set(name, f.arrayNode());
                case 6 -> o.set(name, deep(f, 40 + r.nextInt(60)));
                case 7 -> o.put("unknown" + r.nextInt(3), 1);
                case 8 -> o.put(name, new java.math.BigDecimal("1E" + (r.nextInt(800) - 400)));
                default -> { // a value taken from elsewhere: ids into parent ids, one unit's code into another
                    List<String> values = new ArrayList<>();
                    root.findValues(name).forEach(v -> values.add(v.isTextual() ? v.asText() : null));
                    String v = values.isEmpty() ? null : values.get(r.nextInt(values.size()));
                    if (v != null) {
                        o.put(name, v);
                    } else {
                        o.putNull(name);
                    }
                    if ("id".equals(name) || "parentId".equals(name)) {
                        List<JsonNode> ids = root.findValues("id");
                        if (ids.isEmpty()) {
                            return;
                        }
                        o.put(r.nextBoolean() ? "parentId" : "id", ids.get(r.nextInt(ids.size())).asText());
                    }
                }
            }
        } else if (container instanceof ArrayNode a && a.size() > 0) {
            int i = r.nextInt(a.size());
            switch (r.nextInt(5)) {
                case 0 -> a.remove(i);
                case 1 -> a.add(a.get(i).deepCopy()); // the same node (id) twice
                case 2 -> a.insert(i, f.nullNode());
                case 3 -> a.set(i, f.textNode("x"));
                default -> {
                    JsonNode x = a.get(i);
                    int j = r.nextInt(a.size());
                    a.set(i, a.get(j));
                    a.set(j, x);
                }
            }
        }
    }

    private static JsonNode deep(JsonNodeFactory f, int depth) {
        JsonNode node = f.numberNode(1);
        for (int i = 0; i < depth; i++) {
            ArrayNode a = f.arrayNode();
            a.add(node);
            node = a;
        }
        return node;
    }

    // ---- signing again ---------------------------------------------------------------------------

    /** The manifest with each entry's size and hash made to fit the (changed) entries, as text. */
    private static byte[] rehashed(Map<String, byte[]> changed) throws IOException {
        JsonNode m = JSON.readTree(changed.get("manifest.json"));
        for (JsonNode e : m.get("entries")) {
            byte[] b = changed.get(e.get("path").asText());
            if (b != null) {
                ((ObjectNode) e).put("size", b.length);
                ((ObjectNode) e).put(Crafted.hashField(), Crafted.hash(b));
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
    }

    /** A package with this manifest, signed with the unit's real key, and the other entries. */
    private static byte[] signed(byte[] manifest, Map<String, byte[]> others, SplittableRandom r) throws IOException {
        List<Map.Entry<String, byte[]>> list = new ArrayList<>();
        list.add(Map.entry("manifest.json", manifest));
        list.add(Map.entry("manifest.sig", Crafted.sign(unitKey.privateKey(), manifest)));
        others.forEach((k, v) -> {
            if (!k.equals("manifest.json") && !k.equals("manifest.sig")) {
                list.add(Map.entry(k, v));
            }
        });
        return zip(list, r.nextInt(8) == 0);
    }
}
