package org.perfdesk.ui.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.ProgramInfo;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.AppHome;
import org.perfdesk.store.AppSettings;
import org.perfdesk.store.Backups;
import org.perfdesk.store.Workspace;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.Workspaces;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.StandardButtons;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.ScreenFit;
import org.perfdesk.ui.common.TaskRunner;
import org.perfdesk.ui.common.TextFit;
import org.perfdesk.ui.common.WorkspaceContext;
import org.perfdesk.ui.settings.SettingsView;

/**
 * The window's life: the first-start choice, opening, creating and switching workspaces, the demo,
 * and the language. Only one workspace is open at a time, and it is closed before another opens.
 */
public final class Shell {
    /** The demo opens on a provincial department: its tree goes from divisions down to persons. */
    public static final String DEFAULT_DEMO_UNIT = "SLT";
    private static final Logger LOG = Logger.getLogger(Shell.class.getName());
    /** {@code -Dperfdesk.timing=true}: the steps of a start, for the README's start-up figures. */
    private static final boolean TIMING = Boolean.getBoolean("perfdesk.timing");
    static final double MIN_WIDTH = 800;
    static final double MIN_HEIGHT = 420;

    private final Stage stage;
    private final Path home;
    private final AppSettings settings;
    private final TaskRunner tasks;
    private WorkspaceContext current;
    private MainWindow main;
    private int exitStatus;
    private Runnable exit = Platform::exit;
    private Runnable onMainShown;
    private List<Path> startPackages = List.of();

    public Shell(Stage stage, Path home, AppSettings settings) {
        this.stage = stage;
        this.home = home;
        this.settings = settings;
        this.tasks = new TaskRunner(error -> Messages.error(stage, error));
        StandardButtons.install();
        TextFit.install();
        ScreenFit.install();
        stage.setTitle(Texts.t("app.title"));
        // Small enough for a 1024×600 screen and for a 1366×768 one at 150 % (910×512 logical pixels,
        // less the taskbar); below what a screen needs, it scrolls as a whole (MainWindow).
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        // Closing the window saves what is typed first; an entry that cannot be saved is shown.
        stage.setOnCloseRequest(e -> {
            if (!mayLeave()) {
                e.consume();
            }
        });
    }

    /**
     * Saves what is typed on every screen before the workspace is left (the window closes, another
     * workspace or language, a restore). An entry that cannot be saved is shown at its field, and the
     * user chooses: back to it (false), or leave without it (true).
     */
    boolean mayLeave() {
        if (main == null) {
            return true;
        }
        java.util.Optional<String> unsaved = main.unsavedEntry();
        if (unsaved.isEmpty()) {
            return true;
        }
        ButtonType back = new ButtonType(Texts.t("unsaved.back"), ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType leave = new ButtonType(Texts.t("unsaved.leave"), ButtonBar.ButtonData.OTHER);
        Alert ask = new Alert(Alert.AlertType.WARNING, Texts.t("unsaved.text", unsaved.get()), back, leave);
        ask.initOwner(stage);
        ask.setHeaderText(Texts.t("unsaved.header"));
        ask.getDialogPane().setId("unsaved-dialog");
        boolean leaving = ask.showAndWait().filter(b -> b == leave).isPresent();
        if (!leaving) {
            main.unsavedEntry(); // the keyboard back on the field
        }
        return leaving;
    }

    /**
     * Shows the first screen: the given workspace, the demo, the last workspace, or the first-start
     * choice. A workspace held by another PerfDesk says so and the program ends.
     */
    public void start(Path workspace, boolean demo) {
        start(workspace, demo, List.of());
    }

    /** As above; {@code packages} (double-clicked files) open in the import screen once the workspace is open. */
    public void start(Path workspace, boolean demo, List<Path> packages) {
        this.startPackages = List.copyOf(packages);
        Path last = settings.getLastWorkspace() == null ? null : Path.of(settings.getLastWorkspace());
        if (demo) {
            showOpening();
            openDemo(DEFAULT_DEMO_UNIT);
        } else if (workspace != null) {
            showOpening();
            openWorkspace(workspace, true);
        } else if (last != null && Workspace.isWorkspace(last)) {
            showOpening();
            openWorkspace(last, true);
        } else {
            showWelcome();
        }
    }

    /** While a workspace opens at start: a quiet screen, not a flash of the first-start choice. */
    private void showOpening() {
        Parent box = busy(Texts.t("task.openWorkspace"));
        box.setId("opening");
        setRoot(box);
    }

    void showWelcome() {
        DemoBuilder demo = DemoBuilder.bundled();
        List<OrgUnit> units = new ArrayList<>();
        units.add(demo.office());
        units.addAll(demo.units());
        OrgUnit preselected = units.stream().filter(u -> u.code().equals(DEFAULT_DEMO_UNIT)).findFirst()
                .orElse(units.get(0));
        WelcomeView welcome = new WelcomeView(units, preselected, u -> openDemo(u.code()), this::chooseAndOpen,
                this::create, lang -> setLanguage(lang, this::showWelcome));
        stage.setTitle(Texts.t("app.title"));
        // On a window smaller than the choice, it scrolls rather than losing its last card.
        setRoot(org.perfdesk.ui.common.Layouts.fitOrScroll(welcome.root()));
    }

    private void setRoot(Parent root) {
        if (stage.getScene() == null) {
            // Office PCs often have 1366×768: use the whole screen there, a comfortable window on larger ones.
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            boolean small = screen.getWidth() < 1500 || screen.getHeight() < 900;
            // The stage's size includes the title bar, so the status bar stays on screen.
            Scene scene = new Scene(root);
            stage.setWidth(small ? screen.getWidth() : 1400);
            stage.setHeight(small ? screen.getHeight() : 860);
            if (small) {
                stage.setX(screen.getMinX());
                stage.setY(screen.getMinY());
            }
            Styles.apply(scene);
            stage.setScene(scene);
        } else {
            stage.getScene().getAccelerators().clear();
            stage.getScene().setRoot(root);
        }
    }

    private static void timing(String step) {
        if (TIMING) {
            System.out.println(step + " after " + (System.currentTimeMillis()
                    - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms");
        }
    }

    /** Runs once, after the first workspace's main window has been laid out on screen (start-up timing). */
    public void setOnMainShown(Runnable action) {
        this.onMainShown = action;
    }

    /** Opens the demo workspace of a unit (or the office), building the demo on first use. */
    public void openDemo(String unitCode) {
        Path dir = AppHome.demoDir();
        tasks.run(Texts.t("task.openDemo"), () -> {
            DemoBuilder demo = DemoBuilder.bundled();
            if (!Workspace.isWorkspace(demo.folderOf(dir, demo.office().code()))) {
                demo.build(dir, ProgramInfo.version());
            }
            return openInBackground(demo.folderOf(dir, unitCode));
        }, this::showMain, error -> openFailed(error, false));
    }

    private void chooseAndOpen() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Texts.t("welcome.open"));
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            openWorkspace(dir.toPath(), false);
        }
    }

