package org.perfdesk.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;

/** Messages to the user: what happened and what to do, never a bare stack trace or a system's raw message. */
public final class Messages {
    private Messages() {
    }

    public static Alert error(Window owner, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(Texts.t("app.title"));
        if (error instanceof UserError) {
            alert.setHeaderText(Texts.t("dialog.error.header"));
            alert.setContentText(error.getLocalizedMessage());
        } else {
            alert.setHeaderText(Texts.t("dialog.error.internal"));
            // The system's own wording ("Failed to show URI", a class name) means nothing to a clerk: it
            // goes to the details for support, never into the message itself.
            alert.setContentText(Texts.t("dialog.error.internalHint"));
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            TextArea details = new TextArea(trace.toString());
            details.setEditable(false);
            alert.getDialogPane().setExpandableContent(details);
        }
        alert.getDialogPane().setMinWidth(520);
        Label content = (Label) alert.getDialogPane().lookup(".content");
        if (content != null) {
            content.setWrapText(true);
        }
        alert.show();
        return alert;
    }

    public static Alert info(Window owner, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text);
        alert.initOwner(owner);
        alert.setTitle(Texts.t("app.title"));
        alert.setHeaderText(header);
        alert.show();
        return alert;
    }
}
