package org.perfdesk.ui.common;

import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.perfdesk.domain.Texts;

/**
 * An action refused before it asks for anything: the reason in plain words and a button that goes to
 * the place where it is put right ({@code #refusal-go}).
 */
public final class Refusals {
    private Refusals() {
    }

    /**
     * True when nothing blocks the action (the caller goes on); otherwise shows the refusal and returns
     * false, so the caller asks for no folder, file or passphrase.
     */
    public static boolean clear(Window owner, WorkspaceContext ctx, Optional<Blocker> blocker) {
        blocker.ifPresent(b -> show(owner, ctx, b));
        return blocker.isEmpty();
    }

    public static Alert show(Window owner, WorkspaceContext ctx, Blocker blocker) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(owner);
        alert.setTitle(Texts.t("app.title"));
        alert.setHeaderText(Texts.t("refuse.header"));
        alert.setContentText(blocker.message());
        alert.getDialogPane().setId("refusal");
        alert.getDialogPane().setMinWidth(520);
        Label content = (Label) alert.getDialogPane().lookup(".content");
        if (content != null) {
            content.setWrapText(true);
        }
        alert.getButtonTypes().setAll(ButtonType.CLOSE);
        if (blocker.place() != null) {
            ButtonType go = new ButtonType(Texts.t("refuse.goTo", blocker.place().label()),
                    ButtonBar.ButtonData.OK_DONE);
            alert.getButtonTypes().setAll(go, ButtonType.CLOSE);
            alert.getDialogPane().lookupButton(go).setId("refusal-go");
            alert.setOnHidden(e -> {
                if (alert.getResult() == go) {
                    ctx.go(blocker.place());
                }
            });
        }
        alert.show();
        return alert;
    }
}
