package org.perfdesk.ui.common;

import java.util.Optional;
import java.util.function.Consumer;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.Signer;

/** Small dialogs the exchange screens share: the passphrase, and the fingerprint read over the phone. */
public final class Dialogs {
    private Dialogs() {
    }

    /**
     * Runs {@code then} with the unlocked key: at once when it is already unlocked this session, else
     * after asking for the passphrase and unlocking it in the background (a wrong one says so).
     */
    public static void withSigner(Window owner, WorkspaceContext ctx, Consumer<Signer> then) {
        if (ctx.signer() != null) {
            then.accept(ctx.signer());
            return;
        }
        askPassphrase(owner, Texts.t("unlock.header"))
                .ifPresent(p -> ctx.tasks().run(Texts.t("task.unlock"), () -> ctx.unlock(p), then));
    }

    /** Asks for the workspace's passphrase (field {@code #unlock-passphrase}); empty when cancelled. */
    public static Optional<char[]> askPassphrase(Window owner, String header) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Texts.t("unlock.title"));
        dialog.setHeaderText(header);
        PasswordField field = new PasswordField();
        field.setId("unlock-passphrase");
        dialog.getDialogPane().setContent(new VBox(8, new Label(Texts.t("create.passphrase")), field));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setOnShown(e -> field.requestFocus());
        dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        return dialog.showAndWait();
    }

    /**
     * Asks for passphrases, one field per label key, each with the id given; a label key ending in
     * {@code Again} must repeat the field before it, and every field needs at least the minimum length
     * (OK stays disabled until then). Returns the fields' values, or empty when cancelled.
     */
    public static Optional<java.util.List<char[]>> askPassphrases(Window owner, String title, String header,
                                                                 String hint, java.util.List<String> labelKeys,
                                                                 java.util.List<String> ids) {
        Dialog<java.util.List<char[]>> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        VBox box = new VBox(6);
        java.util.List<PasswordField> fields = new java.util.ArrayList<>();
        for (int i = 0; i < labelKeys.size(); i++) {
            PasswordField f = new PasswordField();
            f.setId(ids.get(i));
            fields.add(f);
            box.getChildren().addAll(new Label(Texts.t(labelKeys.get(i))), f);
        }
        Label problem = new Label();
        problem.setId("passphrase-problem");
        problem.getStyleClass().add("warning");
        Label note = new Label(hint);
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        box.getChildren().addAll(problem, note);
        box.setPrefWidth(460);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        javafx.scene.Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> {
            String why = null;
            for (int i = 0; i < fields.size() && why == null; i++) {
                String text = fields.get(i).getText();
                if (labelKeys.get(i).endsWith("Again") && !text.equals(fields.get(i - 1).getText())) {
                    why = Texts.t("error.key.passphraseMismatch");
                } else if (text.length() < org.perfdesk.exchange.crypto.KeyFile.MIN_PASSPHRASE_LENGTH) {
                    why = text.isEmpty() ? "" : Texts.t("error.key.passphraseTooShort",
                            String.valueOf(org.perfdesk.exchange.crypto.KeyFile.MIN_PASSPHRASE_LENGTH));
                }
            }
            problem.setText(why == null ? "" : why);
            ok.setDisable(why != null);
        };
        fields.forEach(f -> f.textProperty().addListener((o, a, b) -> check.run()));
        check.run();
        dialog.setOnShown(e -> fields.get(0).requestFocus());
        dialog.setResultConverter(b -> b == ButtonType.OK
                ? fields.stream().map(f -> f.getText().toCharArray()).toList() : null);
        return dialog.showAndWait();
    }

    /**
     * Shows the fingerprint found in a file and asks for the one the other side reads out by phone;
     * returns what was typed (the caller's code compares, so a mismatch is refused there, with a message).
     */
    public static Optional<String> askFingerprint(Window owner, String who, String fingerprintInFile) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Texts.t("fingerprint.title"));
        dialog.setHeaderText(Texts.t("fingerprint.header", who));
        Label shown = new Label(fingerprintInFile);
        shown.setId("fingerprint-in-file");
        shown.getStyleClass().add("fingerprint");
        TextField typed = new TextField();
        typed.setId("fingerprint-typed");
        typed.setPromptText("XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX");
        Label hint = new Label(Texts.t("fingerprint.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        dialog.getDialogPane().setContent(new VBox(8, new Label(Texts.t("fingerprint.inFile")), shown,
                new Label(Texts.t("fingerprint.readOut")), typed, hint));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setPrefWidth(520);
        dialog.setResultConverter(b -> b == ButtonType.OK ? typed.getText() : null);
        return dialog.showAndWait();
    }

    /**
     * Asks why (for the audit log): OK stays disabled until something is typed, so a change that
     * needs a reason cannot go through without one.
     */
    public static Optional<String> askReason(Window owner, String id, String title, String header, String prompt) {
        return askReason(owner, id, title, header, prompt, null, null);
    }

    /**
     * As above; the reason typed is kept in {@code drafts} under {@code draftKey} when the dialog is
     * cancelled, and also after OK until the caller says the work is {@link Drafts#done done} — so a
     * reason is not lost when the passphrase is not given or the save fails.
     */
    public static Optional<String> askReason(Window owner, String id, String title, String header, String prompt,
                                             Drafts drafts, String draftKey) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        TextField reason = new TextField();
        reason.setId(id + "-reason");
        reason.setPrefColumnCount(36);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().setContent(new VBox(8, new Label(prompt), reason));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(reason.textProperty().map(String::isBlank));
        dialog.setOnShown(e -> reason.requestFocus());
        dialog.setResultConverter(b -> b == ButtonType.OK ? reason.getText().strip() : null);
        if (drafts != null) {
            drafts.restore(draftKey, reason);
            dialog.setOnHidden(e -> drafts.keep(draftKey, reason));
        }
        return dialog.showAndWait();
    }
}
