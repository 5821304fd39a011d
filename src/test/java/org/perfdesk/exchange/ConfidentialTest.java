package org.perfdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.exchange.intake.EnrollmentHandler;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.ReportSection;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.exchange.pkg.Sealed;
import org.perfdesk.store.Workspace;

/**
 * Confidential packages: every kind but the enrollment travels sealed for its recipient and its
 * sender, arrives, and shows nothing of its content to whoever finds the stick.
 */
class ConfidentialTest extends OneUnitWorld {
    /** Texts that must not be readable in a sealed package: an ASCII title (what `strings` shows) and Chinese ones. */
    private static final String SECRET_TITLE = "Reservoir dam safety inspection";
    private static final String EVIDENCE_NAME = "evidence-dam-crack-photos.pdf";

    @Test
    void everyUnitKindArrivesSealedForTheOfficeAndTheSender() {
        for (PackageKind kind : List.of(PackageKind.PLAN, PackageKind.PROGRESS, PackageKind.MIDYEAR, PackageKind.ANNUAL,
                PackageKind.RECTIFICATION)) {
            Path file = world.export("SLT", kind);
            Manifest m = manifest(file, world.office);
            assertThat(m.format()).as(kind.name()).isEqualTo(World.format(true));
            assertThat(m.encryption().recipients()).extracting(Manifest.Recipient::code).containsExactly("XNB", "SLT");
            assertThat(m.encryption().recipients()).extracting(Manifest.Recipient::keyId).containsExactly(
                    encryptionKeyId(world.office), encryptionKeyId(world.units.get("SLT")));
            assertThat(m.entries()).extracting(Manifest.Entry::path).allMatch(EntryNames::isSealed);

            ImportReport r = world.importAtOffice(file);
            assertThat(r.status()).as(kind + ": " + r.message()).isEqualTo(ImportReport.Status.ACCEPTED);
            assertThat(r.kind()).isEqualTo(kind.cliName());
        }
        assertThat(world.office.goals().findAll("SLT", World.YEAR)).extracting(GoalNode::title)
                .contains("推进重点工作", "完成项目数", "制度建设");
        assertThat(world.office.packages().findSnapshotsOf("SLT", World.YEAR)).hasSize(5);
    }

