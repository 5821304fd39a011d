package org.perfdesk.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.TrustedKey;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.Enrollments;
import org.perfdesk.exchange.Feedbacks;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.Signer;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.exchange.pkg.CraftedZip;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.report.xlsx.AppraisalXlsx;
import org.perfdesk.report.xlsx.GoalTreeXlsx;
import org.perfdesk.report.xlsx.XlsxImport;
import org.perfdesk.store.Folders;
import org.perfdesk.store.Workspace;

/**
 * Coverage-guided fuzz targets (Jazzer) for everything that reads a file from outside: the package
 * reader, the manifest, the JSON payloads, and the two spreadsheets an office or unit imports. Each
 * may only answer with its documented refusal ({@link PackageException}, or {@link UserError} for the
 * spreadsheets and the card) or a report; anything else, a hang or running out of memory is a finding.
 *
 * <p>In a normal build ({@code mvn verify}) each target runs once per committed input under
 * {@code src/test/resources/org/perfdesk/proof/FuzzTargetsTestInputs/<target>/} (regression mode).
 * {@code JAZZER_FUZZ=1 mvn -B test -Dtest=FuzzTargetsTest#<target>} fuzzes one target (see
 * architecture.md, "Fuzzing"); what it finds lands in the same folder, to be committed with the fix.
 *
 * <p>Packages are signed with {@link #FUZZ_KEY}, a fixed key made for these tests only and trusted
 * for unit U001 by the fixture's office, so committed packages and mutations of their entries still
 * pass the signature and reach the checks behind it. The fixture (a small {@link ProofWorld}) is built
 * once per JVM; each input's own work is small.
 */
class FuzzTargetsTest {
    /** The fixed fuzzing key (Ed25519, PKCS#8 and X.509 base64). It signs test inputs and nothing else. */
    static final String FUZZ_KEY = "MC4CAQAwBQYDK2VwBCIEIP9axynsoxT7c0MQ+8l1Q6wFQbRVrlDCXy11G48CSQfC";
    static final String FUZZ_PUBLIC = "MCowBQYDK2VwAyEAwR7lYNXv4phi2uO6JCqvzkJ3P3+2njs8w5SffyeNw9k=";
    /** The same for runs under gm-1 (SM2): the fixture, re-signed packages and seeds then use this one. */
    static final String FUZZ_KEY_GM = "MIGTAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBHkwdwIBAQQg9/m83mGSbKHqhTvmUJHujT/6l+SuDLPhcVCkOb0WX0Kg"
            + "CgYIKoEcz1UBgi2hRANCAATKRF4Eqkz7L4ZU2B8peIDgBOqFyJmw8wI3uTh+w3LdZNTSALpE3x/13TQ0MNn0obGXfWTAG94rawBkDFg4oiYQ";
    static final String FUZZ_PUBLIC_GM = "MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEykReBKpM+y+GVNgfKXiA4ATqhciZsPMCN7k4fsNy3W"
            + "TU0gC6RN8f9d00NDDZ9KGxl31kwBveK2sAZAxYOKImEA==";
    /** How long one target fuzzes with {@code JAZZER_FUZZ=1} (Jazzer 0.24 takes it from the annotation only). */
    static final String FUZZ_TIME = "6m";
    private static final String SHEET = "xl/worksheets/sheet1.xml";
    private static final String OFFICE_FORM = "src/test/resources/org/perfdesk/report/xlsx/corpus/project-form.xlsx";
    private static final String INPUTS = "/org/perfdesk/proof/FuzzTargetsTestInputs/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Payload types for {@link #payloadJson}, picked by the input's first byte. */
    private static final List<Class<?>> PAYLOADS = List.of(Payloads.Snapshot.class, Manifest.class,
            Payloads.Card.class, Payloads.EncryptionKey.class, Payloads.Enrollment.class, Payloads.Certificate.class,
            Payloads.Revocations.class, Payloads.Review.class, Payloads.ReceiptPayload.class,
            Payloads.InnerKeys.class, Feedbacks.Feedback.class, Feedbacks.Rectification.class);

    // ---- the targets ----

    /** Any bytes as a package file: the reader accepts or refuses with a code; an accepted one ends in a report. */
    @FuzzTest(maxDuration = FUZZ_TIME)
    void packageFile(byte[] data) throws IOException {
        Fixture f = Fixture.get();
        readThenDryRun(f, f.scratch("input.perfpkg", data));
    }

