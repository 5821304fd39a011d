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
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Texts.t("unlock.title"));
        dialog.setHeaderText(Texts.t("unlock.header"));
        PasswordField field = new PasswordField();
        field.setId("unlock-passphrase");
        dialog.getDialogPane().setContent(new VBox(8, new Label(Texts.t("create.passphrase")), field));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setOnShown(e -> field.requestFocus());
        dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        Optional<char[]> passphrase = dialog.showAndWait();
        passphrase.ifPresent(p -> ctx.tasks().run(Texts.t("task.unlock"), () -> ctx.unlock(p), then));
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
        return dialog.showAndWait();
    }
}
