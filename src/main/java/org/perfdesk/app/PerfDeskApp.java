package org.perfdesk.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.perfdesk.cli.LanguageChoice;
import org.perfdesk.domain.Texts;
import org.perfdesk.store.AppHome;
import org.perfdesk.store.AppSettings;
import org.perfdesk.ui.shell.Shell;

/** The JavaFX application: settings, language, then the shell on the primary stage. */
public final class PerfDeskApp extends Application {
    private static volatile Path startWorkspace;
    private static volatile boolean startDemo;
    private static volatile java.util.List<Path> startPackages = java.util.List.of();
    private static volatile int exitStatus;

    private static final Logger LOG = Logger.getLogger(PerfDeskApp.class.getName());
    private Shell shell;
    private SingleInstance instance;

    static void startOptions(Path workspace, boolean demo, java.util.List<Path> packages) {
        startWorkspace = workspace;
        startDemo = demo;
        startPackages = java.util.List.copyOf(packages);
    }

    static int exitStatus() {
        return exitStatus;
    }

    @Override
    public void start(Stage stage) {
        Path home = AppHome.dir();
        AppSettings settings = AppSettings.load(home);
        // --lang on the command line wins over the saved choice, and becomes the saved choice.
        String language = LanguageChoice.chosen() != null ? LanguageChoice.chosen() : settings.getLanguage();
        settings.setLanguage(language);
        Texts.use(Texts.localeFor(language));
        shell = new Shell(stage, home, settings);
        if (Boolean.getBoolean("perfdesk.timing")) {
            // For the performance figures in the README: JVM start to the first shown window.
            stage.setOnShown(e -> System.out.println("window shown after "
                    + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms"));
            shell.setOnMainShown(() -> System.out.println("workspace shown after "
                    + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms"));
        }
        shell.start(startWorkspace, startDemo, startPackages);
        stage.show();
        if (startWorkspace == null && !startDemo) {
            // Later starts of the program (a double-clicked package) come to this window.
            try {
                instance = SingleInstance.listen(home, files -> Platform.runLater(() -> shell.receive(files)));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "later starts will open windows of their own", e);
            }
        }
    }

    @Override
    public void stop() {
        if (instance != null) {
            instance.close();
        }
        if (shell != null) {
            exitStatus = shell.exitStatus();
            shell.shutdown();
        }
    }
}
