package org.perfdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.TaskRunner;
import org.perfdesk.ui.common.WorkspaceContext;
import org.perfdesk.ui.settings.SettingsView;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The screens warmed after start are built off-screen and dropped: the window keeps showing one
 * screen, no data is read for them, and each still opens (and loads) when the user goes there.
 */
class ScreenWarmerTest extends ApplicationTest {
    @TempDir
    static Path demoDir;
    private static DemoBuilder demo;
    private Workspace ws;
    private TaskRunner tasks;
    private MainWindow main;
    private Scene scene;
    private final AtomicInteger tasksStarted = new AtomicInteger();

    @BeforeAll
    static void buildDemo() {
        demo = DemoBuilder.bundled();
        demo.build(demoDir, "test");
    }

    @Override
    public void start(Stage stage) {
        Texts.use(Texts.CHINESE);
        ws = Workspace.open(demo.folderOf(demoDir, demo.office().code()));
        tasks = new TaskRunner(Throwable::printStackTrace);
        tasks.runningProperty().addListener((o, was, running) -> {
            if (running) {
                tasksStarted.incrementAndGet();
            }
        });
        main = new MainWindow(new WorkspaceContext(ws, tasks), new SettingsView.Actions(l -> { }, () -> { }, p -> { }));
        scene = new Scene(main.root(), 1100, 700);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.shutdown();
        ws.close();
    }

    @Test
    void warmingReadsNothingAndLeavesTheWindowAsItWas() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !tasks.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        int before = tasksStarted.get();
        int windows = javafx.stage.Window.getWindows().size();
        CountDownLatch warmed = new CountDownLatch(1);
        interact(() -> main.warmScreensLater(warmed::countDown));
        assertThat(warmed.await(120, TimeUnit.SECONDS)).as("warming ends").isTrue();
        // The rows and screens were warmed in scenes of their own, never in a window.
        assertThat(javafx.stage.Window.getWindows()).as("windows after warming").hasSize(windows);

        assertThat(tasksStarted.get()).as("work started by warming").isEqualTo(before);
        assertThat(scene.getRoot().lookupAll(".screen")).as("screens in the window").hasSize(1);

        @SuppressWarnings("unchecked")
        ListView<NavEntry> nav = (ListView<NavEntry>) scene.lookup("#nav");
        List<NavEntry> entries = List.copyOf(nav.getItems());
        assertThat(entries).hasSizeGreaterThan(10); // the office's navigation
        for (NavEntry entry : entries.subList(1, entries.size())) {
            interact(() -> nav.getSelectionModel().select(entry));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !tasks.runningProperty().get());
            Node shown = scene.lookup("#screen-" + entry.id());
            assertThat(shown).as(entry.id()).isNotNull();
            assertThat(shown.isVisible()).as(entry.id()).isTrue();
            assertThat(scene.getRoot().lookupAll(".screen")).as("screens in the window").hasSize(1);
        }
        // Opened for real, the screens read their data (which warming did not).
        assertThat(tasksStarted.get()).as("work started by opening the screens").isGreaterThan(before + 5);
    }
}
