package org.perfdesk.app;

import java.util.List;

import org.perfdesk.domain.Texts;
import org.perfdesk.store.AppHome;
import org.perfdesk.store.AppSettings;

/**
 * Start-up work that does not need the JavaFX toolkit, done on a second thread while the main thread
 * parses the command line and starts the toolkit (the same machine has two cores at least): reading
 * the settings (and with them the JSON library), loading SQLite's native library, and loading the
 * classes of the first screens. Nothing here changes anything; whatever it does not get to, the main
 * thread does as before.
 */
public final class Preload {
    /** Classes the window needs before its first screen, loaded but not initialised. */
    private static final List<String> CLASSES = List.of(
            "org.perfdesk.ui.shell.Shell", "org.perfdesk.ui.shell.MainWindow", "org.perfdesk.ui.common.Styles",
            "org.perfdesk.ui.common.TaskRunner", "org.perfdesk.ui.common.WorkspaceContext",
            "org.perfdesk.ui.overview.OverviewView", "org.perfdesk.ui.overview.OverviewViewModel",
            "org.perfdesk.store.Workspace", "org.perfdesk.store.Database", "org.perfdesk.domain.GoalTreeRules",
            "javafx.scene.control.TableView", "javafx.scene.control.skin.TableViewSkin",
            "javafx.scene.control.TreeTableView", "javafx.scene.control.ListView",
            "javafx.scene.control.skin.ListViewSkin", "javafx.scene.control.SplitPane",
            "javafx.scene.control.ProgressIndicator", "javafx.scene.control.skin.ProgressIndicatorSkin",
            "javafx.scene.control.skin.LabeledSkinBase", "javafx.scene.control.skin.ButtonSkin",
            "javafx.scene.control.skin.VirtualFlow", "javafx.scene.layout.GridPane",
            "javafx.scene.control.skin.TableCellSkin", "javafx.scene.control.skin.TableRowSkin",
            "javafx.scene.control.skin.TableHeaderRow", "javafx.scene.control.skin.NestedTableColumnHeader",
            "javafx.scene.control.skin.TableColumnHeader", "javafx.scene.control.skin.ListCellSkin",
            "javafx.scene.control.skin.TreeTableCellSkin", "javafx.scene.control.skin.TreeTableRowSkin",
            "javafx.scene.control.skin.TabPaneSkin", "javafx.scene.control.skin.SplitPaneSkin",
            "javafx.scene.control.skin.ScrollBarSkin", "javafx.concurrent.Task",
            "org.perfdesk.ui.exchange.InboxView", "org.perfdesk.ui.exchange.ImportPanel",
            "org.perfdesk.ui.exchange.ImportViewModel", "org.perfdesk.exchange.Importer",
            "org.perfdesk.exchange.ImportReport");

    private Preload() {
    }

    /** Starts the preloading thread (a daemon: it never holds up the end of the program). */
    public static void start() {
        Thread t = new Thread(Preload::run, "perfdesk-preload");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    private static void run() {
        try {
            // Read again by the window: this is for the JSON library's classes, and the texts of the saved
            // language (the bundle is kept by ResourceBundle's cache; the window's start then finds it read).
            AppSettings settings = AppSettings.load(AppHome.dir());
            Texts.of(Texts.localeFor(settings.getLanguage()));
            Class.forName("org.sqlite.JDBC"); // unpacks and loads the native library
            ClassLoader loader = Preload.class.getClassLoader();
            for (String name : CLASSES) {
                Class.forName(name, false, loader);
            }
        } catch (ClassNotFoundException | RuntimeException | LinkageError ignored) {
            // only a head start: the main thread loads whatever is missing itself
        }
    }
}
