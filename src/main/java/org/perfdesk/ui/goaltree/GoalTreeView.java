package org.perfdesk.ui.goaltree;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Cells;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Screen;

/** 目标分解: the goal tree as a table, with a list of problems that jumps to the node. */
public final class GoalTreeView implements Screen {
    private final GoalTreeViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TreeTableView<GoalNode> table = new TreeTableView<>();
    private final Map<String, TreeItem<GoalNode>> items = new HashMap<>();

    public GoalTreeView(GoalTreeViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("screen");
        root.setId("screen-goals");
        Label title = new Label(Texts.t("nav.goals"));
        title.getStyleClass().add("screen-title");
        Label summary = new Label();
        summary.setId("goals-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Button expand = new Button(Texts.t("goals.expandAll"));
        expand.setOnAction(e -> setExpanded(true));
        Button collapse = new Button(Texts.t("goals.collapseAll"));
        collapse.setOnAction(e -> setExpanded(false));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, summary, spacer, expand, collapse);
        toolbar.getStyleClass().add("toolbar");
        VBox top = new VBox(4, title, toolbar);
        root.setTop(top);

        buildTable();
        ListView<GoalTreeViewModel.ProblemRow> problemList = new ListView<>(vm.problems());
        problemList.setId("goals-problems");
        problemList.setPlaceholder(new Label(Texts.t("goals.noProblems")));
        problemList.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(GoalTreeViewModel.ProblemRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : "⚠ " + row.nodeTitle() + " — " + row.message());
            }
        });
        problemList.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null && row.nodeId() != null) {
                select(row.nodeId());
            }
        });
        Label problemsTitle = new Label(Texts.t("goals.problems"));
        problemsTitle.getStyleClass().add("section-title");
        VBox problemsBox = new VBox(4, problemsTitle, problemList);
        VBox.setVgrow(problemList, Priority.ALWAYS);
        problemsBox.setPadding(new Insets(4, 0, 0, 0));
        SplitPane split = new SplitPane(table, problemsBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.75);
        root.setCenter(split);

        vm.treeProperty().addListener((obs, old, tree) -> show(tree));
    }

    private void buildTable() {
        table.setId("goals-table");
        table.setShowRoot(false);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Texts.t("goals.empty")));
        TreeTableColumn<GoalNode, String> name = Columns.treeText("goals.col.title", 300, GoalNode::title);
        TreeTableColumn<GoalNode, String> kind = Columns.treeText("goals.col.kind", 60, n -> Texts.current().of(n.kind()));
        TreeTableColumn<GoalNode, String> owner = Columns.treeText("goals.col.owner", 170, vm::ownerName);
        TreeTableColumn<GoalNode, String> weight = Columns.treeText("goals.col.weight", 55, n -> Numbers.plain(n.weight()));
        weight.getStyleClass().add("numeric");
        TreeTableColumn<GoalNode, String> target = Columns.treeText("goals.col.target", 110, GoalTreeViewModel::targetText);
        TreeTableColumn<GoalNode, String> deadline = Columns.treeText("goals.col.deadline", 90,
                n -> n.deadline() == null ? "" : n.deadline().toString());
        TreeTableColumn<GoalNode, String> problems = Columns.treeText("goals.col.problems", 60,
                n -> vm.problemsOf(n).isEmpty() ? "" : "⚠ " + vm.problemsOf(n).size());
        problems.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().remove("problem-cell");
                GoalNode node = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (node == null || text == null || text.isEmpty()) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(text);
                getStyleClass().add("problem-cell");
                setTooltip(new Tooltip(String.join("\n", vm.problemsOf(node))));
            }
        });
        TreeTableColumn<GoalNode, String> quality = Columns.treeText("goals.col.quality", 260,
                n -> n.qualityRequirement() == null ? "" : n.qualityRequirement());
        Cells.fullTextOnHover(quality);
        Cells.fullTextOnHover(name);
        table.getColumns().add(name);
        table.getColumns().add(kind);
        table.getColumns().add(owner);
        table.getColumns().add(weight);
        table.getColumns().add(target);
        table.getColumns().add(deadline);
        table.getColumns().add(problems);
        table.getColumns().add(quality);
    }


    private void show(GoalTree tree) {
        items.clear();
        TreeItem<GoalNode> hidden = new TreeItem<>();
        for (GoalNode rootNode : tree.roots()) {
            hidden.getChildren().add(item(tree, rootNode, 1));
        }
        table.setRoot(hidden);
    }

    private TreeItem<GoalNode> item(GoalTree tree, GoalNode node, int depth) {
        TreeItem<GoalNode> item = new TreeItem<>(node);
        items.put(node.id(), item);
        // Goals and sub-goals open, indicators closed: the first view fits the screen.
        item.setExpanded(depth < 3);
        List<GoalNode> children = tree.children(node.id());
        for (GoalNode child : children) {
            item.getChildren().add(item(tree, child, depth + 1));
        }
        return item;
    }

    private void setExpanded(boolean expanded) {
        items.values().forEach(i -> i.setExpanded(expanded));
    }

    /** Opens the way to a node and selects it. */
    void select(String nodeId) {
        TreeItem<GoalNode> item = items.get(nodeId);
        if (item == null) {
            return;
        }
        for (TreeItem<GoalNode> p = item.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
        }
        table.getSelectionModel().select(item);
        int row = table.getRow(item);
        if (row >= 0) {
            table.scrollTo(Math.max(0, row - 3));
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
