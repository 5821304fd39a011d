package org.perfdesk.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Texts;
import org.perfdesk.store.AppSettings;
import org.perfdesk.ui.shell.Shell;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** Headless window tests: a fresh shell per test in Chinese, closed (workspace released) after it. */
public abstract class ShellTest extends ApplicationTest {
    @TempDir
    protected Path home;
    protected Shell shell;
    protected Stage stage;

    @Override
    public void start(Stage stage) {
        Texts.use(Texts.CHINESE);
        this.stage = stage;
        shell = createShell(stage);
        stage.show();
    }

    /** The shell under test, on its first-start screen; override to start it differently. */
    protected Shell createShell(Stage stage) {
        Shell s = new Shell(stage, home, new AppSettings());
        s.start(null, false);
        return s;
    }

    @AfterEach
    void closeShell() throws TimeoutException {
        // Messages a test left open (an export's "done", a refusal) would keep the keyboard from the next.
        interact(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).forEach(w -> {
            if (w != stage) {
                w.hide();
            }
        }));
        interact(() -> shell.shutdown());
        FxToolkit.hideStage();
        FxToolkit.cleanupStages();
    }

    protected static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("the window did not reach " + what + " in time", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens a workspace as the first-start screen would, and waits for the main window. */
    protected void open(Path dir) {
        interact(() -> shell.openWorkspace(dir, false));
        waitUntil("the main window", () -> shell.current() != null && !lookup("#main-window").queryAll().isEmpty());
    }
}
