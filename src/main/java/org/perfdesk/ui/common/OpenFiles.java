package org.perfdesk.ui.common;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import javafx.application.Platform;
import javafx.stage.Window;
import org.perfdesk.domain.DocumentTypes;
import org.perfdesk.domain.SafeText;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;

/**
 * Opening a stored file (evidence) with the system's viewer, or printing a document with the system's
 * program for it, off the JavaFX thread. Every place that opens evidence comes here. Only documents and pictures are opened ({@link DocumentTypes}): a
 * program, script or shortcut is refused with a message, whatever its name pretends (the name is
 * cleaned first, so {@code report.pdf} + U+202E + {@code gpj.exe} is seen as the {@code .exe} it is).
 * Where the system has no viewer, or the viewer cannot be started, the message says so plainly and
 * where the copy is.
 */
public final class OpenFiles {
    /** The system's viewer. */
    public interface Viewer {
        boolean available();

        void open(Path file) throws IOException;
    }

    /** What happened when a copy was handed to the viewer. */
    public enum Result { OPENED, NO_VIEWER }

    private static final Viewer DESKTOP = new Viewer() {
        @Override
        public boolean available() {
            return Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
        }

        @Override
        public void open(Path file) throws IOException {
            Desktop.getDesktop().open(file.toFile());
        }
    };

    private OpenFiles() {
    }

    /**
     * Why a file of this name is not opened (a program, or a type PerfDesk does not know), or null
     * when it is a document or picture.
     */
    public static UserError refusal(String name) {
        String shown = SafeText.fileName(name, "?");
        return switch (DocumentTypes.of(shown)) {
            case DOCUMENT -> null;
            case EXECUTABLE -> new UserError("open.refusedProgram", shown);
            case OTHER -> new UserError("open.refusedType", shown);
        };
    }

    /**
     * Hands a copy to the viewer. Any failure of the viewer to start (on Linux "Failed to show URI",
     * on Windows "no application is associated") means there is none for this file.
     */
    public static Result open(Viewer viewer, Path copy) {
        if (!viewer.available()) {
            return Result.NO_VIEWER;
        }
        try {
            viewer.open(copy);
            return Result.OPENED;
        } catch (IOException | RuntimeException e) {
            return Result.NO_VIEWER;
        }
    }

    /** Checks the type, makes the copy and opens it; messages for a refusal, no viewer, or a failed copy. */
    public static void openCopy(Window owner, String name, Callable<Path> copy) {
        UserError refused = refusal(name);
        if (refused != null) {
            Messages.error(owner, refused);
            return;
        }
        String shown = SafeText.fileName(name, "?");
        Thread t = new Thread(() -> {
            try {
                Path file = copy.call();
                if (open(DESKTOP, file) == Result.NO_VIEWER) {
                    Platform.runLater(() -> Messages.info(owner, shown,
                            Texts.t("self.openHere", file.toAbsolutePath().toString())));
                }
            } catch (Exception ex) {
                Platform.runLater(() -> Messages.error(owner, ex instanceof UserError ? ex
                        : new UserError(ex, "self.openFailed", shown, String.valueOf(ex.getMessage()))));
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
