package org.perfdesk.ui.plan;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Layouts;
import org.perfdesk.ui.common.Mnemonics;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;

/**
 * 指标体系 at a unit: the office's indicators (code, name, points, data source) and the tree's indicator linked
 * to each; 按名称对应 takes every suggestion, a chosen indicator of the tree is linked to the selected code
 * (Enter in the list), 取消对应 unlinks, 补充缺少的指标 adds the missing ones under a goal; undo for each.
 */
public final class SystemLinkView implements Screen {
    private final SystemLinkViewModel vm;
    private final BorderPane root = new BorderPane();

    public SystemLinkView(SystemLinkViewModel vm) {
        this.vm = vm;
        Label title = Styles.screen(root, "screen-system", Texts.t("nav.system"));
        Label summary = new Label();
        summary.setId("system-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());

        TableView<SystemLinkViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("system-table");
        table.setPlaceholder(new Label(Texts.t("system.screen.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text("system.col.code", 70, r -> r.item().code()));
        table.getColumns().add(Columns.text("system.col.name", 240, r -> "　".repeat(Math.max(0, r.item().level() - 1))
                + r.item().name()));
        table.getColumns().add(Columns.text("system.col.weight", 50, r -> r.item().weight() == null ? ""
                : Numbers.plain(r.item().weight())));
        table.getColumns().add(Columns.text("system.col.source", 110, r -> r.item().dataSource()));
        table.getColumns().add(Columns.text("system.col.linked", 240, SystemLinkViewModel.Row::state));

        Button byName = Mnemonics.set(new Button(Texts.t("system.screen.linkByName")), 'N');
        byName.setId("system-link-by-name");
        byName.setOnAction(e -> vm.linkByName());
        ComboBox<GoalNode> indicator = nodes(vm.indicators(), "system-indicator", "system.screen.pickIndicator");
        Button link = Mnemonics.set(new Button(Texts.t("system.screen.link")), 'L');
        link.setId("system-link");
        link.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(indicator.valueProperty().isNull()));
        link.setOnAction(e -> vm.link(table.getSelectionModel().getSelectedItem(), indicator.getValue()));
        Button unlink = Mnemonics.set(new Button(Texts.t("system.screen.unlink")), 'X');
        unlink.setId("system-unlink");
        unlink.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        unlink.setOnAction(e -> vm.unlink(table.getSelectionModel().getSelectedItem()));
        ComboBox<GoalNode> goal = nodes(vm.goals(), "system-goal", "system.screen.pickGoal");
        Button addMissing = Mnemonics.set(new Button(Texts.t("system.screen.addMissing")), 'M');
        addMissing.setId("system-add-missing");
        addMissing.disableProperty().bind(goal.valueProperty().isNull());
        addMissing.setOnAction(e -> vm.addMissing(goal.getValue()));
        Button undo = Mnemonics.set(new Button(Texts.t("plan.screen.undo")), 'U');
        undo.setId("system-undo");
        undo.disableProperty().bind(vm.undoStack().canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        var bar = Layouts.toolbar(byName, undo);
        var linkBar = Layouts.toolbar(indicator, link, unlink);
        var addBar = Layouts.toolbar(goal, addMissing);
        Label hint = new Label(Texts.t("system.screen.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        root.setTop(new VBox(4, title, bar, hint, summary));
        root.setCenter(table);
        root.setBottom(new VBox(6, linkBar, addBar));
        // Enter on a row links the indicator chosen below; Ctrl+Z undoes the last change.
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !link.isDisabled()) {
                e.consume();
                link.fire();
            }
        });
        root.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN).match(e)) {
                e.consume();
                vm.undo();
            }
        });
    }

    private static ComboBox<GoalNode> nodes(javafx.collections.ObservableList<GoalNode> items, String id,
                                            String promptKey) {
        ComboBox<GoalNode> box = new ComboBox<>(items);
        box.setId(id);
        box.setPromptText(Texts.t(promptKey));
        box.setPrefWidth(280);
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(GoalNode n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : n.title());
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(GoalNode n) {
                return n == null ? "" : n.title();
            }

            @Override
            public GoalNode fromString(String s) {
                return null;
            }
        });
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
