package org.perfdesk.ui.common;

import java.util.Map;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.perfdesk.domain.Texts;

/**
 * Gives the standard dialog buttons (OK, Cancel, …) the words of the chosen language. JavaFX names
 * them once, from the machine's locale, so an English Windows would show "OK" in a Chinese window
 * and a language switch would never reach them. Every dialog shown anywhere passes through here.
 */
public final class StandardButtons {
    private static final Map<ButtonType, String> KEYS = Map.of(
            ButtonType.OK, "button.ok",
            ButtonType.CANCEL, "button.cancel",
            ButtonType.CLOSE, "button.close",
            ButtonType.YES, "button.yes",
            ButtonType.NO, "button.no",
            ButtonType.APPLY, "button.apply");
    private static boolean installed;

    private StandardButtons() {
    }

    /** Watches every window from now on; calling it again does nothing. Call on the FX thread. */
    public static void install() {
        if (installed) {
            return;
        }
        installed = true;
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(StandardButtons::name);
            }
        });
    }

    private static void name(Window window) {
        if (window.getScene() == null) {
            return;
        }
        Node found = window.getScene().getRoot().lookup(".dialog-pane");
        if (found instanceof DialogPane pane) {
            KEYS.forEach((type, key) -> {
                if (pane.lookupButton(type) instanceof Button b) {
                    b.setText(Texts.t(key));
                }
            });
        }
    }
}
