package org.perfdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.exchange.pkg.Sealed;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.store.Workspace;

/**
 * The two algorithm suites end to end (package-format.md §11): a gm-1 office and unit exchange as an
 * intl-1 pair does; a package of the suite the year does not use, or one mixing suites, is refused and
 * nothing is written; an office that moves to gm-1 for a new year still verifies everything from before.
 */
class SuiteExchangeTest {
    @TempDir
    Path dir;

    @Test
    void aGmPackageGoesFromUnitToOfficeAndTheReceiptComesBack() throws Exception {
        try (World world = new World(dir, Suite.GM)) {
            Workspace slt = world.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
            // The unit learned the office's suite from its card: its keys are SM2.
            assertThat(Suite.ofKey(WorkspaceKeys.publicKey(slt))).isEqualTo(Suite.GM);
            assertThat(SuitePlan.forYear(slt, World.YEAR)).isEqualTo(Suite.GM);

            Path plan = world.export("SLT", PackageKind.PLAN);
            Manifest m = manifestOf(plan);
            assertThat(m.format()).isEqualTo(Manifest.FORMAT_SUITED);
            assertThat(m.suite()).isEqualTo("gm-1");
            assertThat(m.encryption()).isNotNull();
            assertThat(m.entries()).allSatisfy(e -> {
                assertThat(e.sha256()).isNull();
                assertThat(e.sm3()).matches("[0-9a-f]{64}");
            });
            // manifest.sig is an SM2 signature (with SM3 and the standard ID) by the unit's key.
            byte[] manifestBytes = entry(plan, Manifest.MANIFEST);
            assertThat(Suite.GM.verify(WorkspaceKeys.publicKey(slt), manifestBytes, entry(plan, Manifest.SIGNATURE)))
                    .isTrue();

            ImportReport accepted = world.importAtOffice(plan);
            assertThat(accepted.status()).as(accepted.message()).isEqualTo(ImportReport.Status.ACCEPTED);
            assertThat(world.office.goals().findAll("SLT", World.YEAR)).hasSize(3);
            PackageRecord atOffice = world.office.packages().find(accepted.packageId()).orElseThrow();
            assertThat(atOffice.suite()).isEqualTo("gm-1");
            assertThat(atOffice.fileHash()).isEqualTo(Hashing.hash(Suite.GM, plan));

            Path receipt = Receipts.write(world.office, world.officeSigner, accepted.packageId(), world.usb).file();
            assertThat(manifestOf(receipt).suite()).isEqualTo("gm-1");
            ImportReport r = world.importer("SLT").importFile(receipt, false);
            assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.ACCEPTED);
            assertThat(slt.receipts().find(accepted.packageId())).hasValueSatisfying(x ->
                    assertThat(x.fileHash()).isEqualTo(slt.packages().find(accepted.packageId()).orElseThrow()
                            .fileHash()));

            // The office's audit entries of a gm-1 workspace are HMAC-SM3 and the chain checks.
            new org.perfdesk.evaluation.Evaluator(world.office).setScore("SLT-i1", new java.math.BigDecimal("55"),
                    "复核后调整");
            assertThat(world.office.audit().all()).last().satisfies(e -> assertThat(e.hash()).startsWith("g1:"));
            assertThat(world.office.audit().check()).isEmpty();
        }
    }

    @Test
    void aPackageOfTheSuiteTheYearDoesNotUseIsRefusedNamingBothAndNothingIsWritten() throws Exception {
        try (World intl = new World(dir.resolve("intl"), Suite.INTL);
             World gm = new World(dir.resolve("gm"), Suite.GM)) {
            intl.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
            gm.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");

            for (World[] pair : List.of(new World[] {gm, intl}, new World[] {intl, gm})) {
                World from = pair[0];
                World to = pair[1];
                Path plan = from.export("SLT", PackageKind.PLAN);
                Suite sent = SuitePlan.forYear(from.office, World.YEAR);
                Suite required = SuitePlan.forYear(to.office, World.YEAR);
                Map<String, Long> before = World.rowCounts(to.office);
                ImportReport r = to.importAtOffice(plan);
                assertThat(r.status()).isEqualTo(ImportReport.Status.REJECTED);
                assertThat(r.code()).isEqualTo("wrong-suite");
                assertThat(r.message()).contains(sent.label()).contains(required.label())
                        .contains(String.valueOf(World.YEAR));
                assertThat(World.rowCounts(to.office)).isEqualTo(before);
            }
        }
    }

    @Test
    void aGmManifestSignedWithEd25519IsRefused() throws Exception {
        try (World world = new World(dir, Suite.GM)) {
            world.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
            Path plan = world.export("SLT", PackageKind.PLAN);
            // Same manifest, a well-formed Ed25519 signature over it (by a key of the thief's own).
            var ed = Ed25519.generate();
            List<Map.Entry<String, byte[]>> entries = new java.util.ArrayList<>();
            for (Map.Entry<String, byte[]> e : World.entries(plan)) {
                entries.add(e.getKey().equals(Manifest.SIGNATURE)
                        ? Map.entry(Manifest.SIGNATURE, Ed25519.sign(ed.getPrivate(), entry(plan, Manifest.MANIFEST)))
                        : e);
            }
            assertRefusedUnchanged(world, World.write(dir.resolve("ed25519.perfpkg"), entries), "bad-signature");
        }
    }

    @Test
    void aGmManifestListingSha256HashesIsRefusedAsMixingSuites() throws Exception {
        try (World world = new World(dir, Suite.GM)) {
            world.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
            Path plan = world.export("SLT", PackageKind.PLAN);
            // The sender's own key signs a gm-1 manifest whose entries carry intl-1's sha256.
            Path mixed = dir.resolve("mixed.perfpkg");
            Map<String, byte[]> content = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, byte[]> e : World.entries(plan)) {
                if (!e.getKey().startsWith("manifest.")) {
                    content.put(e.getKey(), e.getValue());
                }
            }
            Manifest m = manifestOf(plan);
            List<Manifest.Entry> listed = new java.util.ArrayList<>();
            content.forEach((path, bytes) -> listed.add(new Manifest.Entry(path, bytes.length, Hashing.sha256(bytes))));
            byte[] signed = StrictJson.write(new Manifest(m.format(), m.suite(), m.packageId(), m.kind(), m.sender(),
                    m.recipient(), m.year(), m.sequence(), m.previousHash(), m.createdAt(), m.programVersion(),
                    m.encryption(), listed));
            List<Map.Entry<String, byte[]>> out = new java.util.ArrayList<>();
            out.add(Map.entry(Manifest.MANIFEST, signed));
            out.add(Map.entry(Manifest.SIGNATURE, Suite.GM.sign(world.signers.get("SLT").privateKey(), signed)));
            content.forEach((path, bytes) -> out.add(Map.entry(path, bytes)));
            ImportReport r = assertRefusedUnchanged(world, World.write(mixed, out), "mixed-suite");
            assertThat(r.message()).contains(Suite.GM.label()).contains(Suite.INTL.label());
        }
    }

    @Test
    void anEntrySealedWithAesInAGmPackageIsRefused() throws Exception {
        try (World world = new World(dir, Suite.GM)) {
            world.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
            Path plan = world.export("SLT", PackageKind.PLAN);
            // The sender itself (it holds the content key) seals the first entry with AES-256-GCM (under the
            // SM4 key stretched to 32 bytes), not SM4-GCM, lists it with its true SM3 and signs again:
            // signature and hashes are right, the entry is not.
            PackageReader.Opened opened = PackageReader.read(plan, KeyRegistry.trust(world.units.get("SLT")),
                    Limits.DEFAULT);
            byte[] contentKey = Sealed.contentKey(opened, world.signers.get("SLT").keyRing());
            byte[] plain = Sealed.open(opened, contentKey, Limits.DEFAULT).entries().values().iterator().next();
            String packageId = opened.manifest().packageId();
            Path aes = World.resigned(plan, dir.resolve("aes.perfpkg"), world.signers.get("SLT"), (m, entries) -> {
                entries.put("sealed/00001", Suite.INTL.seal(java.util.Arrays.copyOf(contentKey, 32), packageId, 1,
                        plain));
                return m;
            });
            assertRefusedUnchanged(world, aes, "decryption-failed");
        }
    }

    @Test
    void afterAMoveToGmEverythingFromBeforeStillVerifiesAndTheNewYearIsGm() throws Exception {
        try (World world = new World(dir, Suite.INTL)) {
            Workspace slt = world.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
            Workspace office = world.office;
            Path plan2008 = world.export("SLT", PackageKind.PLAN);
            ImportReport accepted = world.importAtOffice(plan2008);
            assertThat(accepted.status()).as(accepted.message()).isEqualTo(ImportReport.Status.ACCEPTED);
            Path receipt2008 = Receipts.write(office, world.officeSigner, accepted.packageId(), world.usb).file();
            assertThat(world.importer("SLT").importFile(receipt2008, false).accepted()).isTrue();
            new org.perfdesk.evaluation.Evaluator(office).setScore("SLT-i1", new java.math.BigDecimal("55"), "复核");
            long intlAuditEntries = office.audit().all().size();

            // The office moves to gm-1 from 2009: new keys, a new card, read out by phone as before.
            char[] pass = World.PASSPHRASE.toCharArray();
            Signer officeGm = SuitePlan.move(office, pass, Suite.GM, 2009);
            assertThat(SuitePlan.forYear(office, 2008)).isEqualTo(Suite.INTL);
            assertThat(SuitePlan.forYear(office, 2009)).isEqualTo(Suite.GM);
            var card = KeyRegistry.card(office);
            assertThat(KeyRegistry.suiteOf(card)).isEqualTo(Suite.GM);
            assertThat(card.fromYear()).isEqualTo(2009);
            Signer made = KeyRegistry.pinOffice(slt, card, card.fingerprint(), () -> pass);
            assertThat(made).isNotNull();
            Signer sltGm = WorkspaceKeys.unlock(slt, pass);
            assertThat(SuitePlan.forYear(slt, 2008)).isEqualTo(Suite.INTL);
            assertThat(SuitePlan.forYear(slt, 2009)).isEqualTo(Suite.GM);
            // Enrollment of the new key, by the same fingerprint step.
            Path request = new Exporter(slt, sltGm).exportUnitPackage(PackageKind.ENROLLMENT, 2009, world.usb, null)
                    .file();
            assertThat(manifestOf(request).suite()).isEqualTo("gm-1");
            var read = Enrollments.read(request);
            Path certificate = Enrollments.accept(office, officeGm, request, read.fingerprint(), world.usb).file();
            ImportReport cert = new Importer(slt, sltGm).importFile(certificate, false);
            assertThat(cert.status()).as(cert.message()).isEqualTo(ImportReport.Status.ACCEPTED);

            // Everything from before the move still verifies under intl-1, at both ends.
            PackageReader.Opened old = PackageReader.read(plan2008, KeyRegistry.trust(office), Limits.DEFAULT);
            assertThat(old.suite()).isEqualTo(Suite.INTL);
            assertThat(new Importer(office, officeGm).importFile(plan2008, false).status())
                    .isEqualTo(ImportReport.Status.ALREADY_IMPORTED);
            assertThat(PackageReader.read(receipt2008, KeyRegistry.trust(slt), Limits.DEFAULT).suite())
                    .isEqualTo(Suite.INTL);
            assertThat(office.audit().check()).isEmpty();
            assertThat(office.audit().all().subList(0, (int) intlAuditEntries))
                    .allSatisfy(e -> assertThat(e.hash()).doesNotStartWith("g1:"));
            assertThat(office.audit().all()).last().satisfies(e -> assertThat(e.hash()).startsWith("g1:"));

            // 2008 goes on under intl-1: a progress report is accepted, its receipt too.
            Path progress2008 = new Exporter(slt, sltGm).exportUnitPackage(PackageKind.PROGRESS, 2008, world.usb, null)
                    .file();
            assertThat(manifestOf(progress2008).suite()).isNull();
            ImportReport p = new Importer(office, officeGm).importFile(progress2008, false);
            assertThat(p.status()).as(p.message()).isEqualTo(ImportReport.Status.ACCEPTED);
            Path receipt = Receipts.write(office, officeGm, p.packageId(), world.usb).file();
            assertThat(new Importer(slt, sltGm).importFile(receipt, false).accepted()).isTrue();

            // 2009 is gm-1's.
            slt.years().open(2009);
            Path plan2009 = new Exporter(slt, sltGm).exportUnitPackage(PackageKind.PLAN, 2009, world.usb, null).file();
            assertThat(manifestOf(plan2009).suite()).isEqualTo("gm-1");
            ImportReport p9 = new Importer(office, officeGm).importFile(plan2009, false);
            assertThat(p9.status()).as(p9.message()).isEqualTo(ImportReport.Status.ACCEPTED);
            assertThat(office.packages().find(p9.packageId()).orElseThrow().suite()).isEqualTo("gm-1");
            assertThat(office.audit().check()).isEmpty();
            assertThat(slt.audit().check()).isEmpty();
        }
    }

    private static ImportReport assertRefusedUnchanged(World world, Path file, String code) {
        Map<String, Long> before = World.rowCounts(world.office);
        ImportReport r = world.importAtOffice(file);
        assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.REJECTED);
        if (code != null) {
            assertThat(r.code()).as(r.message()).isEqualTo(code);
        }
        assertThat(World.rowCounts(world.office)).isEqualTo(before);
        return r;
    }

    private static Manifest manifestOf(Path file) throws java.io.IOException {
        return StrictJson.read(entry(file, Manifest.MANIFEST), Manifest.class, Manifest.MANIFEST);
    }

    private static byte[] entry(Path file, String name) throws java.io.IOException {
        return World.entries(file).stream().filter(e -> e.getKey().equals(name)).findFirst().orElseThrow()
                .getValue();
    }
}
