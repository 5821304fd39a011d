package org.perfdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perfdesk.store.AppSettings;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.shell.Shell;
import org.testfx.util.WaitForAsyncUtils;

/** First start: nothing set up, the choice is shown, and the demo is one click (or Enter) away. */
class WelcomeTest extends ShellTest {
    private String previousHome;

    @Override
    protected Shell createShell(Stage stage) {
        previousHome = System.getProperty("perfdesk.home");
        System.setProperty("perfdesk.home", home.toString());
        Shell s = new Shell(stage, home, AppSettings.load(home));
        s.start(null, false);
        return s;
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("perfdesk.home");
        } else {
            System.setProperty("perfdesk.home", previousHome);
        }
    }

    @Test
    void firstStartOffersTheDemoAndOpensItOnEnter() throws TimeoutException {
        assertThat(lookup("#welcome").queryAll()).hasSize(1);
        assertThat(lookup("#welcome-demo").queryAs(Button.class).isDefaultButton()).isTrue();
        assertThat(lookup("#welcome-open").queryAll()).hasSize(1);
        assertThat(lookup("#welcome-create").queryAll()).hasSize(1);

        type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#main-window").queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup("#header-unit").queryAs(Label.class).getText()).isEqualTo("福建省水利厅");
        Path demo = home.resolve("demo");
        assertThat(Workspace.isWorkspace(demo.resolve("office"))).isTrue();
        assertThat(Workspace.isWorkspace(demo.resolve("SLT"))).isTrue();
        // The next start opens the same workspace again.
        assertThat(AppSettings.load(home).getLastWorkspace()).isEqualTo(demo.resolve("SLT").toAbsolutePath().toString());
    }

    @Test
    void switchingWorkspaceGoesBackToTheChoice() throws TimeoutException {
        clickOn("#welcome-demo");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#nav-settings").queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#nav-settings");
        clickOn("#settings-switch");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !lookup("#welcome").queryAll().isEmpty());
        assertThat(shell.current()).isNull();
        assertThat(AppSettings.load(home).getLastWorkspace()).isNull();
        // The workspace was closed: it can be opened by someone else now.
        try (Workspace ws = Workspace.open(home.resolve("demo").resolve("SLT"))) {
            assertThat(ws.self().code()).isEqualTo("SLT");
        }
    }
}