    @Test
    void everyOfficeKindArrivesSealedForTheUnit() {
        // The certificate came with the enrollment in World.addUnit; it was sealed like the rest.
        Workspace slt = world.units.get("SLT");
        assertEveryIncomingSealed(slt);
        ImportReport plan = world.importAtOffice(world.export("SLT", PackageKind.PLAN));
        Path receipt = Receipts.write(world.office, world.officeSigner, plan.packageId(), world.usb).file();
        Path returned = Reviews.decide(world.office, world.officeSigner, "SLT", World.YEAR,
                PlanReview.Decision.RETURNED, "指标缺少目标值，请补充。", world.usb).file();
        Path approved = Reviews.decide(world.office, world.officeSigner, "SLT", World.YEAR,
                PlanReview.Decision.APPROVED, "同意。", world.usb).file();

        for (Path file : List.of(receipt, returned, approved)) {
            Manifest m = manifest(file, slt);
            assertThat(m.format()).as(m.kind().name()).isEqualTo(World.format(true));
            assertThat(m.encryption().recipients()).extracting(Manifest.Recipient::code).containsExactly("SLT", "XNB");
            ImportReport r = world.importer("SLT").importFile(file, false);
            assertThat(r.status()).as(m.kind() + ": " + r.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        }
        assertThat(slt.receipts().find(plan.packageId())).isPresent();
        assertThat(slt.reviews().latest("SLT", World.YEAR)).hasValueSatisfying(
                r -> assertThat(r.decision()).isEqualTo(PlanReview.Decision.APPROVED));
        assertEveryIncomingSealed(slt);
    }

    @Test
    void theEnrollmentIsInTheClearAndCarriesTheEncryptionKey() throws IOException {
        Workspace slt = world.units.get("SLT");
        Path request = new Exporter(slt, world.signers.get("SLT"))
                .exportUnitPackage(PackageKind.ENROLLMENT, World.YEAR, dir.resolve("again"), null).file();
        Manifest m = PackageReader.readWithoutSignature(request, Limits.DEFAULT).manifest();
        assertThat(m.format()).isEqualTo(World.format(false));
        Enrollments.Request read = Enrollments.read(request);
        assertThat(read.encryptionKey().keyId()).isEqualTo(encryptionKeyId(slt));
        // What the office registered from it is what it seals its answers for.
        assertThat(world.office.encryptionKeys().current("SLT")).hasValueSatisfying(
                k -> assertThat(k.keyId()).isEqualTo(encryptionKeyId(slt)));
    }

    @Test
    void aUnitWithoutAnEncryptionKeyGetsItsCertificateInTheClear() throws IOException {
        // What an enrollment from a version before encryption looks like: no payload/encryption-key.json.
        Workspaces.Created old = Workspaces.create(dir.resolve("NYT"), new Workspace.Setup(org.perfdesk.domain.Role.UNIT,
                new org.perfdesk.domain.OrgUnit("NYT", "福建省农业厅", OrgKind.DEPARTMENT, "XNB"), World.YEAR, "test"),
                World.PASSPHRASE.toCharArray());
        try (Workspace nyt = old.workspace()) {
            Signer signingOnly = new Signer("NYT", old.signer().privateKey(), old.signer().publicKey());
            var card = KeyRegistry.card(world.office);
            KeyRegistry.pinOffice(nyt, card, card.fingerprint());
            Path usb = Files.createDirectories(dir.resolve("old-usb"));
            Path request = new Exporter(nyt, signingOnly).exportUnitPackage(PackageKind.ENROLLMENT, World.YEAR, usb,
                    null).file();
            assertThat(Enrollments.read(request).encryptionKey()).isNull();

            Path certificate = Enrollments.accept(world.office, world.officeSigner, request,
                    Enrollments.read(request).fingerprint(), usb).file();

            assertThat(PackageReader.readWithoutSignature(certificate, Limits.DEFAULT).manifest().format())
                    .isEqualTo(World.format(false));
            assertThat(new Importer(nyt).importFile(certificate, false).accepted()).isTrue();
        }
    }

    @Test
    void aPlainPackageIsStillPossibleAndSaysSo() {
        OfficePolicy.setRequiresEncryption(world.office, false);
        Path file = world.exportPlain("SLT", PackageKind.PLAN);
        Manifest m = manifest(file, world.office);
        assertThat(m.format()).isEqualTo(World.format(false));
        assertThat(m.encryption()).isNull();
        assertThat(m.entries()).extracting(Manifest.Entry::path).contains(EntryNames.SNAPSHOT);
        assertThat(world.importAtOffice(file).accepted()).isTrue();
    }

    @Test
    void theSenderCanOpenWhatItSent() {
        Path file = world.export("SLT", PackageKind.PLAN);
        Workspace slt = world.units.get("SLT");
        PackageReader.Opened opened = PackageReader.read(file, KeyRegistry.trust(slt), Limits.DEFAULT);
        PackageReader.Opened open = Sealed.open(opened, world.signers.get("SLT").keyRing(), Limits.DEFAULT);
        assertThat(new String(open.entry(EntryNames.SNAPSHOT), StandardCharsets.UTF_8)).contains("推进重点工作");
    }

    /** What `unzip -l` and `unzip -p` (and so `strings`) show of a sealed package: no titles, no file names. */
    @Test
    void whatStandardToolsShowOfASealedPackageIsOnlyTheEnvelope() throws IOException {
        Workspace slt = world.units.get("SLT");
        slt.goals().save(GoalNode.create("SLT", World.YEAR, "SLT-g1", 5, NodeKind.INDICATOR, SECRET_TITLE)
                .withOwner("SLT-A1"));
        Path scan = Files.write(dir.resolve(EVIDENCE_NAME), "%PDF-1.4 cracks in the spillway".getBytes());
        String evidenceHash = slt.evidence().attach("SLT-i1", scan, "大坝裂缝照片").sha256();
        slt.reports().save(new ReportSection("SLT", World.YEAR, ReportKind.MIDYEAR, "overview", 0, "总体情况",
                "水库除险加固滞后"));
        List<String> secrets = List.of(SECRET_TITLE, EVIDENCE_NAME, "推进重点工作", "大坝裂缝照片", "水库除险加固滞后",
                "cracks in the spillway", evidenceHash);

        String plain = everythingUnzipShows(world.exportPlain("SLT", PackageKind.MIDYEAR));
        assertThat(secrets).as("the control: a plain package shows them all").allMatch(plain::contains);

        Path sealed = world.export("SLT", PackageKind.MIDYEAR);
        String shown = everythingUnzipShows(sealed);
        assertThat(secrets).noneMatch(shown::contains);
        assertThat(World.entries(sealed)).extracting(Map.Entry::getKey)
                .allMatch(n -> n.equals(Manifest.MANIFEST) || n.equals(Manifest.SIGNATURE) || EntryNames.isSealed(n));
        // The raw file as `strings` reads it: the ciphertext is stored, so no compressed text hides in it either.
        String raw = new String(Files.readAllBytes(sealed), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(SECRET_TITLE).doesNotContain(EVIDENCE_NAME).doesNotContain(evidenceHash);
        // …and the office reads all of it.
        assertThat(world.importAtOffice(sealed).accepted()).isTrue();
        assertThat(world.office.evidence().findByNode("SLT-i1")).extracting(e -> e.fileName())
                .containsExactly(EVIDENCE_NAME);
    }

    @Test
    void aCollectorForwardsSealedPackagesTheOfficeCanOpen() {
        world.addUnit("XM", "厦门市人民政府", OrgKind.CITY, "XNB");
        world.addUnit("XM-SMQ", "思明区人民政府", OrgKind.COUNTY, "XM");
        Path district = world.export("XM-SMQ", PackageKind.PLAN);
        // Sealed for the city (and the district), not for the office.
        assertThat(manifest(district, world.units.get("XM")).encryption().recipients())
                .extracting(Manifest.Recipient::code).containsExactly("XM", "XM-SMQ");
        assertThat(world.importer("XM").importFile(district, false).accepted()).isTrue();
        Path request = new Exporter(world.units.get("XM-SMQ"), world.signers.get("XM-SMQ"))
                .exportUnitPackage(PackageKind.ENROLLMENT, World.YEAR, dir.resolve("again"), null).file();
        KeyRegistry.register(world.office, Enrollments.read(request).enrollment(), null,
                EnrollmentHandler.Decision.of(Enrollments.read(request).fingerprint()).withParent("XM"));

        ImportReport outer = world.importAtOffice(world.export("XM", PackageKind.PLAN));

        assertThat(outer.status()).as(outer.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        assertThat(outer.inner()).singleElement().satisfies(
                i -> assertThat(i.status()).as(i.message()).isEqualTo(ImportReport.Status.ACCEPTED));
        assertThat(world.office.goals().count("XM-SMQ", World.YEAR)).isEqualTo(3);
    }

    @Test
    void aForwardedSealedPackageCannotGoInAPlainOne() {
        world.addUnit("XM", "厦门市人民政府", OrgKind.CITY, "XNB");
        world.addUnit("XM-SMQ", "思明区人民政府", OrgKind.COUNTY, "XM");
        world.importer("XM").importFile(world.export("XM-SMQ", PackageKind.PLAN), false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> world.exportPlain("XM", PackageKind.PLAN))
                .hasMessageContaining("思明区人民政府").hasMessageContaining("不加密");
    }

    static Manifest manifest(Path file, Workspace reader) {
        return PackageReader.read(file, KeyRegistry.trust(reader), Limits.DEFAULT).manifest();
    }

    static String encryptionKeyId(Workspace ws) {
        return WorkspaceKeys.encryptionInfo(ws).keyId();
    }

    /** Every entry's name and bytes, as `unzip -l` and `unzip -p` print them, decoded as text. */
    private static String everythingUnzipShows(Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, byte[]> e : World.entries(file)) {
            out.append(e.getKey()).append('\n').append(new String(e.getValue(), StandardCharsets.UTF_8)).append('\n');
        }
        return out.toString();
    }

    private static void assertEveryIncomingSealed(Workspace ws) {
        ws.packages().findAll().stream().filter(p -> p.direction() == org.perfdesk.domain.PackageRecord.Direction.IN)
                .forEach(p -> assertThat(PackageReader.readWithoutSignature(Inbox.fileOf(ws, p), Limits.DEFAULT)
                        .manifest().format()).as(p.kind()).isEqualTo(World.format(true)));
    }
}
