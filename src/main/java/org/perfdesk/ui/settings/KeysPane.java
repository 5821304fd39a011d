package org.perfdesk.ui.settings;

import java.io.File;
import java.util.List;

import javafx.geometry.HPos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Dialogs;
import org.perfdesk.ui.common.Layouts;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.WorkspaceContext;

/** 密钥: fingerprints, the key backup's state, and back up / restore / rotate. */
final class KeysPane {
    private final KeysViewModel vm;
    private final WorkspaceContext ctx;
    private final VBox root;

    KeysPane(WorkspaceContext ctx) {
        this.ctx = ctx;
        this.vm = new KeysViewModel(ctx);
        Label title = new Label(Texts.t("settings.keys.title"));
        title.getStyleClass().add("section-title");
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        facts.getColumnConstraints().add(labels);
        Label signing = new Label();
        signing.setId("settings-signing-key");
        signing.getStyleClass().add("fingerprint");
        signing.textProperty().bind(vm.signingProperty());
        Label encryption = new Label();
        encryption.setId("settings-encryption-key");
        encryption.getStyleClass().add("fingerprint");
        encryption.setWrapText(true);
        encryption.textProperty().bind(vm.encryptionProperty());
        signing.setWrapText(true);
        Label signingLabel = new Label(Texts.t("settings.keys.signing"));
        Label encryptionLabel = new Label(Texts.t("settings.keys.encryption"));
        // The names stay whole; a fingerprint wraps between its groups instead.
        signingLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        encryptionLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        facts.addRow(0, signingLabel, signing);
        facts.addRow(1, encryptionLabel, encryption);
        Label status = new Label();
        status.setId("settings-key-backup-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.backupProperty());
        ctx.keysNeedBackupProperty().addListener((o, was, now) -> style(status, now));
        style(status, ctx.keysNeedBackupProperty().get());

        Button backup = new Button(Texts.t("settings.keys.backup"));
        backup.setId("settings-key-backup");
        backup.setOnAction(e -> backup());
        Button restore = new Button(Texts.t("settings.keys.restore"));
        restore.setId("settings-key-restore");
        restore.setOnAction(e -> restore());
        Button rotate = new Button(Texts.t("settings.keys.rotate"));
        rotate.setId("settings-key-rotate");
        rotate.setOnAction(e -> rotate());
        Label hint = new Label(Texts.t("settings.keys.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        root = new VBox(8, title, facts, status, Layouts.toolbar(backup, restore, rotate), hint);
        root.setId("settings-keys");
        root.getProperties().put(KeysPane.class, this);
    }

    private static void style(Label status, boolean warn) {
        status.getStyleClass().remove("warning");
        if (warn) {
            status.getStyleClass().add("warning");
        }
    }

    void load() {
        vm.load();
    }

    private Window owner() {
        return root.getScene().getWindow();
    }

    private void backup() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Texts.t("settings.keys.backupWhere"));
        File folder = chooser.showDialog(owner());
        if (folder != null) {
            backupTo(folder.toPath());
        }
    }

    /** Asks for the passphrases and writes the key backup into {@code folder}; visible for tests. */
    void backupTo(java.nio.file.Path folder) {
        Dialogs.withSigner(owner(), ctx, signer -> Dialogs.askPassphrases(owner(), Texts.t("settings.keys.backup"),
                Texts.t("settings.keys.backupHeader"), Texts.t("settings.keys.backupPassphraseHint"),
                List.of("settings.keys.backupPassphrase", "settings.keys.backupPassphraseAgain"),
                List.of("backup-passphrase", "backup-passphrase-again"))
                .ifPresent(p -> vm.backup(signer, p.get(0), folder, file -> Messages.info(owner(),
                        Texts.t("settings.keys.backupWritten"),
                        Texts.t("cli.keys.backupWritten", file.toAbsolutePath().toString(),
                                signer.keyRing().pairs().size())))));
    }

    private void restore() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("settings.keys.restore"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.t("settings.keys.filter"), "*.json"));
        File file = chooser.showOpenDialog(owner());
        if (file != null) {
            restoreFrom(file.toPath());
        }
    }

    /** Asks for the passphrases and restores the keys of {@code file}; visible for tests. */
    void restoreFrom(java.nio.file.Path file) {
        Dialogs.askPassphrases(owner(), Texts.t("settings.keys.restore"), Texts.t("settings.keys.restoreHeader"),
                Texts.t("settings.keys.restoreHint"),
                List.of("settings.keys.backupPassphrase", "settings.keys.workspacePassphrase",
                        "settings.keys.workspacePassphraseAgain"),
                List.of("restore-backup-passphrase", "restore-passphrase", "restore-passphrase-again"))
                .ifPresent(p -> vm.restore(file, p.get(0), p.get(1), r -> Messages.info(owner(),
                        Texts.t("settings.keys.restored"), Texts.t("cli.keys.restored",
                                file.getFileName().toString(), r.encryptionKeys())
                                + (r.setAside().isEmpty() ? "" : "\n" + Texts.t("cli.keys.setAside",
                                r.setAside().size(), ctx.workspace().keysDir().toAbsolutePath().toString())))));
    }

    private void rotate() {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Texts.t("settings.keys.rotateQuestion"), ButtonType.OK,
                ButtonType.CANCEL);
        ask.initOwner(owner());
        ask.setHeaderText(Texts.t("settings.keys.rotate"));
        ask.getDialogPane().setId("keys-rotate-question");
        ask.getDialogPane().setPrefWidth(520);
        if (ask.showAndWait().filter(t -> t == ButtonType.OK).isEmpty()) {
            return;
        }
        Dialogs.askPassphrase(owner(), Texts.t("settings.keys.rotateHeader")).ifPresent(p -> vm.rotate(p,
                s -> Messages.info(owner(), Texts.t("settings.keys.rotated"), Texts.t("cli.keys.rotated",
                        org.perfdesk.exchange.crypto.Ed25519.fingerprintOf(s.encryptionKeyId()),
                        s.keyRing().pairs().size() - 1))));
    }

    VBox view() {
        return root;
    }
}
