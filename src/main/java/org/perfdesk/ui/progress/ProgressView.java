package org.perfdesk.ui.progress;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiFunction;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.converter.DefaultStringConverter;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.ui.common.Mnemonics;
import org.perfdesk.ui.common.Cells;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.RowEditor;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.Typed;
import org.perfdesk.ui.common.Layouts;

/**
 * 进度监控: the indicators of one quarter as an editable table (value, completion, status, what was
 * done), the gap analysis (problems, causes, measures) of the selected indicator below. Status is
 * shown as a word with a colour, never colour alone.
 */
public final class ProgressView implements Screen {
    private final ProgressViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<ProgressViewModel.Row> table;
    private final Label message = new Label();
    private final TextArea problems = gapArea("progress-problems");
    private final TextArea causes = gapArea("progress-causes");
    private final TextArea measures = gapArea("progress-measures");
    /** The gap analysis is typed for one indicator in one quarter, and saved there. */
    private record Entry(String nodeId, int quarter) {
    }

    private final RowEditor<Entry> gaps;
    private String selectedNode;
    private javafx.beans.property.ObjectProperty<Integer> quarterValue;

    public ProgressView(ProgressViewModel vm) {
        this.vm = vm;
        gaps = new RowEditor<Entry>(vm.context().edits(), message::setText, this::saveGap)
                .text(problems, causes, measures);
        Label title = Styles.screen(root, "screen-progress", Texts.t("nav.progress"));
        ComboBox<Integer> quarter = new ComboBox<>();
        quarter.setId("progress-quarter");
        quarter.getItems().addAll(1, 2, 3, 4);
        quarter.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer q) {
                return q == null ? "" : Texts.t("progress.quarter", q);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        // Held in a field: a bidirectional binding keeps only weak references to its ends.
        quarterValue = vm.quarterProperty().asObject();
        quarter.valueProperty().bindBidirectional(quarterValue);
        Label summary = new Label();
        summary.setId("progress-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Button undo = Mnemonics.set(new Button(Texts.t("goals.undo")), 'U');
        undo.disableProperty().bind(vm.undoStack().canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        Button redo = Mnemonics.set(new Button(Texts.t("goals.redo")), 'R');
        redo.disableProperty().bind(vm.undoStack().canRedoProperty().not());
        redo.setOnAction(e -> vm.redo());
        javafx.scene.layout.FlowPane toolbar = Layouts.toolbar(Layouts.labelled(Texts.t("progress.chooseQuarter"), quarter),
                undo, redo, summary);
        message.getStyleClass().add("validation");
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Label hint = new Label(Texts.t("progress.editHint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        root.setTop(new VBox(4, title, toolbar, hint, message));

        table = new TableView<>(vm.rows());
        table.setId("progress-table");
        table.setEditable(true);
        table.setPlaceholder(new Label(Texts.t("progress.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ProgressViewModel.Row, String> indicator = Columns.text("progress.col.indicator", 220,
                r -> r.node().title());
        Cells.fullTextOnHover(indicator);
        table.getColumns().add(indicator);
        table.getColumns().add(Columns.text("progress.col.owner", 120, ProgressViewModel.Row::owner));
        table.getColumns().add(Columns.text("progress.col.target", 90, ProgressViewModel.Row::target));
        table.getColumns().add(editable("progress.col.actual", 100, ProgressViewModel.Row::actual, (p, text) -> {
            BigDecimal v = number(text, "progress.col.actual");
            return v == null && !text.isBlank() ? null : with(p, v, p.completionPercent(), p.status(), p.narrative());
        }));
        table.getColumns().add(editable("progress.col.completion", 70, ProgressViewModel.Row::completion,
                (p, text) -> {
                    BigDecimal v = number(text.replace("%", ""), "progress.col.completion");
                    return v == null && !text.isBlank() ? null : with(p, p.actualValue(), v, p.status(), p.narrative());
                }));
        table.getColumns().add(Columns.text("progress.col.ruleCompletion", 80, ProgressViewModel.Row::ruleCompletion));
        table.getColumns().add(statusColumn());
        TableColumn<ProgressViewModel.Row, String> narrative = editable("progress.col.narrative", 260,
                r -> r.progress() == null || r.progress().narrative() == null ? "" : r.progress().narrative(),
                (p, text) -> with(p, p.actualValue(), p.completionPercent(), p.status(),
                        text.isBlank() ? null : text.strip()));
        table.getColumns().add(narrative);
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);

        SplitPane split = new SplitPane(table, gapPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        root.setCenter(split);
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (row != null) {
                selectedNode = row.node().id();
            }
            fill(row);
        });
        vm.rows().addListener((javafx.collections.ListChangeListener<ProgressViewModel.Row>) c -> {
            // Rows are rebuilt after every change: keep the one the user was on.
            if (selectedNode != null) {
                vm.rows().stream().filter(r -> r.node().id().equals(selectedNode)).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        });
    }

    private TableColumn<ProgressViewModel.Row, String> statusColumn() {
        TableColumn<ProgressViewModel.Row, String> status = Columns.text("progress.col.status", 80,
                r -> r.status() == null ? Texts.t("progress.notReported") : Texts.current().of(r.status()));
        status.setEditable(true);
        status.setMinWidth(92); // "Not reported" whole: the word is the status, the colour only repeats it
        List<String> words = java.util.Arrays.stream(ProgressStatus.values()).map(s -> Texts.current().of(s)).toList();
        status.setCellFactory(col -> new StatusCell(words));
        status.setOnEditCommit(e -> {
            ProgressStatus chosen = null;
            for (ProgressStatus s : ProgressStatus.values()) {
                if (Texts.current().of(s).equals(e.getNewValue())) {
                    chosen = s;
                }
            }
            Progress p = e.getRowValue().current(vm.quarterProperty().get());
            vm.update(e.getRowValue(), with(p, p.actualValue(), p.completionPercent(), chosen, p.narrative()));
        });
        return status;
    }

    private TableColumn<ProgressViewModel.Row, String> editable(String key, double width,
            java.util.function.Function<ProgressViewModel.Row, String> value,
            BiFunction<Progress, String, Progress> parse) {
        TableColumn<ProgressViewModel.Row, String> c = Columns.text(key, width, value);
        c.setEditable(true);
        c.setCellFactory(col -> Cells.editableText());
        c.setOnEditCommit(e -> {
            Progress p = e.getRowValue().current(vm.quarterProperty().get());
            String text = e.getNewValue() == null ? "" : e.getNewValue();
            // The cell shows "9.1 亿元": the unit after the number is not part of the value.
            Progress changed = parse.apply(p, key.equals("progress.col.actual") ? text.strip().split("\\s+")[0] : text);
            if (changed == null) {
                table.refresh();
                return;
            }
            message.setText("");
            vm.update(e.getRowValue(), changed);
            // The rows are rebuilt after a change; the keyboard stays in the table.
            javafx.application.Platform.runLater(table::requestFocus);
        });
        return c;
    }

    private static Progress with(Progress p, BigDecimal actual, BigDecimal completion, ProgressStatus status,
                                 String narrative) {
        return new Progress(p.nodeId(), p.quarter(), actual, completion, status, narrative, p.problems(), p.causes(),
                p.measures());
    }

    private BigDecimal number(String text, String columnKey) {
        try {
            return Typed.number(text, Texts.t(columnKey));
        } catch (UserError ex) {
            message.setText(ex.getLocalizedMessage());
            return null;
        }
    }

    private void keys(KeyEvent e) {
        if (table.getEditingCell() != null || !e.isShortcutDown()) {
            return;
        }
        if (e.getCode() == KeyCode.Z && !e.isShiftDown()) {
            vm.undo();
            e.consume();
        } else if (e.getCode() == KeyCode.Y || e.getCode() == KeyCode.Z) {
            vm.redo();
            e.consume();
        }
    }

    private static TextArea gapArea(String id) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setWrapText(true);
        a.setPrefRowCount(3);
        return a;
    }

    /** 问题、原因、措施 of the selected indicator, saved when the user leaves a field. */
    private Node gapPane() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label(Texts.t("progress.col.gapProblems")), new Label(Texts.t("progress.col.gapCauses")),
                new Label(Texts.t("progress.col.gapMeasures")));
        grid.addRow(1, problems, causes, measures);
        for (TextArea a : List.of(problems, causes, measures)) {
            GridPane.setHgrow(a, Priority.ALWAYS);
            GridPane.setVgrow(a, Priority.ALWAYS);
        }
        Label title = new Label(Texts.t("progress.gapTitle"));
        title.getStyleClass().add("section-title");
        VBox box = new VBox(4, title, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        box.setDisable(true);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> box.setDisable(row == null));
        return box;
    }

    /** Shows the selected indicator's gap analysis, after saving what was typed for the one shown before. */
    private void fill(ProgressViewModel.Row row) {
        Entry entry = row == null ? null : new Entry(row.node().id(), vm.quarterProperty().get());
        Progress p = row == null ? null : row.progress();
        if (!gaps.show(entry, () -> {
            gaps.set(problems, p == null ? null : p.problems());
            gaps.set(causes, p == null ? null : p.causes());
            gaps.set(measures, p == null ? null : p.measures());
        })) {
            // What was typed cannot be saved: stay on its indicator (the reason is shown).
            String back = gaps.key().nodeId();
            javafx.application.Platform.runLater(() -> vm.rows().stream().filter(r -> r.node().id().equals(back))
                    .findFirst().ifPresent(r -> table.getSelectionModel().select(r)));
        }
    }

    private void saveGap(Entry entry) {
        Progress p = vm.entry(entry.nodeId(), entry.quarter());
        Progress changed = new Progress(p.nodeId(), p.quarter(), p.actualValue(), p.completionPercent(), p.status(),
                p.narrative(), blankToNull(problems.getText()), blankToNull(causes.getText()),
                blankToNull(measures.getText()));
        vm.update(entry.nodeId(), changed);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Status as a word with a colour class, editable from a list. */
    private final class StatusCell extends ComboBoxTableCell<ProgressViewModel.Row, String> {
        StatusCell(List<String> words) {
            super(new DefaultStringConverter(), words.toArray(String[]::new));
        }

        @Override
        public void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            getStyleClass().removeIf(c -> c.startsWith("status-"));
            ProgressViewModel.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (row != null) {
                ProgressStatus s = row.status();
                getStyleClass().add(s == null ? "status-none" : "status-" + s.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void refresh() {
        vm.load();
    }
}
