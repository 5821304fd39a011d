package org.perfdesk.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Application;
import org.perfdesk.bench.BenchCommand;
import org.perfdesk.cli.Cli;
import org.perfdesk.cli.WindowArgs;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.AppHome;

/**
 * The program's entry point. It is not a JavaFX {@code Application}, so the jar starts from the
 * class path without module options. With a command it runs headless; without one it opens the window.
 */
public final class Launcher {
    /**
     * Held so the setting stays: JavaFX warns about running from the class path, which is our
     * deliberate choice (one plain jar, no module options), not something a user can act on.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Launcher() {
    }

    public static void main(String[] args) {
        WindowArgs window = WindowArgs.parse(args);
        if (window != null) {
            Preload.start();
            // Usually the window: the quick path, without picocli (see WindowArgs).
            int status;
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            try {
                status = window.start(Launcher::startWindow);
            } catch (UserError e) {
                err.println(Texts.t("cli.error", e.getLocalizedMessage()));
                status = Cli.FAILED;
            } catch (RuntimeException e) {
                err.println(Texts.t("cli.internalError", String.valueOf(e)));
                e.printStackTrace(err);
                status = Cli.FAILED;
            }
            err.flush();
            System.exit(status);
        }
        BenchCommand bench = new BenchCommand();
        if (Cli.startsWindow(args, bench)) {
            Preload.start();
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int status = Cli.run(args, Launcher::startWindow, out, err, System::getenv, bench);
        System.exit(status);
    }

    private static int startWindow(Path workspace, boolean demo, java.util.List<Path> packages) {
        JAVAFX_LOG.setLevel(Level.SEVERE);
        if (workspace == null && !demo && SingleInstance.handOver(AppHome.dir(), packages)) {
            // The window already open takes the packages (and comes to the front); this start is done.
            return Cli.OK;
        }
        PerfDeskApp.startOptions(workspace, demo, packages);
        try {
            Application.launch(PerfDeskApp.class);
        } catch (RuntimeException e) {
            // Typically no display, or GTK missing on Linux: say so instead of a stack trace.
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new UserError(e, "error.gui.failed", String.valueOf(root.getMessage()));
        }
        return PerfDeskApp.exitStatus();
    }
}
