package org.perfdesk.ui.shell;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.store.WorkspaceLocation;
import org.perfdesk.ui.common.Layouts;
import org.perfdesk.ui.common.PackageReceiver;
import org.perfdesk.ui.common.Panes;
import org.perfdesk.ui.common.PendingEdits;
import org.perfdesk.ui.common.PlannedScreen;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.WorkspaceContext;
import org.perfdesk.ui.evaluation.AppraisalView;
import org.perfdesk.ui.evaluation.AssessmentView;
import org.perfdesk.ui.evaluation.AssessmentViewModel;
import org.perfdesk.ui.evaluation.AuditView;
import org.perfdesk.ui.rectification.RectificationView;
import org.perfdesk.ui.rectification.ResultView;
import org.perfdesk.ui.evaluation.FeedbackView;
import org.perfdesk.ui.evaluation.InspectionView;
import org.perfdesk.ui.evaluation.InspectionViewModel;
import org.perfdesk.ui.evaluation.ResultsView;
import org.perfdesk.ui.evaluation.ReviewView;
import org.perfdesk.ui.evaluation.ReviewViewModel;
import org.perfdesk.ui.evaluation.SchemeView;
import org.perfdesk.ui.evaluation.TrackerView;
import org.perfdesk.ui.evaluation.ResultsViewModel;
import org.perfdesk.ui.exchange.ExchangeView;
import org.perfdesk.ui.exchange.ExchangeViewModel;
import org.perfdesk.ui.exchange.InboxView;
import org.perfdesk.ui.goaltree.GoalTreeView;
import org.perfdesk.ui.goaltree.GoalTreeViewModel;
import org.perfdesk.ui.overview.OverviewView;
import org.perfdesk.ui.overview.OverviewViewModel;
import org.perfdesk.ui.progress.ProgressView;
import org.perfdesk.ui.progress.ProgressViewModel;
import org.perfdesk.ui.reports.ReportsView;
import org.perfdesk.ui.reports.ReportsViewModel;
import org.perfdesk.ui.selfassessment.SelfAssessmentView;
import org.perfdesk.ui.selfassessment.SelfAssessmentViewModel;
import org.perfdesk.ui.settings.SettingsView;
import org.perfdesk.ui.units.UnitsView;
import org.perfdesk.ui.units.UnitsViewModel;

/**
 * The main window of an open workspace: the year's work on the left in the plan's order, the unit,
 * year and role on top, one screen in the centre (each keeps its state), the status bar below.
 */
public final class MainWindow {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Room kept for the navigation's scroll bar, which a short window needs. */
    private static final double NAV_SCROLL_BAR = 14;

    private final WorkspaceContext ctx;
    private final SettingsView.Actions actions;
    private final BorderPane root = new BorderPane();
    private final StackPane centre = new StackPane();
    private final ListView<NavEntry> nav = new ListView<>();
    private final Map<String, Screen> screens = new HashMap<>();
    private final Set<String> stale = new HashSet<>();
    private NavEntry shown;

    /** @param actions what the settings screen asks of the shell (language, switching, restoring) */
    public MainWindow(WorkspaceContext ctx, SettingsView.Actions actions) {
        this.ctx = ctx;
        this.actions = actions;
        root.setId("main-window");
        root.getStyleClass().add("main-window");
        root.setTop(header());
        root.setLeft(navigation(entries(ctx, actions)));
        centre.getStyleClass().add("centre");
        // A screen fills the centre; only a window smaller than the screen's minimum scrolls it as a whole.
        javafx.scene.control.ScrollPane scroll = Layouts.fitOrScroll(centre);
        scroll.setId("centre-scroll");
        root.setCenter(scroll);
        root.setBottom(statusBar());
        ctx.yearProperty().addListener((obs, old, y) -> yearChanged(y.intValue()));
        ctx.setNavigator(this::go);
        // What one screen saves (a new indicator, a quarter's progress, an import) shows on the others:
        // each reloads when next visited. The screen in front keeps its state (and its undo history).
        ctx.lastSaveProperty().addListener((obs, old, when) -> {
            NavEntry current = nav.getSelectionModel().getSelectedItem();
            screens.keySet().stream().filter(id -> current == null || !id.equals(current.id())).forEach(stale::add);
        });
        nav.getSelectionModel().selectFirst();
    }