    private void create() {
        CreateWorkspaceDialog dialog = new CreateWorkspaceDialog(stage, new CreateWorkspaceViewModel());
        dialog.showAndWait().ifPresent(this::create);
    }

    /**
     * Makes the workspace the wizard describes, with its key, and pins the office's card when one was
     * given; then says the new key's fingerprint, which the office will check by phone.
     */
    void create(CreateWorkspaceViewModel vm) {
        Workspace.Setup setup = vm.toSetup();
        Path dir = vm.folderPath();
        char[] passphrase = vm.passphrase();
        var card = vm.card();
        String typed = vm.typedFingerprint();
        var suite = vm.suite();
        tasks.run(Texts.t("task.createWorkspace"), () -> {
            Workspace ws = Workspaces.create(dir, setup, passphrase, suite).workspace();
            try {
                if (card != null) {
                    KeyRegistry.pinOffice(ws, card, typed, () -> passphrase);
                }
                return new WorkspaceContext(ws, tasks);
            } catch (RuntimeException e) {
                ws.close();
                throw e;
            }
        }, ctx -> {
            showMain(ctx);
            String fingerprint = WorkspaceKeys.info(ctx.workspace()).fingerprint();
            String text = ctx.role() == Role.OFFICE ? Texts.t("create.done.office", fingerprint)
                    : card != null ? Texts.t("create.done.unitPinned", fingerprint, card.name())
                    : Texts.t("create.done.unit", fingerprint);
            Messages.info(stage, Texts.t("create.done.header"), text).getDialogPane().setId("create-done");
        });
    }

    /**
     * Opens a workspace in the background. If it cannot be opened the first-start choice shows
     * behind the message; {@code exitIfLocked} ends the program when another PerfDesk holds it.
     */
    public void openWorkspace(Path dir, boolean exitIfLocked) {
        tasks.run(Texts.t("task.openWorkspace"), () -> openInBackground(dir), this::showMain,
                error -> openFailed(error, exitIfLocked));
    }

    private void openFailed(Throwable error, boolean exitIfLocked) {
        if (current == null && lookupWelcome() == null) {
            showWelcome();
        }
        Alert alert = Messages.error(stage, error);
        if (exitIfLocked && error instanceof UserError u && u.key().equals("error.workspace.locked")) {
            exitStatus = 1;
            alert.setOnHidden(h -> exit.run());
        }
    }

    private javafx.scene.Node lookupWelcome() {
        return stage.getScene() == null ? null : stage.getScene().lookup("#welcome");
    }