    /** The reader refuses with a code, or accepts and a dry-run import ends in a report. */
    private static void readThenDryRun(Fixture f, Path file) {
        try {
            PackageReader.read(file, KeyRegistry.trust(f.office), Limits.DEFAULT);
        } catch (PackageException refused) {
            assertThat(refused.code()).isNotBlank();
            return;
        }
        assertThat(f.importer.importFile(file, true).message()).isNotBlank();
    }

    /**
     * Any bytes as an enrollment package ({@code enroll show}, {@code verify}, the window's 登记单位): the
     * enrollment's signature by the key it introduces is checked before anything but that key is read,
     * then it reads whole, or it is refused with a code.
     */
    @FuzzTest(maxDuration = FUZZ_TIME)
    void enrollmentFile(byte[] data) {
        readEnrollment(Fixture.get().scratch("enrollment.perfpkg", data));
    }

    /**
     * Any bytes as {@code payload/enrollment.json} of an enrollment listed and signed with the fuzzing
     * key (the key its seed introduces), so mutations reach the scan for the key, the signature and the
     * mapping behind it.
     */
    @FuzzTest(maxDuration = FUZZ_TIME)
    void enrollmentJson(byte[] json) throws IOException {
        Fixture f = Fixture.get();
        Map<String, byte[]> entries = new LinkedHashMap<>(f.enrollmentEntries);
        entries.put(EntryNames.ENROLLMENT, json);
        readEnrollment(f.scratch("enrollment-json.perfpkg", signedPackage(listing(f.enrollmentManifest, entries), entries)));
    }

    /** An enrollment reads with the key it was signed with and its own unit, or is refused with a code. */
    private static void readEnrollment(Path file) {
        Enrollments.Request r;
        try {
            r = Enrollments.read(file);
        } catch (PackageException refused) {
            assertThat(refused.code()).isNotBlank();
            return;
        } catch (UserError refused) {
            assertThat(refused.getLocalizedMessage()).isNotBlank();
            return;
        }
        assertThat(r.fingerprint()).isEqualTo(r.suite().fingerprint(r.opened().signer().key()));
        assertThat(r.suite().keyId(r.suite().signingKey(r.enrollment().publicKey()))).isEqualTo(r.opened().signer().keyId());
        assertThat(r.unitCode()).isEqualTo(r.opened().manifest().sender().code());
    }

    /**
     * Any bytes as {@code manifest.json}, signed with the trusted key, beside the genuine entries: the
     * reader and a dry-run import refuse with a code (the manifest's checks, listing, sizes, hashes) or
     * accept.
     */
    @FuzzTest(maxDuration = FUZZ_TIME)
    void manifestJson(byte[] manifest) throws IOException {
        Fixture f = Fixture.get();
        // the entries of the committed seed packages, so a seed manifest's sizes and hashes match them
        boolean sealed = new String(manifest, java.nio.charset.StandardCharsets.ISO_8859_1).contains(Manifest.FORMAT_SEALED);
        readThenDryRun(f, f.scratch("manifest.perfpkg",
                signedPackage(manifest, sealed ? f.seedSealedEntries : f.seedEntries)));
    }

    /**
     * Any bytes as {@code payload/snapshot.json} of the unit's genuine next package (size and hash
     * listed, signed): a dry-run import at the office ends in a report, accepted or refused with a code.
     */
    @FuzzTest(maxDuration = FUZZ_TIME)
    void snapshotJson(byte[] snapshot) throws IOException {
        Fixture f = Fixture.get();
        Map<String, byte[]> entries = new LinkedHashMap<>(f.entries);
        entries.put(EntryNames.SNAPSHOT, snapshot);
        Path file = f.scratch("snapshot.perfpkg", signedPackage(listing(f.manifest, entries), entries));
        ImportReport r = f.importer.importFile(file, true);
        assertThat(r.message()).isNotBlank();
        if (r.status() == ImportReport.Status.REJECTED) {
            assertThat(r.code()).isNotBlank().isNotEqualTo("not-imported");
        }
    }

