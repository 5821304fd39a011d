package org.perfdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.store.Folders;
import org.perfdesk.store.Migrations;
import org.perfdesk.store.Workspace;

/**
 * Workspaces written by release 0.1.0 (schema 6, commit b899a58: before a package was identified by
 * its manifest) open with today's code, upgrade in place, and their chains and audit log still
 * verify; the exchange then goes on where it stopped. The fixture is committed under
 * {@code src/test/resources/fixtures/release-0.1.0/}: the office XNB, the department SLT (evidence,
 * plan sealed, approval, receipts, progress in the clear), the city XM collecting for its district
 * XM-SMQ (the district's plan forwarded inside the city's), and the office's audit log (review,
 * score). Keys open with {@link World#PASSPHRASE}. {@link #writeFixture} made it and is kept to show how.
 */
class ReleaseFixtureTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/release-0.1.0");
    static final List<String> WORKSPACES = List.of("office", "SLT", "XM", "XM-SMQ");

    @TempDir
    Path dir;

    @Test
    void workspacesOfRelease010OpenUpgradeAndTheirChainsAndAuditLogVerify() throws Exception {
        for (String name : WORKSPACES) {
            Folders.copyWorkspace(FIXTURE.resolve(name), dir.resolve(name));
        }
        try (Workspace office = Workspace.open(dir.resolve("office"));
             Workspace slt = Workspace.open(dir.resolve("SLT"));
             Workspace xm = Workspace.open(dir.resolve("XM"));
             Workspace smq = Workspace.open(dir.resolve("XM-SMQ"))) {
            for (Workspace ws : List.of(office, slt, xm, smq)) {
                assertThat(ws.database().schemaVersion()).isEqualTo(Migrations.standard().latestVersion());
                assertThat(ws.database().integrityCheck()).isEqualTo("ok");
                assertChainsVerify(ws);
            }
            assertThat(office.audit().check()).isEmpty();
            assertThat(office.audit().all()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(office.goals().count("XM-SMQ", World.YEAR)).isEqualTo(3);
            assertThat(slt.receipts().find(sltPlan(slt).packageId())).isPresent();

            Signer officeSigner = WorkspaceKeys.unlock(office, World.PASSPHRASE.toCharArray());
            Signer sltSigner = WorkspaceKeys.unlock(slt, World.PASSPHRASE.toCharArray());
            Signer xmSigner = WorkspaceKeys.unlock(xm, World.PASSPHRASE.toCharArray());
            Signer smqSigner = WorkspaceKeys.unlock(smq, World.PASSPHRASE.toCharArray());
            Path usb = Files.createDirectories(dir.resolve("usb"));

            // Upgrading changes nothing the office accepted: encryption from units is not required.
            assertThat(OfficePolicy.requiresEncryption(office)).isFalse();

            // A package the office imported before the upgrade is still the same package, in any zip.
            Path oldPlan = slt.outboxDir().resolve(sltPlan(slt).fileName());
            assertThat(new Importer(office, officeSigner).importFile(oldPlan, false).status())
                    .isEqualTo(ImportReport.Status.ALREADY_IMPORTED);
            Path rezipped = World.rezipped(oldPlan, dir.resolve("rezipped.perfpkg"), World.Rezip.COMMENT);
            assertThat(new Importer(office, officeSigner).importFile(rezipped, false).status())
                    .isEqualTo(ImportReport.Status.ALREADY_IMPORTED);

            // The unit's next package links to the last one it sent before the upgrade, and is accepted.
            Path midyear = new Exporter(slt, sltSigner).exportUnitPackage(PackageKind.MIDYEAR, World.YEAR, usb, null)
                    .file();
            ImportReport accepted = new Importer(office, officeSigner).importFile(midyear, false);
            assertThat(accepted.status()).as(accepted.message()).isEqualTo(ImportReport.Status.ACCEPTED);
            assertThat(accepted.warning()).isNull();

            // Receipts for a package from before the upgrade and for the new one are known to the unit.
            for (String id : List.of(sltPlan(slt).packageId(), accepted.packageId())) {
                Path receipt = Receipts.write(office, officeSigner, id, usb).file();
                ImportReport r = new Importer(slt, sltSigner).importFile(receipt, false);
                assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.ACCEPTED);
                assertThat(slt.receipts().find(id)).isPresent();
            }

            // A collector's chain and its district's go on too.
            Path smqProgress = new Exporter(smq, smqSigner).exportUnitPackage(PackageKind.PROGRESS, World.YEAR, usb,
                    null).file();
            assertThat(new Importer(xm, xmSigner).importFile(smqProgress, false).status())
                    .isEqualTo(ImportReport.Status.ACCEPTED);
            ImportReport outer = new Importer(office, officeSigner).importFile(
                    new Exporter(xm, xmSigner).exportUnitPackage(PackageKind.PROGRESS, World.YEAR, usb, null).file(),
                    false);
            assertThat(outer.status()).as(outer.message()).isEqualTo(ImportReport.Status.ACCEPTED);
            assertThat(outer.inner()).singleElement().satisfies(i ->
                    assertThat(i.status()).as(i.message()).isEqualTo(ImportReport.Status.ACCEPTED));

            new Evaluator(office).setScore("SLT-i1", new BigDecimal("55"), "复核后调整");
            assertThat(office.audit().check()).isEmpty();
            for (Workspace ws : List.of(office, slt, xm, smq)) {
                assertChainsVerify(ws);
            }
        }
    }

    /**
     * Every package a workspace logged is kept whole (inbox/ for what it accepted, outbox/ for what it
     * wrote), still passes the reader with the keys it trusts, and links to the one before it in its chain.
     */
    private static void assertChainsVerify(Workspace ws) throws IOException {
        Map<String, List<PackageRecord>> chains = new HashMap<>();
        for (PackageRecord r : ws.packages().findAll()) {
            Path kept = r.direction() == PackageRecord.Direction.IN ? Inbox.fileOf(ws, r)
                    : ws.outboxDir().resolve(r.fileName());
            assertThat(Hashing.sha256(kept)).as(kept.toString()).isEqualTo(r.fileHash());
            if (r.direction() == PackageRecord.Direction.IN) {
                PackageReader.Opened opened = PackageReader.read(kept, KeyRegistry.trust(ws), Limits.DEFAULT);
                assertThat(opened.manifest().packageId()).isEqualTo(r.packageId());
                if (r.manifestHash() != null) {
                    assertThat(opened.manifestHash()).isEqualTo(r.manifestHash());
                }
            }
            chains.computeIfAbsent(r.direction() + " " + r.senderKeyId() + " " + r.recipientCode(),
                    k -> new ArrayList<>()).add(r);
        }
        for (List<PackageRecord> chain : chains.values()) {
            chain.sort(Comparator.comparingLong(PackageRecord::sequence));
            for (int i = 1; i < chain.size(); i++) {
                PackageRecord before = chain.get(i - 1);
                PackageRecord r = chain.get(i);
                if (r.sequence() == before.sequence() + 1) {
                    // Written before the upgrade: the file hash; after it: the manifest hash.
                    assertThat(before.isNamedBy(r.previousHash())).as(r.fileName()).isTrue();
                    assertThat(r.previousHash()).isEqualTo(before.identity());
                }
            }
        }
    }

    private static PackageRecord sltPlan(Workspace slt) {
        return slt.packages().findOutgoing().stream().filter(p -> p.kind().equals("PLAN")).findFirst().orElseThrow();
    }

    /**
     * Writes the fixture with the code of the day: {@code mvn -q test -Dtest=ReleaseFixtureTest#writeFixture
     * -Dperfdesk.fixture.write=true}. Only for release 0.1.0's code: a fixture of an older release is never
     * written again.
     */
    @Test
    @EnabledIfSystemProperty(named = "perfdesk.fixture.write", matches = "true")
    void writeFixture() throws Exception {
        Path built = dir.resolve("built");
        try (World world = new World(built)) {
            world.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
            world.addUnit("XM", "厦门市人民政府", OrgKind.CITY, "XNB");
            world.addUnit("XM-SMQ", "思明区人民政府", OrgKind.COUNTY, "XM");
            Workspace slt = world.units.get("SLT");
            Path report = Files.writeString(dir.resolve("验收报告.pdf"), "%PDF-1.4 验收报告");
            slt.evidence().attach("SLT-i1", report, "项目验收报告");
            slt.selfAssessments().save(new SelfAssessment("SLT-i2", null, "较好", "制度已建立"));

            require(world.importAtOffice(world.export("SLT", PackageKind.PLAN)));
            Path approval = Reviews.decide(world.office, world.officeSigner, "SLT", World.YEAR,
                    PlanReview.Decision.APPROVED, "同意", world.usb).file();
            require(world.importer("SLT").importFile(approval, false));
            String planId = world.office.packages().findIncoming("SLT").get(1).packageId();
            require(world.importer("SLT").importFile(Receipts.write(world.office, world.officeSigner, planId,
                    world.usb).file(), false));
            ImportReport progress = world.importAtOffice(world.exportPlain("SLT", PackageKind.PROGRESS));
            require(progress);
            require(world.importer("SLT").importFile(Receipts.write(world.office, world.officeSigner,
                    progress.packageId(), world.usb).file(), false));

            require(world.importer("XM").importFile(world.export("XM-SMQ", PackageKind.PLAN), false));
            Path request = new Exporter(world.units.get("XM-SMQ"), world.signers.get("XM-SMQ"))
                    .exportUnitPackage(PackageKind.ENROLLMENT, World.YEAR, dir.resolve("again"), null).file();
            KeyRegistry.register(world.office, Enrollments.read(request).enrollment(),
                    Enrollments.read(request).fingerprint());
            ImportReport outer = world.importAtOffice(world.export("XM", PackageKind.PLAN));
            require(outer);
            outer.inner().forEach(ReleaseFixtureTest::require);
            new Evaluator(world.office).setScore("SLT-i1", new BigDecimal("50"), "按验收报告评分");
        }
        Path target = Path.of(System.getProperty("perfdesk.fixture.out", FIXTURE.toString()));
        Folders.deleteQuietly(target);
        for (String name : WORKSPACES) {
            Path from = built.resolve(name);
            try (Stream<Path> backups = Files.walk(from.resolve("backups"))) {
                backups.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            Folders.copyWorkspace(from, target.resolve(name));
        }
    }

    private static void require(ImportReport r) {
        if (!r.accepted()) {
            throw new IllegalStateException(r.file() + ": " + r.message());
        }
    }
}
