package org.perfdesk.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.animation.PauseTransition;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The first rows a table or tree table shows in a program's life cost 100–300 ms of JavaFX-thread work
 * however few they are: the row and cell skins' classes are loaded and their code run for the first time.
 * The screens warmed after start ({@code ScreenWarmer}) have no data, so they never make a row. This
 * makes some while nobody waits: a table, a tree table and a list with a few rows of text, each in a
 * scene of its own with the program's stylesheets, styled and laid out once and dropped, one per step
 * with a pause between so no frame does more than one of them. Nothing is shown, no window is opened,
 * no workspace is read. Off with {@code -Dperfdesk.warmRows=false}.
 */
public final class RowWarmUp {
    private static final Logger LOG = Logger.getLogger(RowWarmUp.class.getName());
    /** Between two steps: the window answers in between. */
    private static final Duration GAP = Duration.millis(100);
    private static final int ROWS = 40;
    private static volatile boolean done;

    private RowWarmUp() {
    }

    /** Whether the warm-up has run to its end in this program (once is enough). */
    public static boolean done() {
        return done;
    }

    /**
     * Starts the warm-up on the JavaFX thread (call it there), one step per {@link #GAP}; {@code then}
     * runs on the JavaFX thread when it has ended, at once if it ran before or is switched off.
     */
    public static void start(Runnable then) {
        if (done || !Boolean.parseBoolean(System.getProperty("perfdesk.warmRows", "true"))) {
            then.run();
            return;
        }
        warm(then);
    }

    /** The warm-up itself, whether or not it ran before (tests). */
    static void warm(Runnable then) {
        Deque<Runnable> steps = new ArrayDeque<>(List.of(RowWarmUp::table, RowWarmUp::treeTable, RowWarmUp::list));
        next(steps, then);
    }

    private static void next(Deque<Runnable> steps, Runnable then) {
        if (steps.isEmpty()) {
            done = true;
            then.run();
            return;
        }
        try {
            steps.poll().run();
        } catch (RuntimeException e) {
            // Only a head start: the real rows are made as without this.
            LOG.log(Level.FINE, "rows not warmed", e);
        }
        PauseTransition gap = new PauseTransition(GAP);
        gap.setOnFinished(e -> next(steps, then));
        gap.play();
    }

    private static void table() {
        TableView<String[]> table = new TableView<>();
        table.getColumns().add(Columns.text("app.name", 120, r -> r[0]));
        table.getColumns().add(Columns.text("app.name", 80, r -> r[1]));
        TableColumn<String[], String> editable = new TableColumn<>("c");
        editable.setCellValueFactory(c -> new SimpleStringProperty(c.getValue()[2]));
        editable.setCellFactory(c -> Cells.editableText());
        table.getColumns().add(editable);
        for (int i = 0; i < ROWS; i++) {
            table.getItems().add(new String[] {"行 " + i, String.valueOf(i), "说明 " + i});
        }
        table.getSelectionModel().select(1);
        layOut(table);
    }

    private static void treeTable() {
        TreeTableView<String[]> tree = new TreeTableView<>();
        tree.getColumns().add(Columns.treeText("app.name", 160, r -> r[0]));
        tree.getColumns().add(Columns.treeText("app.name", 80, r -> r[1]));
        TreeTableColumn<String[], String> editable = new TreeTableColumn<>("c");
        editable.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().getValue()[1]));
        editable.setCellFactory(c -> Cells.editableTreeText());
        tree.getColumns().add(editable);
        TreeItem<String[]> root = new TreeItem<>(new String[] {"根", "0"});
        root.setExpanded(true);
        for (int i = 0; i < ROWS / 4; i++) {
            TreeItem<String[]> branch = new TreeItem<>(new String[] {"节点 " + i, String.valueOf(i)});
            branch.setExpanded(true);
            for (int j = 0; j < 3; j++) {
                branch.getChildren().add(new TreeItem<>(new String[] {"指标 " + i + "." + j, String.valueOf(j)}));
            }
            root.getChildren().add(branch);
        }
        tree.setRoot(root);
        tree.getSelectionModel().select(2);
        layOut(tree);
    }

    private static void list() {
        ListView<String> list = new ListView<>();
        for (int i = 0; i < ROWS; i++) {
            list.getItems().add("项 " + i);
        }
        layOut(new StackPane(list, new CheckBox("c")));
    }

    /** Styled and laid out in a scene of its own, never shown, then dropped with it. */
    private static void layOut(Parent control) {
        StackPane holder = new StackPane(control);
        Scene scene = new Scene(holder, 1000, 600);
        Styles.apply(scene);
        holder.applyCss();
        holder.layout();
    }
}