    /**
     * The first byte picks a payload type, the rest is its JSON: the strict reader maps it or refuses
     * with a code, and what it maps writes back to the same value. A card is read as the file
     * {@code keys card} wrote ({@link UserError} when it is not one).
     */
    @FuzzTest(maxDuration = FUZZ_TIME)
    void payloadJson(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        Class<?> type = PAYLOADS.get((data[0] & 0xff) % PAYLOADS.size());
        byte[] json = java.util.Arrays.copyOfRange(data, 1, data.length);
        Object value;
        try {
            value = StrictJson.read(json, type, type.getSimpleName());
        } catch (PackageException refused) {
            assertThat(refused.code()).isIn("bad-json", "duplicate-key", "unknown-field", "json-too-deep",
                    "json-too-long");
            return;
        }
        assertThat(StrictJson.read(StrictJson.write(value), type, "again")).isEqualTo(value);
        if (type == Payloads.Card.class) {
            try {
                KeyRegistry.readCard(Fixture.get().scratch("card.json", json));
            } catch (UserError refused) {
                assertThat(refused.key()).isEqualTo("error.trust.badCard");
            }
        } else if (type == Payloads.EncryptionKey.class) {
            try {
                KeyRegistry.readEncryptionKey(json, ProofWorld.UNIT);
            } catch (PackageException refused) {
                assertThat(refused.code()).isNotBlank();
            }
        }
    }

    /**
     * Any bytes as the goal-tree form ({@code tree import-xlsx}): refused as a whole with a
     * {@link UserError}, or read with row problems, or previewed; a preview applies (inside a
     * transaction that is rolled back) without any other error. Nothing is saved.
     */
    @FuzzTest(maxDuration = FUZZ_TIME)
    void goalTreeXlsx(byte[] data) throws IOException {
        Fixture f = Fixture.get();
        Path file = f.scratch("tree.xlsx", data);
        try {
            // as the window reads it: the organisations it names created with the tree
            org.perfdesk.report.xlsx.TreeWorkbook wb = GoalTreeXlsx.open(f.unit, file);
            XlsxImport preview = GoalTreeXlsx.read(f.unit, ProofWorld.UNIT, ProofWorld.YEAR, wb,
                    wb.defaults().withCreateOrg(true));
            if (!preview.refused()) {
                f.unit.database().simulate(c -> GoalTreeXlsx.apply(f.unit, preview));
            }
        } catch (UserError refused) {
            assertThat(refused.getLocalizedMessage()).isNotBlank();
        }
        assertThat(f.unit.goals().findAll(ProofWorld.UNIT, ProofWorld.YEAR)).isEqualTo(f.tree);
        assertThat(f.unit.orgUnits().findAll()).isEqualTo(f.organisations);
        assertThat(f.unit.meta().withPrefix("xlsx.mapping.")).isEmpty();
    }

    /**
     * Any bytes as the sheet's XML of an office's own form (the corpus's 项目支出绩效目标申报表, with its
     * merged cells and two-row header), read through a column mapping: as {@link #goalTreeXlsx}.
     */
    @FuzzTest(maxDuration = FUZZ_TIME)
    void goalTreeFormXml(byte[] xml) throws IOException {
        goalTreeXlsx(withSheet(Fixture.get().officeForm, xml));
    }

    /**
     * Any bytes as the public-appraisal form ({@code appraisal import}): refused as a whole with a
     * {@link UserError} or read with row problems; nothing is saved.
     */
    @FuzzTest(maxDuration = FUZZ_TIME)
    void appraisalXlsx(byte[] data) throws IOException {
        Fixture f = Fixture.get();
        Path file = f.scratch("appraisal.xlsx", data);
        try {
            AppraisalXlsx.Parsed parsed = AppraisalXlsx.parse(f.office, ProofWorld.YEAR, file);
            assertThat(parsed.rows().size() + parsed.problems().size() + parsed.emptyRows()).isGreaterThanOrEqualTo(0);
        } catch (UserError refused) {
            assertThat(refused.getLocalizedMessage()).isNotBlank();
        }
        assertThat(f.office.evaluation().appraisals().findByYear(ProofWorld.YEAR)).isEqualTo(f.appraisals);
    }

    /**
     * Any bytes as the goal-tree sheet's XML inside the genuine exported form, so the fuzzer works on
     * cells and rows rather than on the zip: as {@link #goalTreeXlsx}.
     */
    @FuzzTest(maxDuration = FUZZ_TIME)
    void goalTreeSheetXml(byte[] xml) throws IOException {
        goalTreeXlsx(withSheet(Fixture.get().treeForm, xml));
    }

