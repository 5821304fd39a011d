package org.perfdesk.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;
import org.perfdesk.store.AppSettings;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.goaltree.GoalTreeView;
import org.perfdesk.ui.shell.Shell;

/**
 * For looking at the import dialog by eye (not a test): opens a fresh unit's workspace, starts an
 * import of a workbook and presses 下一步 the given number of times, then waits.
 * {@code java -cp … org.perfdesk.ui.ImportDialogPreview FILE STEPS [en]}.
 */
public final class ImportDialogPreview {
    private static Path file;
    private static int steps;

    private ImportDialogPreview() {
    }

    public static void main(String[] args) {
        file = Path.of(args[0]);
        steps = Integer.parseInt(args[1]);
        if (args.length > 2) {
            Texts.use(Texts.localeFor(args[2]));
        }
        Application.launch(App.class, args);
    }

    /** The JavaFX side (a class of its own, so the launcher needs no JavaFX module to start). */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            open(stage);
        }
    }

    static void open(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("perfdesk-preview");
        Path dir = home.resolve("JSJ");
        Workspace.create(dir, new Workspace.Setup(Role.UNIT, new OrgUnit("JSJ", "市交通运输局", OrgKind.DEPARTMENT, "XNB"),
                2026, "preview")).close();
        Shell shell = new Shell(stage, home, new AppSettings());
        shell.start(null, false);
        stage.show();
        shell.openWorkspace(dir, false);
        later(3, () -> {
            // Ctrl+2: the goal tree, as the keyboard would.
            stage.getScene().getAccelerators().entrySet().stream()
                    .filter(e -> e.getKey().getName().contains("2")).findFirst().ifPresent(e -> e.getValue().run());
            later(2, () -> {
                GoalTreeView view = (GoalTreeView) stage.getScene().lookup("#screen-goals").getProperties().get(Screen.class);
                view.importXlsx(file);
                press(steps);
            });
        });
    }

    private static void press(int left) {
        if (left <= 0) {
            return;
        }
        later(3, () -> {
            for (Window w : Window.getWindows()) {
                Node next = w.getScene().lookup("#xlsx-next");
                if (next instanceof Button b && b.isVisible()) {
                    b.fire();
                    break;
                }
            }
            press(left - 1);
        });
    }

    private static void later(double seconds, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.seconds(seconds));
        p.setOnFinished(e -> r.run());
        p.play();
    }
}
