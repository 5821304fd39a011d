package org.perfdesk.ui.shell;

import java.util.Iterator;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.perfdesk.ui.common.RowWarmUp;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.TaskRunner;
import org.perfdesk.ui.common.WorkspaceContext;
import org.perfdesk.ui.settings.SettingsView;

/**
 * The first time a screen opens in a program's life costs far more than any later time: its classes
 * are loaded and its code is not yet compiled, and its controls' skins and styles are made for the
 * first time. On the office's window ({@code bench province}, the screens figure with {@code --rounds
 * 2}) the JavaFX thread's busiest frame on opening a screen was up to 147 ms the first time and up to 94 ms
 * in a second window. This pays that first time while nobody waits: after start, each screen not yet
 * opened is built once for a throwaway context whose task runner runs nothing (so it reads no data),
 * styled and laid out in a scene of its own that is never shown, and dropped; one screen at a time
 * with a pause between, so no frame does more than one screen's share. The first rows of a table are
 * warmed before them ({@link RowWarmUp}): a screen built here has no data, so no rows.
 */
final class ScreenWarmer {
    private static final Logger LOG = Logger.getLogger(ScreenWarmer.class.getName());
    /** After the main window's first screen has its data. */
    private static final Duration FIRST = Duration.seconds(1);
    /** Between two screens: the window answers in between. */
    private static final Duration GAP = Duration.millis(150);

    private ScreenWarmer() {
    }

    /**
     * Starts warming the screens of {@code ctx}'s navigation that {@code built} does not know yet, while
     * {@code window} is shown; then {@code done} runs. Off with {@code -Dperfdesk.warmScreens=false}.
     */
    static void start(WorkspaceContext ctx, SettingsView.Actions actions, Region window, Predicate<String> built,
                      Runnable done) {
        if (!Boolean.parseBoolean(System.getProperty("perfdesk.warmScreens", "true"))) {
            done.run();
            return;
        }
        PauseTransition wait = new PauseTransition(FIRST);
        wait.setOnFinished(e -> {
            if (!showing(window)) {
                done.run();
                return;
            }
            WorkspaceContext throwaway;
            try {
                throwaway = new WorkspaceContext(ctx.workspace(), TaskRunner.none()); // a screen built here reads nothing
            } catch (RuntimeException ex) {
                LOG.log(Level.FINE, "screens not warmed", ex); // the workspace closed meanwhile
                done.run();
                return;
            }
            // The first rows of a table first (no warmed screen has any), then the screens.
            RowWarmUp.start(() -> step(MainWindow.entries(throwaway, actions).iterator(), window, built, done));
        });
        wait.play();
    }

    private static void step(Iterator<NavEntry> todo, Region window, Predicate<String> built, Runnable done) {
        if (!todo.hasNext() || !showing(window)) {
            done.run();
            return;
        }
        NavEntry entry = todo.next();
        if (!built.test(entry.id())) {
            try {
                warm(entry, window);
            } catch (RuntimeException e) {
                // Only a head start: the real screen is built when it is opened, as without this.
                LOG.log(Level.FINE, "screen not warmed: " + entry.id(), e);
            }
        }
        PauseTransition next = new PauseTransition(GAP);
        next.setOnFinished(e -> step(todo, window, built, done));
        next.play();
    }

    private static void warm(NavEntry entry, Region window) {
        Screen screen = entry.factory().get();
        StackPane holder = new StackPane(screen.view());
        Scene scene = new Scene(holder, window.getWidth(), window.getHeight());
        Styles.apply(scene);
        holder.applyCss();
        holder.layout();
    }

    private static boolean showing(Region window) {
        return window.getScene() != null && window.getScene().getWindow() != null
                && window.getScene().getWindow().isShowing();
    }
}