    /** Only called from the first-start screen, so no other workspace is open. */
    private WorkspaceContext openInBackground(Path dir) {
        timing("opening the workspace");
        Workspace ws = Workspace.open(dir);
        try {
            timing("workspace open");
            return new WorkspaceContext(ws, tasks);
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
    }

    private void showMain(WorkspaceContext ctx) {
        current = ctx;
        settings.setLastWorkspace(ctx.workspace().dir().toAbsolutePath().toString());
        saveSettings();
        rebuildMain();
        ctx.workspace().database().migrationBackup().ifPresent(backup -> Messages.info(stage,
                Texts.t("dialog.migrated.header"),
                Texts.t("dialog.migrated.text", String.valueOf(ctx.workspace().database().migratedFrom()),
                        String.valueOf(ctx.workspace().database().schemaVersion()), backup.toString())));
    }

    /**
     * Packages from a later start of the program (a double-clicked file): the window comes to the
     * front and shows them for import, now or as soon as a workspace is open.
     */
    public void receive(List<Path> packages) {
        stage.setIconified(false);
        stage.toFront();
        if (packages.isEmpty()) {
            return;
        }
        if (current != null && main != null) {
            main.showImport(packages);
        } else {
            startPackages = List.copyOf(packages);
        }
    }

    private void rebuildMain() {
        if (main != null) {
            main.commitEdits(); // the screens are built anew (another language): their typing first
        }
        timing("building the main window");
        main = new MainWindow(current, new SettingsView.Actions(lang -> setLanguage(lang, this::rebuildMain),
                this::switchWorkspace, this::restore));
        stage.setTitle(Texts.t("app.titleWithUnit", current.self().name()));
        setRoot(main.root());
        timing("main window built");
        main.installShortcuts(stage.getScene());
        if (onMainShown != null) {
            Runnable once = onMainShown;
            onMainShown = null;
            Scene scene = stage.getScene();
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                once.run();
            };
            scene.addPostLayoutPulseListener(listener[0]);
        }
        if (!startPackages.isEmpty()) {
            main.showImport(startPackages);
            startPackages = List.of();
        }
        main.warmScreensLater();
    }

    /**
     * Closes the workspace, puts {@code backup} in place of its database and opens it again. The
     * close runs on the worker thread, after whatever work was queued before it. A backup that is
     * refused leaves the workspace as it was, and it is opened again all the same.
     */
    private void restore(Path backup) {
        if (!mayLeave()) {
            return;
        }
        WorkspaceContext closing = current;
        Path dir = closing.workspace().dir();
        current = null;
        main = null;
        setRoot(busy(Texts.t("task.restore")));
        tasks.run(Texts.t("task.restore"), () -> {
            closing.workspace().close();
            return Backups.restore(dir, backup);
        }, kept -> {
            openWorkspace(dir, false);
            Messages.info(stage, Texts.t("backups.restored.header"), Texts.t("backups.restored.text", kept.toString()));
        }, error -> {
            openWorkspace(dir, false);
            Messages.error(stage, error);
        });
    }

    private static Parent busy(String what) {
        VBox box = new VBox(12, new ProgressIndicator(), new Label(what));
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private void switchWorkspace() {
        if (!mayLeave()) {
            return;
        }
        closeCurrent();
        settings.setLastWorkspace(null);
        saveSettings();
        showWelcome();
    }

    private void setLanguage(String language, Runnable rebuild) {
        if (language.equals(settings.getLanguage()) && Texts.current().locale().equals(Texts.localeFor(language))) {
            return;
        }
        settings.setLanguage(language);
        saveSettings();
        Texts.use(Texts.localeFor(language));
        rebuild.run();
    }

    private void saveSettings() {
        try {
            settings.save(home);
        } catch (IOException e) {
            // Only the remembered workspace and language are lost; the work itself is in the workspace.
            LOG.log(Level.WARNING, "could not save settings in " + home, e);
        }
    }

    /** Closes the workspace once the saves queued before have run (they share one worker thread). */
    private void closeCurrent() {
        main = null;
        if (current != null) {
            Workspace closing = current.workspace();
            current = null;
            tasks.run(Texts.t("task.closeWorkspace"), () -> {
                closing.close();
                return closing;
            }, ws -> { });
        }
    }

    /** The open workspace's context, or null on the first-start screen. */
    public WorkspaceContext current() {
        return current;
    }

    /** What ends the program after a fatal message (tests replace it: the toolkit must live on). */
    public void onExit(Runnable action) {
        this.exit = action;
    }

    /** 1 when the program ends because it could not open what it was asked to, else 0. */
    public int exitStatus() {
        return exitStatus;
    }

    /** Closes the workspace and stops background work; called when the window closes. */
    public void shutdown() {
        Workspace closing = current == null ? null : current.workspace();
        main = null;
        current = null;
        // Saves queued by the last edits run to the end before the workspace is closed.
        tasks.shutdown();
        if (closing != null) {
            closing.close();
        }
    }
}
