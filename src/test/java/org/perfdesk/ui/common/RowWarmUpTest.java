package org.perfdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.perfdesk.domain.Texts;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The rows warmed after start are made off-screen: no window opens for them, none is left, the window
 * in front keeps its scene, and the warm-up runs once in a program (a second start goes straight on).
 */
class RowWarmUpTest extends ApplicationTest {
    private Stage stage;
    private Scene scene;

    @Override
    public void start(Stage stage) {
        Texts.use(Texts.CHINESE);
        this.stage = stage;
        scene = new Scene(new Label("front"), 400, 300);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void warmsRowsWithoutOpeningOrLeavingAWindow() throws Exception {
        List<Window> before = interactGet(() -> new ArrayList<>(Window.getWindows()));
        List<Window> added = new ArrayList<>();
        ListChangeListener<Window> watch = c -> {
            while (c.next()) {
                added.addAll(c.getAddedSubList());
            }
        };
        interact(() -> Window.getWindows().addListener(watch));
        CountDownLatch warmed = new CountDownLatch(1);
        interact(() -> RowWarmUp.warm(warmed::countDown));
        assertThat(warmed.await(60, TimeUnit.SECONDS)).as("the warm-up ends").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> Window.getWindows().removeListener(watch));

        assertThat(added).as("windows opened while warming").isEmpty();
        assertThat(interactGet(() -> new ArrayList<>(Window.getWindows()))).as("windows after").isEqualTo(before);
        assertThat(stage.getScene()).as("the window's scene").isSameAs(scene);
        assertThat(scene.getRoot().lookupAll(".table-view")).as("tables put into the window").isEmpty();
    }

    @Test
    void runsOnceAProgram() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        interact(() -> RowWarmUp.start(first::countDown));
        assertThat(first.await(60, TimeUnit.SECONDS)).as("the warm-up ends").isTrue();
        assertThat(RowWarmUp.done()).isTrue();

        AtomicBoolean straightOn = new AtomicBoolean();
        interact(() -> RowWarmUp.start(() -> straightOn.set(true)));
        assertThat(straightOn).as("a second start goes on at once").isTrue();
    }

    @Test
    void theWindowClosesWhileItWarms() throws Exception {
        CountDownLatch warmed = new CountDownLatch(1);
        Stage other = interactGet(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new Label("other"), 200, 100));
            s.show();
            return s;
        });
        interact(() -> {
            RowWarmUp.warm(warmed::countDown);
            other.close();
        });
        assertThat(warmed.await(60, TimeUnit.SECONDS)).as("the warm-up ends on its own").isTrue();
        assertThat(other.isShowing()).isFalse();
        assertThat(interactGet(() -> Window.getWindows().stream().filter(Window::isShowing).toList()))
                .as("windows still shown").containsExactly(stage);
    }

    private static <T> T interactGet(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }
}
