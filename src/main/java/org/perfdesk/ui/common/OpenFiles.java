package org.perfdesk.ui.common;

import java.awt.Desktop;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import javafx.application.Platform;
import javafx.stage.Window;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;

/** Opening a stored file (evidence) or printing a document with the system's program for it, off the JavaFX thread. */
public final class OpenFiles {
    private OpenFiles() {
    }

    /**
     * Makes the copy and opens it; where the system has no program to open files, says where the copy
     * is; a failure is shown as a message naming the file.
     */
    public static void openCopy(Window owner, String name, Callable<Path> copy) {
        Thread t = new Thread(() -> {
            try {
                File file = copy.call().toFile();
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    Desktop.getDesktop().open(file);
                } else {
                    Platform.runLater(() -> Messages.info(owner, name, Texts.t("self.openHere", file.getAbsolutePath())));
                }
            } catch (Exception ex) {
                Platform.runLater(() -> Messages.error(owner, ex instanceof UserError ? ex
                        : new UserError(ex, "self.openFailed", name, String.valueOf(ex.getMessage()))));
            }
        }, "perfdesk-open");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Prints a document through the program the system uses for its kind (the same pages officials
     * file); where there is none, says where the document is.
     */
    public static void print(Window owner, Path document) {
        Thread t = new Thread(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.PRINT)) {
                    Desktop.getDesktop().print(document.toFile());
                    return;
                }
            } catch (Exception ignored) {
                // fall through to telling the user where the document is
            }
            Platform.runLater(() -> Messages.info(owner, Texts.t("reports.print"),
                    Texts.t("reports.printHere", document.toAbsolutePath().toString())));
        }, "perfdesk-print");
        t.setDaemon(true);
        t.start();
    }
}
