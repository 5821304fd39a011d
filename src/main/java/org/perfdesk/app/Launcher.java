package org.perfdesk.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javafx.application.Application;
import org.perfdesk.cli.Cli;

/**
 * The program's entry point. It is not a JavaFX {@code Application}, so the jar starts from the
 * class path without module options. With a command it runs headless; without one it opens the window.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int status = Cli.run(args, Launcher::startWindow, out, err);
        System.exit(status);
    }

    private static int startWindow(Path workspace, boolean demo) {
        PerfDeskApp.startOptions(workspace, demo);
        Application.launch(PerfDeskApp.class);
        return PerfDeskApp.exitStatus();
    }
}
