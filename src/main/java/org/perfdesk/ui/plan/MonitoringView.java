package org.perfdesk.ui.plan;

import java.time.LocalDate;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Ids;
import org.perfdesk.domain.MonitoringKind;
import org.perfdesk.domain.MonitoringRecord;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.TypedInput;
import org.perfdesk.domain.UserError;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.DetailsSplit;
import org.perfdesk.ui.common.Forms;
import org.perfdesk.ui.common.Layouts;
import org.perfdesk.ui.common.Mnemonics;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;

/**
 * 运行监控: the year's records in a table, a form below to add one (which meeting, the quarter of a 汇报, the
 * date as typed, who chaired, what was decided, the indicators discussed); remove and undo.
 */
public final class MonitoringView implements Screen {
    private final MonitoringViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ComboBox<MonitoringKind> kind = new ComboBox<>();
    private final ComboBox<Integer> quarter = new ComboBox<>();
    private final TextField date = new TextField();
    private final TextField chair = new TextField();
    private final TextArea decisions = new TextArea();
    private final ListView<GoalNode> discussed;
    private final Label message = new Label();

    public MonitoringView(MonitoringViewModel vm) {
        this.vm = vm;
        Label title = Styles.screen(root, "screen-monitoring", Texts.t("nav.monitoring"));
        Label hint = new Label(Texts.t("monitoring.screen.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Button remove = Mnemonics.set(new Button(Texts.t("monitoring.screen.remove")), 'X');
        remove.setId("monitoring-remove");
        Button undo = Mnemonics.set(new Button(Texts.t("plan.screen.undo")), 'U');
        undo.setId("monitoring-undo");
        undo.disableProperty().bind(vm.undoStack().canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        root.setTop(new VBox(4, title, Layouts.toolbar(remove, undo), hint));

        TableView<MonitoringRecord> table = new TableView<>(vm.records());
        table.setId("monitoring-table");
        table.setPlaceholder(new Label(Texts.t("monitoring.screen.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text("monitoring.col.what", 170, MonitoringRecord::label));
        table.getColumns().add(Columns.text("monitoring.col.date", 90, r -> r.heldOn() == null ? ""
                : r.heldOn().toString()));
        table.getColumns().add(Columns.text("monitoring.col.chair", 90, MonitoringRecord::chairedBy));
        table.getColumns().add(Columns.text("monitoring.col.decisions", 260, MonitoringRecord::decisions));
        table.getColumns().add(Columns.text("monitoring.col.indicators", 200, vm::indicatorsOf));
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.remove(table.getSelectionModel().getSelectedItem()));

        kind.setId("monitoring-kind");
        kind.getItems().setAll(MonitoringKind.values());
        kind.setValue(MonitoringKind.QUARTERLY);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(MonitoringKind k) {
                return k == null ? "" : Texts.current().of(k);
            }

            @Override
            public MonitoringKind fromString(String s) {
                return null;
            }
        });
        quarter.setId("monitoring-quarter");
        quarter.getItems().setAll(1, 2, 3, 4);
        quarter.setPrefWidth(80);
        quarter.setMinWidth(Region.USE_PREF_SIZE);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        quarter.disableProperty().bind(kind.valueProperty().isNotEqualTo(MonitoringKind.QUARTERLY));
        date.setId("monitoring-date");
        date.setPromptText(Texts.t("monitoring.screen.datePrompt"));
        chair.setId("monitoring-chair");
        decisions.setId("monitoring-decisions");
        decisions.setPrefRowCount(3);
        decisions.setWrapText(true);
        discussed = new ListView<>(vm.indicators());
        discussed.setId("monitoring-indicators");
        discussed.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        discussed.setPrefHeight(110);
        discussed.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(GoalNode n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : n.title());
            }
        });
        Button add = Mnemonics.set(new Button(Texts.t("monitoring.screen.add")), 'A');
        add.setId("monitoring-add");
        add.getStyleClass().add("primary");
        add.setOnAction(e -> add());
        message.setId("monitoring-message");
        message.getStyleClass().add("validation");
        GridPane form = Forms.grid();
        // The quarter goes under the meeting's name when the form is narrow (English), not out of sight.
        form.addRow(0, label("monitoring.col.what", kind), Layouts.toolbar(kind, quarter));
        form.addRow(1, label("monitoring.col.date", date), date);
        form.addRow(2, label("monitoring.col.chair", chair), chair);
        form.addRow(3, label("monitoring.col.decisions", decisions), decisions);
        form.addRow(4, label("monitoring.col.indicators", discussed), discussed);
        message.setWrapText(true);
        form.add(new VBox(6, add, message), 1, 5);
        Label formTitle = new Label(Texts.t("monitoring.screen.new"));
        formTitle.getStyleClass().add("section-title");
        // The form to add a record beside the table where the width holds both (a 1024×600 window has no
        // height for it below), below it on a narrow window; it scrolls when the window is short.
        VBox formPane = new VBox(6, formTitle, form);
        formPane.setPadding(new javafx.geometry.Insets(0, 4, 0, 8));
        root.setCenter(DetailsSplit.of(table, 360, Layouts.form(formPane), 360, 440));
        root.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN).match(e)
                    && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                e.consume();
                vm.undo();
            }
        });
    }

    private static Label label(String key, Node field) {
        Label l = new Label(Texts.t(key));
        l.setLabelFor(field);
        return l;
    }

    private void add() {
        try {
            String typed = date.getText() == null ? "" : date.getText().strip();
            LocalDate held = typed.isEmpty() ? null : TypedInput.date(typed, vm.context().year())
                    .orElseThrow(() -> new UserError("plan.screen.badDate", typed));
            List<String> ids = discussed.getSelectionModel().getSelectedItems().stream().map(GoalNode::id).toList();
            vm.add(new MonitoringRecord(Ids.newId(), vm.context().self().code(),
                    vm.context().year(), kind.getValue(), quarter.getValue(), held, chair.getText(),
                    decisions.getText(), ids));
            message.setText("");
            date.clear();
            chair.clear();
            decisions.clear();
            discussed.getSelectionModel().clearSelection();
        } catch (UserError err) {
            message.setText(err.getLocalizedMessage());
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
