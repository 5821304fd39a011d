package org.perfdesk.ui.selfassessment;


import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.converter.DefaultStringConverter;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.domain.SelfScore;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.ui.common.Mnemonics;
import org.perfdesk.ui.common.Cells;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.RowEditor;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.Layouts;

/** 自评: score or level per indicator with the reason and evidence; the roll-up per goal. */
public final class SelfAssessmentView implements Screen {
    private final SelfAssessmentViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<SelfAssessmentViewModel.Row> table = new TableView<>();
    private final TextArea reason = new TextArea();
    private final Label message = new Label();
    /** The reason is typed for one item and saved on it, whatever is clicked next. */
    private final RowEditor<String> reasons;
    private String selectedNode;

    public SelfAssessmentView(SelfAssessmentViewModel vm) {
        this.vm = vm;
        reasons = new RowEditor<String>(vm.context().edits(), message::setText, this::saveReason).text(reason);
        Label title = Styles.screen(root, "screen-selfassessment", Texts.t("nav.selfAssessment"));
        Label total = new Label();
        total.setId("self-total");
        total.getStyleClass().add("section-title");
        total.textProperty().bind(vm.totalProperty());
        Button undo = Mnemonics.set(new Button(Texts.t("goals.undo")), 'U');
        undo.disableProperty().bind(vm.undoStack().canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        Button redo = Mnemonics.set(new Button(Texts.t("goals.redo")), 'R');
        redo.disableProperty().bind(vm.undoStack().canRedoProperty().not());
        redo.setOnAction(e -> vm.redo());
        javafx.scene.layout.FlowPane bar = Layouts.toolbar(undo, redo, total);
        Label hint = new Label(Texts.t("self.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        message.setId("self-message");
        message.getStyleClass().add("validation");
        message.setWrapText(true);
        root.setTop(new VBox(4, title, bar, hint, message));

        buildTable();
        SplitPane lower = new SplitPane(reasonPane(), evidencePane(), sumsPane());
        lower.setDividerPositions(0.4, 0.72);
        // On a short window the reason, evidence and sums scroll below the table rather than pushing it out.
        SplitPane split = new SplitPane(table, Layouts.fitOrScroll(lower));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        root.setCenter(split);
    }

    private void buildTable() {
        table.setId("self-table");
        table.setItems(vm.rows());
        table.setEditable(true);
        table.setPlaceholder(new Label(Texts.t("progress.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<SelfAssessmentViewModel.Row, String> indicator = Columns.text("progress.col.indicator", 240,
                r -> r.node().title());
        Cells.fullTextOnHover(indicator);
        table.getColumns().add(indicator);
        table.getColumns().add(Columns.text("progress.col.owner", 120, SelfAssessmentViewModel.Row::owner));
        table.getColumns().add(Columns.text("goals.col.weight", 55, r -> Numbers.plain(r.node().weight())));
        // Beside the score: what the item's indicator aims at and how far it got, as reported.
        TableColumn<SelfAssessmentViewModel.Row, String> target = Columns.text("self.col.target", 120,
                SelfAssessmentViewModel.Row::target);
        Cells.fullTextOnHover(target);
        table.getColumns().add(target);
        TableColumn<SelfAssessmentViewModel.Row, String> progress = Columns.text("self.col.progress", 200,
                SelfAssessmentViewModel.Row::progress);
        Cells.fullTextOnHover(progress);
        table.getColumns().add(progress);
        table.getColumns().add(Columns.text("self.col.computed", 70, SelfAssessmentViewModel.Row::computedText));
        TableColumn<SelfAssessmentViewModel.Row, String> score = Columns.text("self.col.score", 70,
                SelfAssessmentViewModel.Row::score);
        score.setEditable(true);
        score.setCellFactory(c -> Cells.editableText());
        score.setOnEditCommit(e -> change(e.getRowValue(), a -> new SelfAssessment(a.nodeId(),
                SelfAssessmentViewModel.parseScore(e.getNewValue()), a.level(), a.narrative())));
        TableColumn<SelfAssessmentViewModel.Row, String> level = Columns.text("self.col.level", 80,
                SelfAssessmentViewModel.Row::level);
        level.setEditable(true);
        level.setCellFactory(c -> new ComboBoxTableCell<>(new DefaultStringConverter()) {
            @Override
            public void startEdit() {
                SelfAssessmentViewModel.Row row = getTableRow() == null ? null : getTableRow().getItem();
                if (row == null || row.levels().isEmpty()) {
                    return; // only qualitative indicators have levels
                }
                getItems().setAll(row.levels());
                super.startEdit();
            }
        });
        level.setOnEditCommit(e -> change(e.getRowValue(), a -> new SelfAssessment(a.nodeId(), a.score(),
                e.getNewValue() == null || e.getNewValue().isBlank() ? null : e.getNewValue(), a.narrative())));
        table.getColumns().add(score);
        table.getColumns().add(level);
        table.getColumns().add(Columns.text("self.col.evidence", 60,
                r -> r.evidenceCount() == 0 ? "" : Texts.t("self.evidenceCount", r.evidenceCount())));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (row != null) {
                selectedNode = row.node().id();
                vm.select(selectedNode);
            }
            String text = row == null || row.assessment() == null ? null : row.assessment().narrative();
            if (!reasons.show(row == null ? null : row.node().id(), () -> reasons.set(reason, text))) {
                String back = reasons.key();
                javafx.application.Platform.runLater(() -> vm.rows().stream()
                        .filter(r -> r.node().id().equals(back)).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r)));
            }
            reason.setDisable(row == null);
        });
        vm.rows().addListener((javafx.collections.ListChangeListener<SelfAssessmentViewModel.Row>) c -> {
            if (selectedNode != null) {
                vm.rows().stream().filter(r -> r.node().id().equals(selectedNode)).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (table.getEditingCell() == null && e.isShortcutDown() && e.getCode() == KeyCode.Z) {
                if (e.isShiftDown()) {
                    vm.redo();
                } else {
                    vm.undo();
                }
                e.consume();
            } else if (table.getEditingCell() == null && e.isShortcutDown() && e.getCode() == KeyCode.Y) {
                vm.redo();
                e.consume();
            }
        });
    }

    private void change(SelfAssessmentViewModel.Row row, java.util.function.UnaryOperator<SelfAssessment> edit) {
        try {
            vm.update(row, edit.apply(row.current()));
        } catch (UserError e) {
            table.refresh();
            Messages.error(root.getScene().getWindow(), e);
        }
        javafx.application.Platform.runLater(table::requestFocus);
    }

    /** Saves the reason typed for item {@code nodeId}. */
    private void saveReason(String nodeId) {
        String text = reason.getText() == null || reason.getText().isBlank() ? null : reason.getText().strip();
        vm.rows().stream().filter(r -> r.node().id().equals(nodeId)).findFirst().ifPresent(row -> {
            SelfAssessment a = row.current();
            vm.update(row, new SelfAssessment(a.nodeId(), a.score(), a.level(), text));
        });
    }

    private Node reasonPane() {
        reason.setId("self-reason");
        reason.setWrapText(true);
        reason.setDisable(true);
        Label title = new Label(Texts.t("self.reason"));
        title.getStyleClass().add("section-title");
        VBox box = new VBox(4, title, reason);
        VBox.setVgrow(reason, Priority.ALWAYS);
        return box;
    }

    private Node evidencePane() {
        return new EvidencePane(vm, table.getSelectionModel().selectedItemProperty().isNotNull());
    }

    private Node sumsPane() {
        TableView<SelfScore.Sum> sums = new TableView<>(vm.sums());
        sums.setId("self-sums");
        sums.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        sums.getColumns().add(Columns.text("self.col.goal", 160, SelfScore.Sum::title));
        sums.getColumns().add(Columns.text("self.col.given", 60, s -> Numbers.plain(s.given())));
        sums.getColumns().add(Columns.text("self.col.computed", 60, s -> Numbers.plain(s.computed())));
        sums.getColumns().add(Columns.text("self.col.available", 60, s -> Numbers.plain(s.available())));
        Label title = new Label(Texts.t("self.sums"));
        title.getStyleClass().add("section-title");
        VBox box = new VBox(4, title, sums);
        VBox.setVgrow(sums, Priority.ALWAYS);
        return box;
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
