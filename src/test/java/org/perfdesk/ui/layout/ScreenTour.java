package org.perfdesk.ui.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.perfdesk.evaluation.DemoOffice;
import org.perfdesk.ui.shell.Shell;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks every screen of an open workspace's navigation, at each window size asked for, and hands the
 * laid-out window to a visitor: the clipping test checks it, the screenshot writer saves it.
 * The workspaces are the demo's: a city that also collects from its counties (XM, every unit screen
 * and the collector's) and the office with every demo package imported.
 */
final class ScreenTour {
    /** The unit shown: Xiamen has counties of its own, so its window has the collector's screens too. */
    static final String UNIT = "XM";
    private static Path demo;
    private static Path office;

    /** One window size, named as the screenshots are. */
    record Size(String name, int width, int height) {
    }

    interface Visitor {
        void visit(String screen, int index, Size size);
    }

    private ScreenTour() {
    }

    /** The demo, built once per test JVM in temporary folders: {@link #unitDir()} and {@link #officeDir()}. */
    static synchronized void ensureDemo() {
        if (demo != null) {
            return;
        }
        try {
            build(Files.createTempDirectory("perfdesk-tour-demo"), Files.createTempDirectory("perfdesk-tour-office"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The demo built afresh under {@code base} (what was there is removed first), so the paths the
     * screens show are the same in every run: the screenshots.
     */
    static synchronized void ensureDemoIn(Path base) {
        if (demo != null) {
            return;
        }
        try {
            org.perfdesk.store.Folders.deleteQuietly(base);
            Files.createDirectories(base);
            build(Files.createDirectories(base.resolve("demo")), base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void build(Path demoDir, Path officeParent) throws IOException {
        office = DemoOffice.importedCopy(demoDir, officeParent);
        demo = demoDir;
    }

    static Path unitDir() {
        ensureDemo();
        return demo.resolve(UNIT);
    }

    static Path officeDir() {
        ensureDemo();
        return office;
    }

    /**
     * For each size: resizes the window, then shows each screen of the navigation in turn, waits until
     * its data is loaded and it is laid out, and calls the visitor. Returns the screens seen at the
     * first size. (Sizes outside, screens inside: the window is resized once per size.)
     */
    static List<String> walk(FxRobot robot, Shell shell, Stage stage, List<Size> sizes, Visitor visitor) {
        @SuppressWarnings("unchecked")
        ListView<Object> nav = robot.lookup("#nav").queryAs(ListView.class);
        List<String> seen = new ArrayList<>();
        int count = nav.getItems().size();
        for (Size size : sizes) {
            resize(robot, stage, size);
            for (int i = 0; i < count; i++) {
                int index = i;
                robot.interact(() -> nav.getSelectionModel().select(index));
                settle(shell);
                if (size == sizes.get(0)) {
                    // As a person would: the first row chosen, so the form or details beside it are filled.
                    robot.interact(() -> chooseFirstRow(robot));
                    settle(shell);
                }
                robot.interact(() -> {
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                });
                WaitForAsyncUtils.waitForFxEvents(3);
                String screen = screenId(robot);
                if (size == sizes.get(0)) {
                    seen.add(screen);
                }
                visitor.visit(screen, index, size);
            }
        }
        return seen;
    }

    /**
     * The first-start choice (shown before any workspace is open), at each size; its language is
     * chosen with its own buttons, as a person would.
     */
    static void welcome(FxRobot robot, Stage stage, java.util.Locale language, List<Size> sizes, Visitor visitor) {
        String button = language.getLanguage().equals("en") ? "#welcome-english" : "#welcome-chinese";
        robot.lookup(button).tryQuery().ifPresent(b -> robot.interact(() -> ((javafx.scene.control.ButtonBase) b).fire()));
        WaitForAsyncUtils.waitForFxEvents(3);
        for (Size size : sizes) {
            resize(robot, stage, size);
            visitor.visit("welcome", 0, size);
        }
    }

    /** The window's size before a walk, to put back after it: the test toolkit's stage is shared. */
    static Size sizeOf(Stage stage) {
        return new Size("before", (int) Math.round(stage.getWidth()), (int) Math.round(stage.getHeight()));
    }

    static void resize(FxRobot robot, Stage stage, Size size) {
        robot.interact(() -> {
            stage.setWidth(size.width());
            stage.setHeight(size.height());
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    /** Waits until the background work a screen started (its load) has finished and its result is shown. */
    static void settle(Shell shell) {
        for (int quiet = 0; quiet < 3; ) {
            try {
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                        () -> shell.current() == null || !shell.current().tasks().runningProperty().get());
            } catch (TimeoutException e) {
                throw new AssertionError("the screen kept working for a minute", e);
            }
            WaitForAsyncUtils.waitForFxEvents(2);
            quiet = shell.current() != null && shell.current().tasks().runningProperty().get() ? 0 : quiet + 1;
        }
    }

    /** Selects the first row of the screen's first table or tree, unless a row is chosen already. */
    private static void chooseFirstRow(FxRobot robot) {
        Pane centre = robot.lookup(".centre").queryAs(Pane.class);
        Node table = first(centre);
        if (table instanceof javafx.scene.control.TableView<?> t && !t.getItems().isEmpty()
                && t.getSelectionModel().isEmpty()) {
            t.getSelectionModel().select(0);
        } else if (table instanceof javafx.scene.control.TreeTableView<?> t && t.getExpandedItemCount() > 0
                && t.getSelectionModel().isEmpty()) {
            t.getSelectionModel().select(0);
        }
    }

    private static Node first(Node node) {
        if (!node.isVisible()) {
            return null;
        }
        if (node instanceof javafx.scene.control.TableView<?> || node instanceof javafx.scene.control.TreeTableView<?>) {
            return node;
        }
        if (node instanceof javafx.scene.control.ScrollPane scroll) {
            return scroll.getContent() == null ? null : first(scroll.getContent());
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = first(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String screenId(FxRobot robot) {
        Pane centre = robot.lookup(".centre").queryAs(Pane.class);
        String id = centre.getChildren().isEmpty() ? null : screenId(centre.getChildren().get(0));
        return id == null ? "screen-unknown" : id;
    }

    /** The screen's own id ("screen-goals"), on its view or a node inside it (a screen that scrolls). */
    private static String screenId(Node node) {
        if (node.getId() != null && node.getId().startsWith("screen-") && !node.getId().equals("screen-title")) {
            return node.getId();
        }
        if (node instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
            return screenId(scroll.getContent());
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                String id = screenId(child);
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }
}