    /** The navigation of {@code ctx}'s workspace (also built for a throwaway context by {@link ScreenWarmer}). */
    static List<NavEntry> entries(WorkspaceContext ctx, SettingsView.Actions actions) {
        List<NavEntry> list = new ArrayList<>();
        list.add(new NavEntry("overview", "nav.overview",
                () -> new OverviewView(new OverviewViewModel(ctx), ctx)));
        if (ctx.role() == Role.OFFICE) {
            list.add(new NavEntry("inbox", "nav.inbox", () -> new InboxView(ctx)));
            list.add(new NavEntry("tracker", "nav.tracker", () -> new TrackerView(ctx)));
            list.add(new NavEntry("indicators", "nav.system", () -> new org.perfdesk.ui.evaluation.IndicatorSystemView(
                    new org.perfdesk.ui.evaluation.IndicatorSystemViewModel(ctx))));
            list.add(new NavEntry("review", "nav.review", () -> new ReviewView(new ReviewViewModel(ctx))));
            list.add(new NavEntry("assessment", "nav.assessment",
                    () -> new AssessmentView(new AssessmentViewModel(ctx))));
            list.add(new NavEntry("appraisal", "nav.appraisal", () -> new AppraisalView(ctx)));
            list.add(new NavEntry("inspection", "nav.inspection",
                    () -> new InspectionView(new InspectionViewModel(ctx))));
            list.add(new NavEntry("results", "nav.results", () -> new ResultsView(new ResultsViewModel(ctx))));
            list.add(new NavEntry("feedback", "nav.feedback", () -> new FeedbackView(ctx)));
            list.add(new NavEntry("units", "nav.units", () -> new UnitsView(new UnitsViewModel(ctx), "nav.units")));
            list.add(new NavEntry("scheme", "nav.scheme", () -> new SchemeView(ctx)));
            list.add(new NavEntry("audit", "nav.audit", () -> new AuditView(ctx)));
        } else {
            list.add(new NavEntry("goals", "nav.goals", () -> new GoalTreeView(new GoalTreeViewModel(ctx))));
            list.add(new NavEntry("plan", "nav.plan", () -> new org.perfdesk.ui.plan.PlanView(
                    new org.perfdesk.ui.plan.PlanViewModel(ctx))));
            list.add(new NavEntry("system", "nav.system", () -> new org.perfdesk.ui.plan.SystemLinkView(
                    new org.perfdesk.ui.plan.SystemLinkViewModel(ctx))));
            list.add(new NavEntry("monitoring", "nav.monitoring", () -> new org.perfdesk.ui.plan.MonitoringView(
                    new org.perfdesk.ui.plan.MonitoringViewModel(ctx))));
            list.add(new NavEntry("progress", "nav.progress", () -> new ProgressView(new ProgressViewModel(ctx))));
            list.add(new NavEntry("reports", "nav.reports", () -> new ReportsView(new ReportsViewModel(ctx))));
            list.add(new NavEntry("selfassessment", "nav.selfAssessment",
                    () -> new SelfAssessmentView(new SelfAssessmentViewModel(ctx))));
            list.add(new NavEntry("result", "nav.result", () -> new ResultView(ctx)));
            list.add(new NavEntry("rectification", "nav.rectification", () -> new RectificationView(ctx)));
            list.add(new NavEntry("exchange", "nav.exchange",
                    () -> new ExchangeView(new ExchangeViewModel(ctx), ctx)));
            if (isCollector(ctx)) {
                list.add(new NavEntry("subunits", "nav.subUnits",
                        () -> new UnitsView(new UnitsViewModel(ctx), "nav.subUnits")));
                list.add(new NavEntry("inbox", "nav.subUnitInbox", () -> new InboxView(ctx)));
            }
        }
        list.add(new NavEntry("documents", "nav.documents", () -> new org.perfdesk.ui.settings.DocumentsView(ctx)));
        list.add(new NavEntry("settings", "nav.settings", () -> new SettingsView(ctx, actions)));
        return list;
    }

