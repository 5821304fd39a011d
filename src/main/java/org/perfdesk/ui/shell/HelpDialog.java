package org.perfdesk.ui.shell;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Styles;

/**
 * The F1 page: the keyboard shortcuts, screen by screen, and 术语说明, the words the window uses, each
 * said in a sentence a clerk can pass on. A window of its own beside the main one (not modal), so it
 * can stay open while the user tries a key; F1 again brings it to the front, Escape closes it.
 */
public final class HelpDialog {
    /** A group of shortcuts: its heading key and the keys with what they do (text keys under help.key.*). */
    private record Section(String heading, List<String> keys) {
    }

    /** What the keys are (shown as written, they are the same in both languages) and what they do. */
    private static final List<Section> SHORTCUTS = List.of(
            new Section("help.keys.everywhere", List.of("f1", "ctrlDigit", "f6", "tab", "enter", "escape",
                    "undo", "find")),
            new Section("help.keys.goals", List.of("insert", "ctrlInsert", "indent", "move", "delete", "f2",
                    "drag")),
            new Section("help.keys.lists", List.of("ctrlN", "listEnter", "listDelete", "ctrlS")));

    /** The terms of 术语说明, in the order the year's work meets them. */
    private static final List<String> GLOSSARY = List.of("unit", "office", "collector", "goalTree", "indicator",
            "weight", "progress", "selfAssessment", "evaluation", "spotCheck", "appraisal", "inspection",
            "rectification", "package", "review", "receipt", "passphrase", "keyFile", "checkCode", "enrollment",
            "certificate", "signature", "encryption", "outbox", "checkValue", "freeze", "backup");

    private static Stage open;

    private HelpDialog() {
    }

    /** Shows the help beside {@code owner} (one window; a second F1 brings it to the front). */
    public static Stage show(Window owner) {
        if (open != null && open.isShowing()) {
            open.toFront();
            return open;
        }
        TabPane tabs = new TabPane(tab("help.tab.keys", "help-keys", shortcuts()),
                tab("help.tab.glossary", "help-glossary", glossary()));
        tabs.setId("help-tabs");
        Button close = new Button(Texts.t("button.close"));
        close.setId("help-close");
        // Escape closes it, as it closes dialogs.
        close.setCancelButton(true);
        HBox bottom = new HBox(close);
        bottom.setPadding(new Insets(8, 12, 8, 12));
        BorderPane root = new BorderPane(tabs);
        root.setId("help");
        root.setBottom(bottom);
        bottom.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);

        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(Texts.t("help.title"));
        Scene scene = new Scene(root, 680, 540);
        Styles.apply(scene);
        stage.setScene(scene);
        close.setOnAction(e -> stage.close());
        stage.show();
        open = stage;
        return stage;
    }

    private static Tab tab(String titleKey, String id, javafx.scene.Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId(id);
        Tab tab = new Tab(Texts.t(titleKey), scroll);
        tab.setClosable(false);
        return tab;
    }

    private static VBox shortcuts() {
        VBox box = new VBox(10);
        box.setPadding(new Insets(12, 16, 12, 16));
        Label intro = new Label(Texts.t("help.keys.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("hint");
        box.getChildren().add(intro);
        for (Section s : SHORTCUTS) {
            Label heading = new Label(Texts.t(s.heading()));
            heading.getStyleClass().add("section-title");
            GridPane grid = grid(160);
            for (String key : s.keys()) {
                row(grid, Texts.t("help.key." + key), Texts.t("help.key." + key + ".what"), "help-key");
            }
            box.getChildren().addAll(heading, grid);
        }
        return box;
    }

    private static VBox glossary() {
        VBox box = new VBox(10);
        box.setPadding(new Insets(12, 16, 12, 16));
        Label intro = new Label(Texts.t("help.glossary.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("hint");
        GridPane grid = grid(110);
        for (String term : GLOSSARY) {
            row(grid, Texts.t("glossary." + term), Texts.t("glossary." + term + ".what"), "help-term");
        }
        box.getChildren().addAll(intro, grid);
        return box;
    }

    private static GridPane grid(double firstColumn) {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(6);
        ColumnConstraints name = new ColumnConstraints(firstColumn);
        ColumnConstraints what = new ColumnConstraints();
        what.setHgrow(Priority.ALWAYS);
        what.setFillWidth(true);
        grid.getColumnConstraints().addAll(name, what);
        return grid;
    }

    private static void row(GridPane grid, String name, String what, String styleClass) {
        Label n = new Label(name);
        n.getStyleClass().add(styleClass);
        n.setWrapText(true);
        Label w = new Label(what);
        w.setWrapText(true);
        w.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.addRow(grid.getRowCount(), n, w);
        GridPane.setValignment(n, javafx.geometry.VPos.TOP);
    }
}
