package org.perfdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.exchange.pkg.Sealed;
import org.perfdesk.store.AuditLog;
import org.perfdesk.store.Workspace;

/** Keys at risk: rotating the encryption key, and the key backup that brings them all back. */
class KeyLifecycleTest extends OneUnitWorld {
    private static final String BACKUP_PASSPHRASE = "kept in the safe, not on the PC";

    @Test
    void afterTheOfficeRotatesOldPackagesStayReadableAndNewOnesUseTheNewKey() {
        String oldKey = ConfidentialTest.encryptionKeyId(world.office);
        Path plan = world.export("SLT", PackageKind.PLAN);
        world.importAtOffice(plan);

        Signer rotated = WorkspaceKeys.rotateEncryption(world.office, World.PASSPHRASE.toCharArray());
        String newKey = rotated.encryptionKeyId();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(rotated.keyRing().keyIds()).containsExactlyInAnyOrder(oldKey, newKey);
        // Sealed before the unit heard of the rotation: still opens, with the retired key.
        Path progressForOldKey = world.export("SLT", PackageKind.PROGRESS);
        assertThat(ConfidentialTest.manifest(progressForOldKey, world.office).encryption().recipients())
                .extracting(Manifest.Recipient::keyId).contains(oldKey);
        ImportReport late = new Importer(world.office, rotated).importFile(progressForOldKey, false);
        assertThat(late.status()).as(late.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        // …and so does the very first package, kept in the inbox, after the workspace is unlocked again.
        Signer again = WorkspaceKeys.unlock(world.office, World.PASSPHRASE.toCharArray());
        assertThat(snapshotOf(plan, world.office, again)).contains("推进重点工作");

        // The office's next answer carries the new key to the unit; the unit seals for it from then on.
        Path approval = Reviews.decide(world.office, rotated, "SLT", World.YEAR, PlanReview.Decision.APPROVED, "同意。",
                world.usb).file();
        assertThat(world.importer("SLT").importFile(approval, false).accepted()).isTrue();
        assertThat(world.units.get("SLT").encryptionKeys().current("XNB")).hasValueSatisfying(
                k -> assertThat(k.keyId()).isEqualTo(newKey));
        Path annual = world.export("SLT", PackageKind.ANNUAL);
        assertThat(ConfidentialTest.manifest(annual, world.office).encryption().recipients())
                .extracting(Manifest.Recipient::keyId).contains(newKey).doesNotContain(oldKey);
        ImportReport r = new Importer(world.office, again).importFile(annual, false);
        assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        // Without the retired key the old packages could not be opened: that is what the backup is for.
        Signer onlyNew = new Signer("XNB", again.privateKey(), again.publicKey(),
                org.perfdesk.exchange.crypto.KeyRing.of(again.keyRing().find(newKey)), again.encryptionKey());
        assertThatThrownBy(() -> snapshotOf(plan, world.office, onlyNew))
                .hasFieldOrPropertyWithValue("code", "no-decryption-key");
    }

    @Test
    void aUnitRotatesAndTheOfficeLearnsTheNewKeyFromItsNextPackage() {
        Workspace slt = world.units.get("SLT");
        Path plan = world.export("SLT", PackageKind.PLAN);
        world.importAtOffice(plan);
        String oldKey = ConfidentialTest.encryptionKeyId(slt);

        Signer rotated = WorkspaceKeys.rotateEncryption(slt, World.PASSPHRASE.toCharArray());
        world.signers.put("SLT", rotated);
        ImportReport progress = world.importAtOffice(world.export("SLT", PackageKind.PROGRESS));
        assertThat(progress.accepted()).isTrue();
        assertThat(world.office.encryptionKeys().current("SLT")).hasValueSatisfying(
                k -> assertThat(k.keyId()).isEqualTo(rotated.encryptionKeyId()).isNotEqualTo(oldKey));
        Path receipt = Receipts.write(world.office, world.officeSigner, progress.packageId(), world.usb).file();
        assertThat(ConfidentialTest.manifest(receipt, slt).encryption().recipients())
                .extracting(Manifest.Recipient::keyId).contains(rotated.encryptionKeyId());
        assertThat(world.importer("SLT").importFile(receipt, false).accepted()).isTrue();
        // The unit still opens what it sent before the rotation.
        assertThat(snapshotOf(plan, slt, rotated)).contains("推进重点工作");
    }

    @Test
    void theWarningStaysUntilABackupHoldsTheCurrentKey() throws IOException {
        assertThat(WorkspaceKeys.needsBackup(world.office)).isTrue();
        Path file = KeyBackup.write(world.office, world.officeSigner, BACKUP_PASSPHRASE.toCharArray(),
                Files.createDirectories(dir.resolve("safe")));
        assertThat(WorkspaceKeys.needsBackup(world.office)).isFalse();
        assertThat(file.getFileName().toString()).startsWith("PerfDesk-keys-XNB-");
        // Whose file it is shows; no key does.
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("\"unitCode\" : \"XNB\"").contains(world.officeSigner.keyId());
        assertThat(text).doesNotContain(java.util.Base64.getEncoder().encodeToString(
                world.officeSigner.privateKey().getEncoded()));

        WorkspaceKeys.rotateEncryption(world.office, World.PASSPHRASE.toCharArray());
        assertThat(WorkspaceKeys.needsBackup(world.office)).as("a rotation asks for a new backup").isTrue();
    }

    @Test
    void aLostKeysFolderAndAForgottenPassphraseComeBackFromTheBackup() throws IOException {
        Path plan = world.export("SLT", PackageKind.PLAN);
        world.importAtOffice(plan);
        Signer rotated = WorkspaceKeys.rotateEncryption(world.office, World.PASSPHRASE.toCharArray());
        world.office.audit().append("bonus", "SLT 2008", null, "1", "获表扬", AuditLog.facts("unit", "SLT", "points", "1"));
        Path backup = KeyBackup.write(world.office, rotated, BACKUP_PASSPHRASE.toCharArray(), dir.resolve("keys.json"));
        Path progress = world.export("SLT", PackageKind.PROGRESS); // sealed for the old key: the unit did not hear yet

        // The PC's keys/ folder is gone.
        deleteTree(world.office.keysDir());
        Files.createDirectories(world.office.keysDir());
        assertThatThrownBy(() -> WorkspaceKeys.unlock(world.office, World.PASSPHRASE.toCharArray()))
                .isInstanceOf(UserError.class);
        assertThat(world.office.audit().verify().broken()).as("the audit key went with the folder")
                .contains(new AuditLog.Break(1, "noKey"));

        assertThatThrownBy(() -> KeyBackup.restore(world.office, backup, "not the backup passphrase".toCharArray(),
                "a new passphrase".toCharArray())).hasMessageContaining("口令不正确");
        KeyBackup.Restored restored = KeyBackup.restore(world.office, backup, BACKUP_PASSPHRASE.toCharArray(),
                "a new passphrase".toCharArray());

        assertThat(restored.encryptionKeys()).isEqualTo(2);
        Signer back = WorkspaceKeys.unlock(world.office, "a new passphrase".toCharArray());
        assertThat(back.keyId()).isEqualTo(world.officeSigner.keyId());
        assertThat(back.encryptionKeyId()).isEqualTo(rotated.encryptionKeyId());
        assertThat(back.keyRing().keyIds()).containsExactlyInAnyOrderElementsOf(rotated.keyRing().keyIds());
        // Old and new packages open again; signing works with the restored key.
        assertThat(snapshotOf(plan, world.office, back)).contains("推进重点工作");
        ImportReport r = new Importer(world.office, back).importFile(progress, false);
        assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        Path receipt = Receipts.write(world.office, back, r.packageId(), world.usb).file();
        assertThat(world.importer("SLT").importFile(receipt, false).accepted()).isTrue();
        assertThat(WorkspaceKeys.needsBackup(world.office)).isFalse();
        assertThat(world.office.audit().verify().intact()).as("the audit key came back with the others").isTrue();
    }

    @Test
    void aKeyRotatedAfterTheBackupIsKeptByARestore() throws IOException {
        Path backup = KeyBackup.write(world.office, world.officeSigner, BACKUP_PASSPHRASE.toCharArray(),
                dir.resolve("keys.json"));
        Signer rotated = WorkspaceKeys.rotateEncryption(world.office, World.PASSPHRASE.toCharArray());

        KeyBackup.restore(world.office, backup, BACKUP_PASSPHRASE.toCharArray(), World.PASSPHRASE.toCharArray());

        Signer back = WorkspaceKeys.unlock(world.office, World.PASSPHRASE.toCharArray());
        assertThat(back.encryptionKeyId()).isEqualTo(rotated.encryptionKeyId());
        assertThat(back.keyRing().keyIds()).hasSize(2);
        assertThat(WorkspaceKeys.needsBackup(world.office)).as("the backup lacks the current key").isTrue();
    }

    @Test
    void keyFilesThatDoNotOpenAreSetAsideNotDeleted() throws IOException {
        Path backup = KeyBackup.write(world.office, world.officeSigner, BACKUP_PASSPHRASE.toCharArray(),
                dir.resolve("keys.json"));
        Signer rotated = WorkspaceKeys.rotateEncryption(world.office, World.PASSPHRASE.toCharArray());
        // Restored under a new passphrase: the key made after the backup is under the old one and does not open.
        KeyBackup.Restored r = KeyBackup.restore(world.office, backup, BACKUP_PASSPHRASE.toCharArray(),
                "a new passphrase".toCharArray());
        assertThat(r.setAside()).isNotEmpty();
        try (Stream<Path> s = Files.walk(world.office.keysDir())) {
            assertThat(s.filter(f -> f.getParent().getFileName().toString().startsWith("before-restore-")))
                    .extracting(f -> f.getFileName().toString())
                    .contains(setAside(WorkspaceKeys.ENCRYPTION_FILE), setAside(WorkspaceKeys.KEY_FILE));
        }
        Signer back = WorkspaceKeys.unlock(world.office, "a new passphrase".toCharArray());
        assertThat(back.encryptionKeyId()).isEqualTo(world.officeSigner.encryptionKeyId())
                .isNotEqualTo(rotated.encryptionKeyId());
    }

    @Test
    void aBackupOfAnotherUnitOrAnotherKeyIsRefused() throws IOException {
        Path slt = KeyBackup.write(world.units.get("SLT"), world.signers.get("SLT"), BACKUP_PASSPHRASE.toCharArray(),
                dir.resolve("slt.json"));
        assertThatThrownBy(() -> KeyBackup.restore(world.office, slt, BACKUP_PASSPHRASE.toCharArray(),
                World.PASSPHRASE.toCharArray())).hasMessageContaining("福建省水利厅");
        Path notABackup = Files.writeString(dir.resolve("card.json"), "{\"format\":\"perfdesk-card/2\"}");
        assertThatThrownBy(() -> KeyBackup.restore(world.office, notABackup, BACKUP_PASSPHRASE.toCharArray(),
                World.PASSPHRASE.toCharArray())).isInstanceOf(UserError.class).hasMessageContaining("card.json");
        // The clear part is bound to the keys: relabelled, it no longer opens.
        Path office = KeyBackup.write(world.office, world.officeSigner, BACKUP_PASSPHRASE.toCharArray(),
                dir.resolve("office.json"));
        Path relabelled = Files.writeString(dir.resolve("relabelled.json"),
                Files.readString(office).replace("福建省效能办", "福建省效能办 "));
        assertThatThrownBy(() -> KeyBackup.restore(world.office, relabelled, BACKUP_PASSPHRASE.toCharArray(),
                World.PASSPHRASE.toCharArray())).hasMessageContaining("口令不正确");
    }

    private static String snapshotOf(Path file, Workspace reader, Signer keys) {
        PackageReader.Opened opened = PackageReader.read(file, KeyRegistry.trust(reader), Limits.DEFAULT);
        return new String(Sealed.open(opened, keys.keyRing(), Limits.DEFAULT).entry(EntryNames.SNAPSHOT),
                StandardCharsets.UTF_8);
    }

    /** The name a key file is set aside under: another suite's carry the suite's name first. */
    private static String setAside(String name) {
        var suite = Workspaces.defaultSuite();
        return suite == org.perfdesk.exchange.crypto.Suite.INTL ? name : suite.id() + "-" + name;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
