package org.perfdesk.ui.settings;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.KeyBackup;
import org.perfdesk.exchange.Signer;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 密钥 in settings: the workspace's two keys, whether a key backup holds the current encryption key,
 * and the three things a person does with them (back up, restore, rotate), each in the background.
 */
public final class KeysViewModel {
    private final WorkspaceContext ctx;
    private final ReadOnlyStringWrapper signing = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper encryption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper backup = new ReadOnlyStringWrapper("");

    public KeysViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    private record Loaded(String signing, String encryption, String backup) {
    }

    public void load() {
        ctx.tasks().run(Texts.t("task.loadKeys"), this::read, l -> {
            signing.set(l.signing());
            encryption.set(l.encryption());
            backup.set(l.backup());
            ctx.keysChanged();
        });
    }

    private Loaded read() {
        var ws = ctx.workspace();
        if (!WorkspaceKeys.exists(ws)) {
            String none = Texts.t("settings.keys.none");
            return new Loaded(none, none, "");
        }
        WorkspaceKeys.KeyInfo enc = WorkspaceKeys.encryptionInfo(ws);
        int retired = WorkspaceKeys.retiredKeyCount(ws);
        String encryptionText = enc == null ? Texts.t("settings.keys.noEncryptionKey")
                : retired > 0 ? Texts.t("settings.keys.encryptionWithRetired", enc.fingerprint(), retired)
                : enc.fingerprint();
        String backupText = WorkspaceKeys.needsBackup(ws) ? Texts.t("settings.keys.backupMissing")
                : Texts.t("settings.keys.backupDone",
                        ws.meta().get(WorkspaceKeys.KEY_BACKUP_AT).map(at -> at.substring(0, 10)).orElse(""));
        return new Loaded(WorkspaceKeys.info(ws).fingerprint(), encryptionText, backupText);
    }

    /** Writes the key backup into {@code folder}; {@code done} gets the file. */
    public void backup(Signer signer, char[] backupPassphrase, Path folder, Consumer<Path> done) {
        ctx.tasks().run(Texts.t("task.keyBackup"),
                () -> KeyBackup.write(ctx.workspace(), signer, backupPassphrase, folder), file -> {
                    load();
                    done.accept(file);
                });
    }

    /** Restores the keys of a backup under the workspace passphrase (the old one, or a new one). */
    public void restore(Path file, char[] backupPassphrase, char[] workspacePassphrase,
                        Consumer<KeyBackup.Restored> done) {
        ctx.tasks().run(Texts.t("task.keyRestore"),
                () -> KeyBackup.restore(ctx.workspace(), file, backupPassphrase, workspacePassphrase), r -> {
                    ctx.useSigner(r.signer());
                    load();
                    done.accept(r);
                });
    }

    /** A new encryption key; the old one is kept for the packages sealed for it. */
    public void rotate(char[] passphrase, Consumer<Signer> done) {
        ctx.tasks().run(Texts.t("task.keyRotate"), () -> WorkspaceKeys.rotateEncryption(ctx.workspace(), passphrase),
                s -> {
                    ctx.useSigner(s);
                    load();
                    done.accept(s);
                });
    }

    public ReadOnlyStringProperty signingProperty() {
        return signing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty encryptionProperty() {
        return encryption.getReadOnlyProperty();
    }

    /** Whether and when the keys were backed up, in words (a warning when not). */
    public ReadOnlyStringProperty backupProperty() {
        return backup.getReadOnlyProperty();
    }
}