    /** A unit with sub-units of its own (a city with counties and departments) also collects. */
    private static boolean isCollector(WorkspaceContext ctx) {
        List<OrgUnit> children = ctx.workspace().orgUnits().findChildren(ctx.self().code());
        return children.stream().anyMatch(o -> !o.kind().isInternal());
    }

    /**
     * Once the window is up, builds every screen not yet opened once, off-screen and one at a time (see
     * {@link ScreenWarmer}), so the first visit to each does not pay for loading its code and styles.
     */
    public void warmScreensLater() {
        warmScreensLater(() -> { });
    }

    /** As {@link #warmScreensLater()}; {@code done} runs on the JavaFX thread when it has ended. */
    public void warmScreensLater(Runnable done) {
        ScreenWarmer.start(ctx, actions, root, screens::containsKey, done);
    }

    private static NavEntry planned(String id, String key) {
        return new NavEntry(id, key, () -> new PlannedScreen(id, key));
    }

    private HBox header() {
        Label app = new Label(Texts.t("app.name"));
        app.getStyleClass().add("app-name");
        Label unit = new Label(ctx.self().name());
        unit.setId("header-unit");
        unit.getStyleClass().add("header-unit");
        Label role = new Label(Texts.current().of(ctx.role()));
        role.setId("header-role");
        role.getStyleClass().add("role-badge");
        // The workspace's years; one added later (a new year's tree, a package for a year it lacked) joins.
        ComboBox<Integer> year = new ComboBox<>(ctx.years());
        year.setId("header-year");
        year.setValue(ctx.year());
        year.valueProperty().addListener((obs, old, y) -> {
            if (y != null && y != ctx.year()) {
                if (unsavedEntry().isPresent()) {
                    // What was typed for this year cannot be saved yet: the year stays.
                    javafx.application.Platform.runLater(() -> year.setValue(ctx.year()));
                    return;
                }
                ctx.yearProperty().set(y);
            }
        });
        // A year switched to elsewhere (a new year's tree) joins the list and is shown.
        ctx.yearProperty().addListener((obs, old, y) -> {
            ctx.yearAdded(y.intValue());
            year.setValue(y.intValue());
        });
        Label yearLabel = new Label(Texts.t("header.year"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        javafx.scene.control.Hyperlink help = new javafx.scene.control.Hyperlink(Texts.t("header.help"));
        help.setId("header-help");
        help.setOnAction(e -> HelpDialog.show(root.getScene().getWindow()));
        HBox bar = new HBox(12, app, new Separator(javafx.geometry.Orientation.VERTICAL), unit, role, spacer,
                yearLabel, year, help);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("header");
        return bar;
    }

    private ListView<NavEntry> navigation(List<NavEntry> entries) {
        nav.setId("nav");
        nav.getStyleClass().add("nav");
        nav.getItems().setAll(entries);
        nav.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(NavEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : Texts.t(entry.labelKey()));
                setId(empty || entry == null ? null : "nav-" + entry.id());
            }
        });
        nav.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (entry != null) {
                show(entry);
            }
        });
        sizeNavigationToItsWords();
        return nav;
    }

    /**
     * The navigation is as wide as its longest entry in the chosen language (narrow in Chinese, wider
     * in English), with room for a scroll bar on a short window, so the screen gets the rest.
     * Measured once the cells have their font from the stylesheet.
     */
    private void sizeNavigationToItsWords() {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            Node cell = nav.lookup(".list-cell");
            if (!(cell instanceof ListCell<?> c) || nav.getScene() == null) {
                return;
            }
            nav.getScene().removePostLayoutPulseListener(once[0]);
            double words = 0;
            for (NavEntry entry : nav.getItems()) {
                Text text = new Text(Texts.t(entry.labelKey()));
                text.setFont(c.getFont());
                words = Math.max(words, text.getLayoutBounds().getWidth());
            }
            Insets in = c.getInsets();
            nav.setPrefWidth(Math.ceil(words + in.getLeft() + in.getRight() + NAV_SCROLL_BAR + 4));
        };
        nav.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.addPostLayoutPulseListener(once[0]);
            }
        });
    }

    private HBox statusBar() {
        Label path = new Label(Texts.t("status.workspace", ctx.workspace().dir().toAbsolutePath().toString()));
        path.setId("status-workspace");
        WorkspaceLocation location = WorkspaceLocation.of(ctx.workspace().dir());
        if (location != WorkspaceLocation.LOCAL) {
            // Said on every start while it lies there; the full text (and what to do) is under 设置.
            path.setText(path.getText() + "  " + Texts.t("location.short." + location.name()));
            path.getStyleClass().add("warning");
            // The whole path too: on a narrow window the line is cut short.
            path.setTooltip(new javafx.scene.control.Tooltip(path.getText() + "\n"
                    + Texts.t("location.warning." + location.name())));
        }
        Label who = new Label();
        who.setId("status-context");
        who.textProperty().bind(Bindings.createStringBinding(() -> Texts.t("status.context",
                ctx.self().name(), String.valueOf(ctx.year()), Texts.current().of(ctx.role())), ctx.yearProperty()));
        Label saved = new Label();
        saved.setId("status-saved");
        saved.textProperty().bind(Bindings.createStringBinding(() -> ctx.lastSaveProperty().get() == null
                ? Texts.t("status.noChanges")
                : Texts.t("status.lastSave", TIME.format(ctx.lastSaveProperty().get())), ctx.lastSaveProperty()));
        // Until a key backup holds the current encryption key; a click leads to where it is made.
        javafx.scene.control.Hyperlink keys = new javafx.scene.control.Hyperlink(Texts.t("status.keysNotBackedUp"));
        keys.setId("status-key-backup");
        keys.getStyleClass().add("warning");
        keys.setTooltip(new javafx.scene.control.Tooltip(Texts.t("settings.keys.backupMissing")));
        keys.visibleProperty().bind(ctx.keysNeedBackupProperty());
        keys.managedProperty().bind(keys.visibleProperty());
        keys.setOnAction(e -> nav.getItems().stream().filter(n -> n.id().equals("settings")).findFirst()
                .ifPresent(n -> nav.getSelectionModel().select(n)));
        Label task = new Label();
        task.textProperty().bind(ctx.tasks().titleProperty());
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(120);
        progress.progressProperty().bind(ctx.tasks().progressProperty());
        Button cancel = new Button(Texts.t("status.cancel"));
        cancel.setOnAction(e -> ctx.tasks().cancelCurrent());
        HBox work = new HBox(6, task, progress, cancel);
        work.setAlignment(Pos.CENTER_LEFT);
        work.visibleProperty().bind(ctx.tasks().runningProperty());
        work.managedProperty().bind(work.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // The path gives way on a narrow window (its tooltip has it whole); the other words stay whole.
        path.setMinWidth(0);
        HBox.setHgrow(path, Priority.SOMETIMES);
        for (Label whole : List.of(who, saved, task)) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(16, path, who, saved, keys, spacer, work);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void show(NavEntry entry) {
        if (shown != null && shown != entry && !commitEdits()) {
            // Something typed on the screen being left cannot be saved: stay there, at that field.
            NavEntry back = shown;
            javafx.application.Platform.runLater(() -> nav.getSelectionModel().select(back));
            return;
        }
        shown = entry;
        Screen screen = screens.get(entry.id());
        if (screen == null) {
            screen = entry.factory().get();
            screens.put(entry.id(), screen);
            // The screen object travels with its node, so code holding the node (tests) can reach it.
            screen.view().getProperties().put(Screen.class, screen);
            screen.refresh();
        } else if (stale.remove(entry.id())) {
            screen.refresh();
        }
        centre.getChildren().setAll(screen.view());
    }

    /** Shows the screen a refusal names, and its part (a tab), when this workspace has that screen. */
    public void go(org.perfdesk.ui.common.Place place) {
        nav.getItems().stream().filter(e -> e.id().equals(place.screen())).findFirst().ifPresent(entry -> {
            nav.getSelectionModel().select(entry);
            Screen screen = screens.get(entry.id());
            if (screen != null && place.part() != null) {
                screen.reveal(place.part());
            }
        });
    }

    private void yearChanged(int year) {
        // Remembered for the next start; the screens reload at once, their loads queue behind it.
        ctx.tasks().run(Texts.t("task.switchYear"), () -> {
            ctx.workspace().setCurrentYear(year);
            return year;
        }, y -> { });
        stale.addAll(screens.keySet());
        NavEntry current = nav.getSelectionModel().getSelectedItem();
        if (current != null) {
            show(current);
        }
    }

    /**
     * Goes to the screen that imports packages and previews these files there: the office's answers
     * go to 数据交换, packages from sub-units to 收件.
     */
    public void showImport(List<java.nio.file.Path> files) {
        PackageReader.Peek first = files.isEmpty() ? null : PackageReader.peek(files.get(0));
        boolean fromAbove = first != null && first.sender().equals(ctx.self().parentCode());
        String target = !fromAbove && nav.getItems().stream().anyMatch(e -> e.id().equals("inbox")) ? "inbox"
                : "exchange";
        for (NavEntry entry : nav.getItems()) {
            if (entry.id().equals(target)) {
                nav.getSelectionModel().select(entry);
                if (screens.get(entry.id()) instanceof PackageReceiver r) {
                    r.preview(files);
                }
                return;
            }
        }
    }

    /**
     * Ctrl+1 … Ctrl+9 jump to the navigation's entries; F6 / Shift+F6 move between the panes; F1 opens
     * the help (shortcuts and glossary). Caught before the control with the keyboard sees them: a
     * choice list would otherwise keep them.
     */
    public void installShortcuts(Scene scene) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F6 && !e.isShortcutDown() && !e.isAltDown()) {
                e.consume();
                Panes.cycle(scene, !e.isShiftDown(), nav, centre);
                return;
            }
            for (int i = 0; i < digits.length && i < nav.getItems().size(); i++) {
                if (e.getCode() == digits[i] && e.isShortcutDown() && !e.isShiftDown() && !e.isAltDown()) {
                    e.consume();
                    nav.getSelectionModel().select(i);
                    return;
                }
            }
        });
        // F1: the shortcuts and the words the window uses.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), () -> HelpDialog.show(scene.getWindow()));
    }

    /**
     * Saves what is typed on every screen (each editor on the row it was typed for). When an entry
     * cannot be saved, its field gets the keyboard, with the reason shown there, and false is
     * returned: the caller (another screen) does not go on.
     */
    public boolean commitEdits() {
        return refused(ctx.edits().commitAll()).isEmpty();
    }

    /**
     * Before the year or the workspace changes or the window closes: saves everything, and gives the
     * reason something would be left behind (its screen and field are shown), or empty.
     */
    public java.util.Optional<String> unsavedEntry() {
        return refused(ctx.edits().releaseAll());
    }

    private java.util.Optional<String> refused(java.util.Optional<PendingEdits.Editor> refused) {
        refused.ifPresent(editor -> {
            showScreenOf(editor.where());
            editor.focusRefused();
        });
        return refused.map(PendingEdits.Editor::refusal);
    }

    /** Brings the screen holding {@code node} to the front. */
    private void showScreenOf(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            for (NavEntry entry : nav.getItems()) {
                Screen screen = screens.get(entry.id());
                if (screen != null && screen.view() == n && entry != shown) {
                    nav.getSelectionModel().select(entry);
                    return;
                }
            }
        }
    }

    public Parent root() {
        return root;
    }
}