    /** Any bytes as the appraisal sheet's XML inside the genuine form: as {@link #appraisalXlsx}. */
    @FuzzTest(maxDuration = FUZZ_TIME)
    void appraisalSheetXml(byte[] xml) throws IOException {
        appraisalXlsx(withSheet(Fixture.get().appraisalForm, xml));
    }

    /** The workbook with its first sheet's XML replaced (every entry stored: cheap to build). */
    static byte[] withSheet(Map<String, byte[]> workbook, byte[] sheetXml) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(workbook);
        entries.put(SHEET, sheetXml);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        }
        return out.toByteArray();
    }

    /**
     * The seeds reach the checks behind the first ones: the committed package passes the reader with the
     * fuzzing key, a seed manifest matches the committed entries, and the genuine snapshot, goal-tree
     * sheet and appraisal sheet are accepted here, so mutations start from inputs that get all the way.
     */
    @Test
    void seedsGetPastTheFirstChecks() throws Exception {
        Fixture f = Fixture.get();
        Map<String, byte[]> enrollment = new LinkedHashMap<>(f.enrollmentEntries);
        if (Fixture.SUITE == Suite.INTL) {
            PackageReader.read(f.scratch("seed.perfpkg", input("packageFile/plain.perfpkg")), KeyRegistry.trust(f.office),
                    Limits.DEFAULT);
            PackageReader.read(f.scratch("seed.perfpkg", signedPackage(input("manifestJson/plain.json"), f.seedEntries)),
                    KeyRegistry.trust(f.office), Limits.DEFAULT);
            PackageReader.read(f.scratch("seed.perfpkg", signedPackage(input("manifestJson/sealed.json"),
                    f.seedSealedEntries)), KeyRegistry.trust(f.office), Limits.DEFAULT);
            assertThat(Enrollments.read(f.scratch("seed.perfpkg", input("enrollmentFile/genuine.perfpkg"))).unitCode())
                    .isEqualTo(ProofWorld.UNIT);
            enrollment.put(EntryNames.ENROLLMENT, input("enrollmentJson/enrollment.json"));
        } else {
            // The committed seeds are intl-1's; under another suite the fixture's own packages, made the same
            // way and signed with that suite's fuzzing key, are what the mutations start from.
            PackageReader.read(f.scratch("seed.perfpkg", signedPackage(f.manifest, f.entries)),
                    KeyRegistry.trust(f.office), Limits.DEFAULT);
            PackageReader.read(f.scratch("seed.perfpkg", signedPackage(f.sealedManifest, f.sealedEntries)),
                    KeyRegistry.trust(f.office), Limits.DEFAULT);
            assertThat(Enrollments.read(f.scratch("seed.perfpkg", signedPackage(f.enrollmentManifest,
                    f.enrollmentEntries))).unitCode()).isEqualTo(ProofWorld.UNIT);
        }
        assertThat(Enrollments.read(f.scratch("seed.perfpkg", signedPackage(listing(f.enrollmentManifest, enrollment),
                enrollment))).fingerprint()).isEqualTo(Fixture.SUITE.fingerprint(Fixture.SUITE.signingKey(Fixture.PUBLIC)));
        Map<String, byte[]> entries = new LinkedHashMap<>(f.entries);
        entries.put(EntryNames.SNAPSHOT, input("snapshotJson/snapshot.json"));
        ImportReport r = f.importer.importFile(f.scratch("seed.perfpkg", signedPackage(listing(f.manifest, entries),
                entries)), true);
        assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        XlsxImport tree = GoalTreeXlsx.read(f.unit, ProofWorld.UNIT, ProofWorld.YEAR,
                f.scratch("seed.xlsx", withSheet(f.treeForm, input("goalTreeSheetXml/exported.xml"))));
        assertThat(tree.problems()).isEmpty();
        AppraisalXlsx.Parsed appraisal = AppraisalXlsx.parse(f.office, ProofWorld.YEAR,
                f.scratch("seed.xlsx", withSheet(f.appraisalForm, input("appraisalSheetXml/template.xml"))));
        assertThat(appraisal.problems()).isEmpty();
        assertThat(appraisal.rows()).isNotEmpty();
    }

    private static byte[] input(String path) throws IOException {
        try (var in = FuzzTargetsTest.class.getResourceAsStream(INPUTS + path)) {
            return in.readAllBytes();
        }
    }

    @AfterAll
    static void officeUnchanged() throws Exception {
        Fixture.closeChecked();
    }

    // ---- seeds ----

    /**
     * Writes the seed inputs (a package in the clear and an encrypted one, their manifests, the
     * snapshot, one JSON value per payload type, the goal-tree form and the appraisal form made from the
     * fixture) into the source tree: {@code mvn test -Dtest=FuzzTargetsTest#writeSeeds
     * -Dperfdesk.fuzz.writeSeeds=true}. Inputs found by fuzzing sit beside them.
     */
    @Test
    @EnabledIfSystemProperty(named = "perfdesk.fuzz.writeSeeds", matches = "true")
    void writeSeeds() throws Exception {
        assumeTrue(Fixture.SUITE == Suite.INTL, "the committed seeds are intl-1's");
        Fixture f = Fixture.get();
        f.changedOnPurpose = true; // the appraisal template saves the year's scheme
        Path root = Path.of("src/test/resources/org/perfdesk/proof/FuzzTargetsTestInputs");
        seed(root, "packageFile", "plain.perfpkg", signedPackage(f.manifest, f.entries));
        seed(root, "packageFile", "sealed.perfpkg", signedPackage(f.sealedManifest, f.sealedEntries));
        seed(root, "manifestJson", "plain.json", f.manifest);
        seed(root, "manifestJson", "sealed.json", f.sealedManifest);
        seed(root, "snapshotJson", "snapshot.json", f.entries.get(EntryNames.SNAPSHOT));
        // an enrollment introducing the fuzzing key, and the lies of issue 18 told about it (small files)
        byte[] enrollment = signedPackage(f.enrollmentManifest, f.enrollmentEntries);
        seed(root, "enrollmentFile", "genuine.perfpkg", enrollment);
        seed(root, "enrollmentJson", "enrollment.json", f.enrollmentEntries.get(EntryNames.ENROLLMENT));
        seed(root, "enrollmentFile", "overlapping.perfpkg", craftedEnrollment(f, z -> {
            CraftedZip.Entry last = z.entries().get(z.entries().size() - 1);
            last.sameAs = z.entries().size() - 2;
        }));
        seed(root, "enrollmentFile", "understated.perfpkg", craftedEnrollment(f,
                z -> z.entries().get(2).size = 10L));
        seed(root, "enrollmentFile", "local-central.perfpkg", craftedEnrollment(f,
                z -> z.entries().get(2).localName = "payload/enrollmenT.json"));
        seed(root, "enrollmentFile", "zip64.perfpkg", craftedEnrollment(f, z -> z.zip64End = true));
        Map<Class<?>, byte[]> samples = new LinkedHashMap<>();
        samples.put(Payloads.Snapshot.class, f.entries.get(EntryNames.SNAPSHOT));
        samples.put(Manifest.class, f.manifest);
        samples.put(Payloads.Card.class, StrictJson.write(KeyRegistry.card(f.office)));
        samples.put(Payloads.EncryptionKey.class, f.entries.get(EntryNames.ENCRYPTION_KEY));
        samples.put(Payloads.Revocations.class, StrictJson.write(KeyRegistry.revocations(f.office)));
        String id = "5f0c2a4e-8a34-4c55-9d1e-2f6f1b7a9c01";
        samples.put(Payloads.Review.class, StrictJson.write(new Payloads.Review(Payloads.REVIEW_FORMAT, id,
                ProofWorld.UNIT, ProofWorld.YEAR, id, "APPROVED", "同意。", "2026-03-01T08:00:00Z",
                List.of(new Payloads.NodeRevision(id, 2)))));
        samples.put(Payloads.ReceiptPayload.class, StrictJson.write(new Payloads.ReceiptPayload(
                Payloads.RECEIPT_FORMAT, id, "1".repeat(64), "0".repeat(64), "annual", ProofWorld.YEAR, 2, "2026-03-01T08:00:00Z",
                "accepted", null)));
        samples.put(Payloads.Certificate.class, StrictJson.write(new Payloads.Certificate(Payloads.CERTIFICATE_FORMAT,
                ProofWorld.UNIT, "单位", "0".repeat(32), FUZZ_PUBLIC, "2026-03-01T08:00:00Z", "P", "1".repeat(32))));
        for (Map.Entry<Class<?>, byte[]> e : samples.entrySet()) {
            byte[] input = new byte[e.getValue().length + 1];
            input[0] = (byte) PAYLOADS.indexOf(e.getKey());
            System.arraycopy(e.getValue(), 0, input, 1, e.getValue().length);
            seed(root, "payloadJson", e.getKey().getSimpleName().toLowerCase(java.util.Locale.ROOT) + ".json", input);
        }
        Path tree = f.dir.resolve("tree-seed.xlsx");
        GoalTreeXlsx.export(f.unit, ProofWorld.UNIT, ProofWorld.YEAR, tree);
        seed(root, "goalTreeXlsx", "exported.xlsx", Files.readAllBytes(tree));
        seed(root, "goalTreeXlsx", "template.xlsx", Files.readAllBytes(Path.of("sample-data/goal-tree-template.xlsx")));
        Path form = f.dir.resolve("appraisal-seed.xlsx");
        AppraisalXlsx.template(f.office, ProofWorld.YEAR, form);
        seed(root, "appraisalXlsx", "template.xlsx", Files.readAllBytes(form));
        seed(root, "appraisalXlsx", "sample-2008.xlsx", Files.readAllBytes(Path.of("sample-data/appraisal-2008.xlsx")));
        seed(root, "goalTreeSheetXml", "exported.xml", ProofWorld.entriesOf(tree).get(SHEET));
        seed(root, "goalTreeFormXml", "project-form.xml", ProofWorld.entriesOf(Path.of(OFFICE_FORM)).get(SHEET));
        for (String own : List.of("departments.xlsx", "weights.xlsx", "old-format.xls", "wps-catalogue.xlsx")) {
            seed(root, "goalTreeXlsx", own, Files.readAllBytes(Path.of(OFFICE_FORM).resolveSibling(own)));
        }
        seed(root, "appraisalSheetXml", "template.xml", ProofWorld.entriesOf(form).get(SHEET));
    }

    /** The seed enrollment written byte by byte, then {@code lie}. */
    private static byte[] craftedEnrollment(Fixture f, java.util.function.Consumer<CraftedZip> lie) {
        CraftedZip z = new CraftedZip();
        z.add(Manifest.MANIFEST, f.enrollmentManifest);
        z.add(Manifest.SIGNATURE, Fixture.SUITE.sign(Fixture.FUZZ_PRIVATE, f.enrollmentManifest));
        f.enrollmentEntries.forEach(z::add);
        lie.accept(z);
        return z.write();
    }

    private static void seed(Path root, String target, String name, byte[] bytes) throws IOException {
        Files.write(Files.createDirectories(root.resolve(target)).resolve(name), bytes);
    }

    // ---- building packages ----

    /** The manifest with each entry's size and hash as in {@code entries}. */
    static byte[] listing(byte[] manifest, Map<String, byte[]> entries) throws IOException {
        ObjectNode m = (ObjectNode) JSON.readTree(manifest);
        for (JsonNode e : m.withArray("entries")) {
            byte[] bytes = entries.get(e.get("path").asText());
            ((ObjectNode) e).put("size", bytes.length).put(Fixture.SUITE.hashName(), Hashing.hash(Fixture.SUITE, bytes));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
    }

    /** A zip of the manifest, its signature with the fuzzing key, and the entries (stored: cheap to build). */
    static byte[] signedPackage(byte[] manifest, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            put(zip, Manifest.MANIFEST, manifest);
            put(zip, Manifest.SIGNATURE, Fixture.SUITE.sign(Fixture.FUZZ_PRIVATE, manifest));
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        }
        return out.toByteArray();
    }

    private static void put(ZipArchiveOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setMethod(ZipArchiveEntry.STORED);
        e.setSize(bytes.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        zip.putArchiveEntry(e);
        zip.write(bytes);
        zip.closeArchiveEntry();
    }

    /**
     * The world the targets read against, built once per JVM: a small province whose office trusts the
     * fuzzing key for unit U001, the unit's next annual package (in the clear and encrypted) re-signed
     * with it, the unit's tree and the office's appraisals as they were.
     */
    static final class Fixture {
        /** The run's suite: its fuzzing key signs, its hash lists the entries. */
        static final Suite SUITE = ProofWorld.SUITE;
        /** The fuzzing key's public half (base64 SubjectPublicKeyInfo) for the run's suite. */
        static final String PUBLIC = SUITE == Suite.INTL ? FUZZ_PUBLIC : FUZZ_PUBLIC_GM;
        static final PrivateKey FUZZ_PRIVATE;
        static final String FUZZ_KEY_ID;

        static {
            try {
                FUZZ_PRIVATE = SUITE == Suite.INTL ? KeyFactory.getInstance("Ed25519")
                        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(FUZZ_KEY)))
                        : SUITE.signingPrivateKey(Base64.getDecoder().decode(FUZZ_KEY_GM));
                FUZZ_KEY_ID = SUITE.keyId(SUITE.signingKey(PUBLIC));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Fixture instance;

        final Path dir;
        final Workspace office;
        final Workspace unit;
        final Importer importer;
        /** The unit's next package in the clear: manifest (re-keyed) and other entries. */
        final byte[] manifest;
        final Map<String, byte[]> entries;
        final byte[] sealedManifest;
        final Map<String, byte[]> sealedEntries;
        final List<GoalNode> tree;
        final List<Appraisal> appraisals;
        /** The committed seed packages' entries but manifest and signature, for the manifest target. */
        final Map<String, byte[]> seedEntries;
        final Map<String, byte[]> seedSealedEntries;
        /**
         * An enrollment of unit U001 introducing the fuzzing key (fixed id and time, so the committed seeds
         * stay valid): its manifest and entries (the enrollment and the unit's encryption key).
         */
        final byte[] enrollmentManifest;
        final Map<String, byte[]> enrollmentEntries;
        /** The committed seed forms' entries, for the sheet-XML targets. */
        final Map<String, byte[]> treeForm;
        final Map<String, byte[]> appraisalForm;
        /** An office's own form from the corpus, for the office-form target. */
        final Map<String, byte[]> officeForm;
        final List<org.perfdesk.domain.OrgUnit> organisations;
        final String officeBefore;
        boolean changedOnPurpose;

        static synchronized Fixture get() {
            if (instance == null) {
                try {
                    instance = new Fixture();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot build the fuzzing fixture", e);
                }
            }
            return instance;
        }

        static synchronized void closeChecked() throws Exception {
            if (instance == null) {
                return;
            }
            Fixture f = instance;
            instance = null;
            try {
                assertThat(f.changedOnPurpose ? f.officeBefore : CanonicalDump.of(f.office)).as("the office after fuzzing").isEqualTo(f.officeBefore);
            } finally {
                f.office.close();
                f.unit.close();
                Folders.deleteQuietly(f.dir);
            }
        }

        private Fixture() throws Exception {
            dir = Files.createTempDirectory("perfdesk-jazzer");
            ProofWorld world = new ProofWorld(dir.resolve("world"), 12, 1, true);
            Map<String, byte[]> plain = ProofWorld.entriesOf(world.secondPackage);
            manifest = rekeyed(plain.remove(Manifest.MANIFEST));
            plain.remove(Manifest.SIGNATURE);
            entries = java.util.Collections.unmodifiableMap(plain);
            unit = Workspace.open(world.unitBefore);
            Signer unitKeys = WorkspaceKeys.unlock(unit, ProofWorld.PASSPHRASE.toCharArray());
            Path sealedFile = new org.perfdesk.exchange.Exporter(unit, unitKeys).exportUnitPackage(
                    PackageKind.ANNUAL, ProofWorld.YEAR, Files.createDirectories(dir.resolve("usb3")), null).file();
            Map<String, byte[]> sealed = ProofWorld.entriesOf(sealedFile);
            sealedManifest = rekeyed(sealed.remove(Manifest.MANIFEST));
            sealed.remove(Manifest.SIGNATURE);
            sealedEntries = java.util.Collections.unmodifiableMap(sealed);
            // the task ProofWorld added has no owner, which the form requires: give it one, so the
            // exported form reads back and the goal-tree seeds reach the import's plan
            unit.goals().saveEdits(unit.goals().findAll(ProofWorld.UNIT, ProofWorld.YEAR).stream()
                    .filter(n -> n.ownerCode() == null && !n.deleted()).map(n -> n.withOwner(ProofWorld.UNIT + "-D1"))
                    .toList());
            tree = unit.goals().findAll(ProofWorld.UNIT, ProofWorld.YEAR);
            office = Workspace.open(world.officeBefore);
            office.trustedKeys().save(new TrustedKey(FUZZ_KEY_ID, ProofWorld.UNIT, PUBLIC,
                    TrustedKey.Source.REGISTERED, Instant.now(), null, null, SUITE.id()));
            importer = new Importer(office, WorkspaceKeys.unlock(office, ProofWorld.PASSPHRASE.toCharArray()));
            Map<String, byte[]> enrollment = new LinkedHashMap<>();
            Payloads.Org self = new Payloads.Org(ProofWorld.UNIT, "福建省测试厅", org.perfdesk.domain.OrgKind.DEPARTMENT,
                    org.perfdesk.exchange.demo.ProvinceBuilder.OFFICE_CODE,
                    org.perfdesk.domain.RankingGroup.PROVINCIAL_DEPARTMENTS);
            enrollment.put(EntryNames.ENROLLMENT, StrictJson.write(SUITE == Suite.INTL
                    ? new Payloads.Enrollment(Payloads.ENROLLMENT_FORMAT, self, FUZZ_PUBLIC, "2026-03-01T08:00:00Z")
                    : Crafted.enrollment(self, SUITE.signingKey(PUBLIC), "2026-03-01T08:00:00Z")));
            enrollment.put(EntryNames.ENCRYPTION_KEY, plain.get(EntryNames.ENCRYPTION_KEY));
            enrollmentEntries = java.util.Collections.unmodifiableMap(enrollment);
            List<Manifest.Entry> listed = new java.util.ArrayList<>();
            enrollment.forEach((path, bytes) -> listed.add(Crafted.entry(path, bytes)));
            enrollmentManifest = StrictJson.write(Crafted.manifest("0c1e7c3a-58b4-4c0e-9a55-6f0b8d2e4a17",
                    PackageKind.ENROLLMENT, Manifest.Party.sender(ProofWorld.UNIT, FUZZ_KEY_ID),
                    Manifest.Party.recipient(org.perfdesk.exchange.demo.ProvinceBuilder.OFFICE_CODE, null),
                    ProofWorld.YEAR, 1, null, "2026-03-01T08:00:00Z", "0.1.0", listed));
            appraisals = office.evaluation().appraisals().findByYear(ProofWorld.YEAR);
            officeBefore = CanonicalDump.of(office);
            seedEntries = withoutManifest(seedWorkbook(dir, "packageFile/plain.perfpkg"));
            seedSealedEntries = withoutManifest(seedWorkbook(dir, "packageFile/sealed.perfpkg"));
            treeForm = seedWorkbook(dir, "goalTreeXlsx/exported.xlsx");
            appraisalForm = seedWorkbook(dir, "appraisalXlsx/template.xlsx");
            officeForm = ProofWorld.entriesOf(Path.of(OFFICE_FORM));
            organisations = unit.orgUnits().findAll();
        }

        private static Map<String, byte[]> withoutManifest(Map<String, byte[]> entries) {
            Map<String, byte[]> out = new LinkedHashMap<>(entries);
            out.remove(Manifest.MANIFEST);
            out.remove(Manifest.SIGNATURE);
            return java.util.Collections.unmodifiableMap(out);
        }

        /** A committed seed input's zip entries (a form or a package), or none before the seeds are written. */
        private static Map<String, byte[]> seedWorkbook(Path dir, String input) throws IOException {
            try (var in = FuzzTargetsTest.class.getResourceAsStream(INPUTS + input)) {
                if (in == null) {
                    return Map.of(); // before the seeds are written
                }
                Path copy = Files.write(dir.resolve(input.replace('/', '-')), in.readAllBytes());
                return java.util.Collections.unmodifiableMap(ProofWorld.entriesOf(copy));
            }
        }

        /** The manifest naming the fuzzing key as the sender's. */
        private static byte[] rekeyed(byte[] manifest) throws IOException {
            ObjectNode m = (ObjectNode) JSON.readTree(manifest);
            ((ObjectNode) m.get("sender")).put("keyId", FUZZ_KEY_ID);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
        }

        /** Writes an input to this target's own file (rewritten for every input). */
        Path scratch(String name, byte[] bytes) {
            try {
                return Files.write(dir.resolve(name), bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
