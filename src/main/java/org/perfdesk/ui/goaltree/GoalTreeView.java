package org.perfdesk.ui.goaltree;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.cell.ComboBoxTreeTableCell;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.converter.DefaultStringConverter;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.ui.common.Mnemonics;
import org.perfdesk.ui.common.NarrowColumns;
import org.perfdesk.ui.common.Cells;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.DetailsSplit;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.Typed;

/**
 * 目标分解: the goal tree as an editable table. Keyboard first: Insert adds a sibling, Ctrl+Insert a
 * child, Alt+→ and Alt+← indent and outdent (Tab goes on to the details form), Alt+↑/↓ move, Delete removes (after asking), F2 or
 * Enter edits, Ctrl+Z / Ctrl+Y undo and redo, Ctrl+F searches. Rows can be dragged. The details
 * pane edits every field; the problems list jumps to the node.
 */
public final class GoalTreeView implements Screen {
    private static final DataFormat NODE_ID = new DataFormat("application/x-perfdesk-node-id");
    private static final double TREE_MIN_WIDTH = 360;
    private static final double DETAILS_MIN_WIDTH = 280;
    private static final double DETAILS_WIDTH = 300;

    private final GoalTreeViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TreeTableView<GoalNode> table = new TreeTableView<>();
    private final Map<String, TreeItem<GoalNode>> items = new HashMap<>();
    private final Set<String> collapsed = new HashSet<>();
    private final Set<String> known = new HashSet<>();
    private final Label message = new Label();
    private final TextField search = new TextField();
    private TreeTableColumn<GoalNode, String> titleColumn;
    private boolean rebuilding;
    private GoalTree shownTree;
    private Predicate<GoalNode> shownVisible = n -> true;

    public GoalTreeView(GoalTreeViewModel vm) {
        this.vm = vm;
        Label title = Styles.screen(root, "screen-goals", Texts.t("nav.goals"));
        Label summary = new Label();
        summary.setId("goals-summary");
        summary.textProperty().bind(vm.summaryProperty());
        message.setId("goals-message");
        message.getStyleClass().add("validation");
        message.setWrapText(true);
        // The line takes room only while it says something (a small window needs every line).
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        root.setTop(new VBox(4, title, toolbar(), filters(), summary, message));

        buildTable();
        NodeDetailsPane details = new NodeDetailsPane(vm, this::showMessage);
        // The form beside the tree at its own width (below it in a narrow window), never a strip.
        SplitPane sides = DetailsSplit.of(table, TREE_MIN_WIDTH, details, DETAILS_MIN_WIDTH, DETAILS_WIDTH);
        SplitPane split = new SplitPane(sides, problemsPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.84);
        SplitPane.setResizableWithParent(split.getItems().get(1), false);
        root.setCenter(split);

        vm.treeProperty().addListener((obs, old, tree) -> rebuild());
        vm.filterTextProperty().addListener((o, a, b) -> rebuild());
        vm.filterOwnerProperty().addListener((o, a, b) -> rebuild());
        vm.onlyProblemsProperty().addListener((o, a, b) -> rebuild());
        vm.filterStatusProperty().addListener((o, a, b) -> rebuild());
        vm.selectedIdProperty().addListener((o, a, id) -> {
            if (!rebuilding) {
                select(id);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> {
            if (!rebuilding && item != null && item.getValue() != null) {
                vm.selectedIdProperty().set(item.getValue().id());
            }
        });
    }

    private FlowPane toolbar() {
        Button sibling = Mnemonics.set(button("goals.addSibling", "goals-add-sibling",
                () -> startEditing(vm.addSibling(newTitle()))), 'S');
        Button child = Mnemonics.set(button("goals.addChild", "goals-add-child",
                () -> startEditing(vm.addChild(newTitle()))), 'C');
        Button outdent = button("goals.outdent", "goals-outdent", vm::outdent);
        Button indent = button("goals.indent", "goals-indent", vm::indent);
        Button up = button("goals.moveUp", "goals-up", vm::moveUp);
        Button down = button("goals.moveDown", "goals-down", vm::moveDown);
        Button delete = Mnemonics.set(button("goals.delete", "goals-delete", this::confirmDelete), 'D');
        Button undo = button("goals.undo", "goals-undo", vm::undo);
        undo.disableProperty().bind(vm.undoStack().canUndoProperty().not());
        Button redo = button("goals.redo", "goals-redo", vm::redo);
        redo.disableProperty().bind(vm.undoStack().canRedoProperty().not());
        Button expand = button("goals.expandAll", "goals-expand", () -> setExpanded(true));
        Button collapse = button("goals.collapseAll", "goals-collapse", () -> setExpanded(false));
        Button owners = button("goals.owners", "goals-owners",
                () -> new OwnersDialog(root.getScene().getWindow(), vm.context(), vm::load).showAndWait());
        Button newYear = button("goals.newYear", "goals-new-year",
                () -> new NewYearDialog(root.getScene().getWindow(), vm.context()).showAndWait());
        Button diagram = Mnemonics.set(button("goals.diagram", "goals-diagram",
                () -> DiagramDialog.show(root.getScene().getWindow(), vm.context())), 'G');
        Button toExcel = Mnemonics.set(button("goals.exportXlsx", "goals-export-xlsx", this::exportXlsx), 'E');
        Button fromExcel = Mnemonics.set(button("goals.importXlsx", "goals-import-xlsx", this::importXlsx), 'I');
        FlowPane bar = new FlowPane(6, 6, sibling, child, outdent, indent, up, down, delete, new Label("  "), undo,
                redo, new Label("  "), expand, collapse, owners, diagram, toExcel, fromExcel, newYear);
        bar.getStyleClass().add("toolbar");
        Tooltip keys = new Tooltip(Texts.t("goals.keys"));
        keys.setWrapText(true);
        keys.setMaxWidth(420);
        bar.getChildren().forEach(n -> {
            if (n instanceof Button b) {
                b.setTooltip(keys);
            }
        });
        return bar;
    }

    private FlowPane filters() {
        search.setId("goals-search");
        search.setPromptText(Texts.t("goals.search"));
        search.setPrefColumnCount(18);
        search.textProperty().bindBidirectional(vm.filterTextProperty());
        ComboBox<OrgUnit> owner = new ComboBox<>(vm.owners());
        owner.setId("goals-filter-owner");
        owner.setPromptText(Texts.t("goals.filterOwner"));
        owner.setConverter(new StringConverter<>() {
            @Override
            public String toString(OrgUnit o) {
                return o == null ? Texts.t("goals.allOwners") : o.name();
            }

            @Override
            public OrgUnit fromString(String s) {
                return null;
            }
        });
        owner.valueProperty().bindBidirectional(vm.filterOwnerProperty());
        Button clearOwner = new Button(Texts.t("goals.allOwners"));
        clearOwner.setOnAction(e -> owner.setValue(null));
        CheckBox problems = new CheckBox(Texts.t("goals.onlyProblems"));
        problems.setId("goals-only-problems");
        problems.selectedProperty().bindBidirectional(vm.onlyProblemsProperty());
        ComboBox<ProgressStatus> status = new ComboBox<>();
        status.getItems().add(null);
        status.getItems().addAll(ProgressStatus.values());
        status.setId("goals-filter-status");
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProgressStatus s) {
                return s == null ? Texts.t("goals.allStatuses") : Texts.current().of(s);
            }

            @Override
            public ProgressStatus fromString(String s) {
                return null;
            }
        });
        status.valueProperty().bindBidirectional(vm.filterStatusProperty());
        FlowPane bar = new FlowPane(8, 6, search, owner, clearOwner, status, problems);
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    private void exportXlsx() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(Texts.t("goals.exportXlsx"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Excel (*.xlsx)", "*.xlsx"));
        var ctx = vm.context();
        chooser.setInitialFileName(ctx.self().name() + ctx.year() + Texts.t("goals.xlsxFileName") + ".xlsx");
        java.io.File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            ctx.tasks().run(Texts.t("task.exportXlsx"), () -> {
                org.perfdesk.report.xlsx.GoalTreeXlsx.export(ctx.workspace(), ctx.self().code(), ctx.year(),
                        file.toPath());
                return file;
            }, f -> org.perfdesk.ui.common.Messages.info(root.getScene().getWindow(), Texts.t("goals.exported"),
                    f.getAbsolutePath()));
        }
    }

    private void importXlsx() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(Texts.t("goals.importXlsx"));
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter("Excel, WPS (*.xlsx, *.xls, *.csv)", "*.xlsx", "*.xls", "*.csv"),
                new javafx.stage.FileChooser.ExtensionFilter("*.*", "*.*"));
        java.io.File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            importXlsx(file.toPath());
        }
    }

    /** Reads a workbook into the import dialog (what the file chooser, or a test, hands in). */
    public void importXlsx(java.nio.file.Path file) {
        org.perfdesk.ui.xlsximport.TreeImportDialog.run(root.getScene().getWindow(), vm.context(), file, vm::load);
    }

    private static Button button(String key, String id, Runnable action) {
        Button b = new Button(Texts.t(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private static String newTitle() {
        return Texts.t("goals.newTitle");
    }

    private void buildTable() {
        table.setId("goals-table");
        table.setShowRoot(false);
        // One line per row: a fixed height spares the table measuring rows it does not show.
        table.setFixedCellSize(26);
        table.setEditable(true);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Texts.t("goals.emptyEditable")));

        titleColumn = editable("goals.col.title", 220, GoalNode::title, (n, text) -> {
            if (text.isBlank()) {
                showMessage(Texts.t("goals.titleRequired"));
                return null;
            }
            return new GoalNode(n.id(), n.unitCode(), n.year(), n.parentId(), n.position(), n.kind(), text.strip(),
                    n.description(), n.ownerCode(), n.qualityRequirement(), n.deadline(), n.weight(), n.measure(),
                    n.originId(), n.revision(), n.deleted(), n.systemCode());
        });
        TreeTableColumn<GoalNode, String> kind = Columns.treeText("goals.col.kind", 60, n -> Texts.current().of(n.kind()));
        TreeTableColumn<GoalNode, String> owner = Columns.treeText("goals.col.owner", 130, vm::ownerName);
        owner.setEditable(true);
        owner.setCellFactory(col -> {
            ComboBoxTreeTableCell<GoalNode, String> cell = new ComboBoxTreeTableCell<>(new DefaultStringConverter());
            cell.getItems().setAll(vm.owners().stream().map(OrgUnit::name).toList());
            vm.owners().addListener((javafx.collections.ListChangeListener<OrgUnit>) c ->
                    cell.getItems().setAll(vm.owners().stream().map(OrgUnit::name).toList()));
            return cell;
        });
        owner.setOnEditCommit(e -> {
            OrgUnit o = vm.ownerNamed(e.getNewValue());
            GoalNode n = e.getRowValue().getValue();
            if (o != null) {
                vm.update(n.withOwner(o.code()));
            }
        });
        TreeTableColumn<GoalNode, String> weight = editable("goals.col.weight", 55, n -> Numbers.plain(n.weight()),
                (n, text) -> {
                    try {
                        return n.withWeight(Typed.points(text, Texts.t("goals.col.weight")));
                    } catch (UserError ex) {
                        showMessage(ex.getLocalizedMessage());
                        return null;
                    }
                });
        weight.getStyleClass().add("numeric");
        TreeTableColumn<GoalNode, String> sum = Columns.treeText("goals.col.childWeights", 48, vm::childWeightsText);
        sum.getStyleClass().add("numeric");
        TreeTableColumn<GoalNode, String> target = editable("goals.col.target", 100,
                GoalTreeViewModel::targetText, this::withTarget);
        TreeTableColumn<GoalNode, String> deadline = editable("goals.col.deadline", 96,
                n -> n.deadline() == null ? "" : n.deadline().toString(), (n, text) -> {
                    try {
                        return n.withDeadline(Typed.date(text, vm.context().year(), Texts.t("goals.col.deadline")));
                    } catch (UserError ex) {
                        showMessage(ex.getLocalizedMessage());
                        return null;
                    }
                });
        TreeTableColumn<GoalNode, String> completion = Columns.treeText("goals.col.completion", 70, vm::completionText);
        completion.getStyleClass().add("numeric");
        TreeTableColumn<GoalNode, String> problems = Columns.treeText("goals.col.problems", 50,
                n -> vm.problemsOf(n).isEmpty() ? "" : "⚠ " + vm.problemsOf(n).size());
        problems.setCellFactory(col -> new ProblemCell());
        TreeTableColumn<GoalNode, String> quality = editable("goals.col.quality", 220,
                n -> n.qualityRequirement() == null ? "" : n.qualityRequirement(),
                (n, text) -> n.withDetails(n.description(), text.isBlank() ? null : text.strip()));
        List.of(titleColumn, kind, owner, weight, sum, target, deadline, completion, problems, quality)
                .forEach(table.getColumns()::add);
        // Dates, points and percentages are read at a glance: never squeezed to "…".
        kind.setMinWidth(56);
        weight.setMinWidth(46);
        sum.setMinWidth(50);
        deadline.setMinWidth(92);
        completion.setMinWidth(64);
        owner.setMinWidth(96);
        // Beside the details form on a small window: what the form shows goes first, the title stays.
        NarrowColumns.install(table, table.getColumns(), List.of(quality, sum, target, kind, completion, owner));

        table.setRowFactory(t -> dragRow());
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    }

    /** A text column edited in place; {@code parse} returns the changed node, or null to refuse. */
    private TreeTableColumn<GoalNode, String> editable(String key, double width,
                                                       java.util.function.Function<GoalNode, String> value,
                                                       java.util.function.BiFunction<GoalNode, String, GoalNode> parse) {
        TreeTableColumn<GoalNode, String> c = Columns.treeText(key, width, value);
        c.setEditable(true);
        // No tooltip per cell: making one on every update costs more than the row; the details pane
        // shows every field in full.
        c.setCellFactory(col -> Cells.editableTreeText());
        c.setOnEditCommit(e -> {
            GoalNode n = e.getRowValue().getValue();
            GoalNode changed = parse.apply(n, e.getNewValue() == null ? "" : e.getNewValue());
            if (changed != null) {
                message.setText("");
                vm.update(changed);
            } else {
                table.refresh();
            }
        });
        return c;
    }

    /** "13", "13 %", "95 万亩": a number (and unit) makes the indicator quantitative. */
    private GoalNode withTarget(GoalNode n, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return n.measure() instanceof Measure.Quantitative q
                    ? n.withMeasure(new Measure.Quantitative(null, q.baseline(), q.unitOfMeasure(), q.direction())) : n;
        }
        String[] parts = t.split("\\s+", 2);
        BigDecimal value = number(parts[0], "goals.col.target");
        if (value == null) {
            return null;
        }
        Measure.Quantitative old = n.measure() instanceof Measure.Quantitative q ? q : null;
        String unit = parts.length > 1 ? parts[1] : old == null ? null : old.unitOfMeasure();
        return n.withMeasure(new Measure.Quantitative(value, old == null ? null : old.baseline(), unit,
                old == null ? null : old.direction()));
    }

    private BigDecimal number(String text, String columnKey) {
        try {
            return Typed.number(text, Texts.t(columnKey));
        } catch (UserError ex) {
            showMessage(ex.getLocalizedMessage());
            return null;
        }
    }

    private void showMessage(String text) {
        message.setText(text);
    }

    /** Keyboard editing, when no cell is being edited. */
    private void keys(KeyEvent e) {
        if (table.getEditingCell() != null) {
            return;
        }
        boolean shortcut = e.isShortcutDown();
        KeyCode code = e.getCode();
        Runnable action = null;
        if (code == KeyCode.INSERT && !shortcut || code == KeyCode.N && shortcut && !e.isShiftDown()) {
            action = () -> startEditing(vm.addSibling(newTitle()));
        } else if (code == KeyCode.INSERT || code == KeyCode.N && shortcut) {
            action = () -> startEditing(vm.addChild(newTitle()));
        } else if (code == KeyCode.RIGHT && e.isAltDown()) {
            action = vm::indent;
        } else if (code == KeyCode.LEFT && e.isAltDown()) {
            action = vm::outdent;
        } else if (code == KeyCode.UP && e.isAltDown()) {
            action = vm::moveUp;
        } else if (code == KeyCode.DOWN && e.isAltDown()) {
            action = vm::moveDown;
        } else if (code == KeyCode.DELETE) {
            action = this::confirmDelete;
        } else if (code == KeyCode.Z && shortcut && !e.isShiftDown()) {
            action = vm::undo;
        } else if (code == KeyCode.Y && shortcut || code == KeyCode.Z && shortcut) {
            action = vm::redo;
        } else if (code == KeyCode.F && shortcut) {
            action = search::requestFocus;
        } else if (code == KeyCode.F2 || code == KeyCode.ENTER) {
            action = () -> startEditing(vm.selectedIdProperty().get());
        }
        if (action != null) {
            e.consume();
            action.run();
        }
    }

    private void confirmDelete() {
        int count = vm.deleteCount();
        if (count == 0) {
            return;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Texts.t("goals.deleteQuestion", count),
                ButtonType.OK, ButtonType.CANCEL);
        ask.initOwner(root.getScene().getWindow());
        ask.setHeaderText(Texts.t("goals.delete"));
        ask.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.deleteSelected());
    }

    /** Opens the title of a node for typing (after a new node appears in the table). */
    private void startEditing(String id) {
        if (id == null) {
            return;
        }
        Platform.runLater(() -> {
            TreeItem<GoalNode> item = items.get(id);
            if (item != null) {
                select(id);
                table.requestFocus();
                table.edit(table.getRow(item), titleColumn);
            }
        });
    }

    /** Rows can be dragged onto another row: its upper quarter puts the node before it, the lower after, the middle inside. */
    private TreeTableRow<GoalNode> dragRow() {
        TreeTableRow<GoalNode> row = new TreeTableRow<>();
        row.setOnDragDetected(e -> {
            if (row.getItem() != null) {
                var board = row.startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.put(NODE_ID, row.getItem().id());
                board.setContent(content);
                e.consume();
            }
        });
        row.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(NODE_ID) && row.getItem() != null
                    && !row.getItem().id().equals(e.getDragboard().getContent(NODE_ID))) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        row.setOnDragDropped(e -> {
            String dragged = (String) e.getDragboard().getContent(NODE_ID);
            GoalNode target = row.getItem();
            boolean moved = false;
            if (dragged != null && target != null) {
                double y = e.getY() / row.getHeight();
                if (y < 0.25) {
                    moved = vm.moveTo(dragged, target.parentId(), positionOf(target));
                } else if (y > 0.75) {
                    moved = vm.moveTo(dragged, target.parentId(), positionOf(target) + 1);
                } else {
                    moved = vm.moveTo(dragged, target.id(), Integer.MAX_VALUE);
                }
            }
            e.setDropCompleted(moved);
            e.consume();
        });
        return row;
    }

    private int positionOf(GoalNode n) {
        GoalTree t = vm.treeProperty().get();
        List<GoalNode> siblings = n.parentId() == null ? t.roots() : t.children(n.parentId());
        return siblings.indexOf(n);
    }

    /** Rebuilds the rows from the tree, keeping what was open and what was selected. */
    private void rebuild() {
        // Keep the keyboard in the table across the rebuild (a finished cell edit takes its field away).
        javafx.scene.Node focus = table.getScene() == null ? null : table.getScene().getFocusOwner();
        boolean keepFocus = focus != null && isInTable(focus);
        rebuilding = true;
        try {
            shownTree = vm.treeProperty().get();
            shownVisible = vm.visible();
            items.clear();
            TreeItem<GoalNode> hidden = new TreeItem<>();
            for (GoalNode r : shownTree.roots()) {
                if (shownVisible.test(r)) {
                    hidden.getChildren().add(new NodeItem(r, 1));
                }
            }
            table.setRoot(hidden);
        } finally {
            rebuilding = false;
        }
        select(vm.selectedIdProperty().get());
        if (keepFocus) {
            table.requestFocus();
        }
    }

    private boolean isInTable(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == table) {
                return true;
            }
        }
        return false;
    }

    /**
     * A row whose children are made when they are first needed: a 20,000-node tree shows its goals and
     * sub-goals at once, and the rest as the user opens them.
     */
    private final class NodeItem extends TreeItem<GoalNode> {
        private final int depth;
        private final boolean leaf;
        private boolean built;

        NodeItem(GoalNode node, int depth) {
            super(node);
            this.depth = depth;
            this.leaf = shownTree.children(node.id()).stream().noneMatch(shownVisible);
            items.put(node.id(), this);
            if (known.add(node.id()) && depth >= 3) {
                collapsed.add(node.id()); // first view: goals and sub-goals open, indicators closed
            }
            setExpanded(!collapsed.contains(node.id()));
            if (isExpanded()) {
                // Open rows are made now, before the table sees this item: a table notified of each
                // batch of children as it counts its rows does far more work (seconds for 20,000 nodes).
                getChildren();
            }
            expandedProperty().addListener((o, was, open) -> {
                if (open) {
                    collapsed.remove(node.id());
                } else {
                    collapsed.add(node.id());
                }
            });
        }

        @Override
        public boolean isLeaf() {
            return leaf;
        }

        @Override
        public javafx.collections.ObservableList<TreeItem<GoalNode>> getChildren() {
            if (!built) {
                built = true;
                List<TreeItem<GoalNode>> children = new java.util.ArrayList<>();
                for (GoalNode child : shownTree.children(getValue().id())) {
                    if (shownVisible.test(child)) {
                        children.add(new NodeItem(child, depth + 1));
                    }
                }
                super.getChildren().setAll(children);
            }
            return super.getChildren();
        }
    }

    private void setExpanded(boolean expanded) {
        if (expanded) {
            expandAll(table.getRoot());
        } else {
            List.copyOf(items.values()).forEach(i -> i.setExpanded(false));
        }
    }

    private static void expandAll(TreeItem<GoalNode> item) {
        if (item == null) {
            return;
        }
        item.setExpanded(true);
        for (TreeItem<GoalNode> child : item.getChildren()) {
            expandAll(child);
        }
    }

    /** Opens the way to a node (making its rows on the way) and selects it. */
    void select(String nodeId) {
        if (nodeId == null || shownTree == null || shownTree.find(nodeId).isEmpty()) {
            return;
        }
        java.util.LinkedList<String> path = new java.util.LinkedList<>();
        for (GoalNode n = shownTree.find(nodeId).orElse(null); n != null;
             n = n.parentId() == null ? null : shownTree.find(n.parentId()).orElse(null)) {
            path.addFirst(n.id());
        }
        TreeItem<GoalNode> item = table.getRoot();
        for (String id : path) {
            TreeItem<GoalNode> next = null;
            for (TreeItem<GoalNode> child : item.getChildren()) {
                if (child.getValue().id().equals(id)) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                return; // filtered out
            }
            if (!id.equals(nodeId)) {
                next.setExpanded(true);
            }
            item = next;
        }
        table.getSelectionModel().select(item);
        int row = table.getRow(item);
        if (row >= 0) {
            table.scrollTo(Math.max(0, row - 3));
        }
    }

    private VBox problemsPane() {
        ListView<GoalTreeViewModel.ProblemRow> list = new ListView<>(vm.problems());
        list.setId("goals-problems");
        list.setPlaceholder(new Label(Texts.t("goals.noProblems")));
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(GoalTreeViewModel.ProblemRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : "⚠ " + row.nodeTitle() + " — " + row.message());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null && row.nodeId() != null) {
                vm.onlyProblemsProperty().set(false);
                vm.selectedIdProperty().set(row.nodeId());
                select(row.nodeId());
            }
        });
        Label title = new Label(Texts.t("goals.problems"));
        title.getStyleClass().add("section-title");
        VBox box = new VBox(4, title, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        return box;
    }

    /** The number of problems, marked with a sign and a word-tooltip, not colour alone. */
    private final class ProblemCell extends TreeTableCell<GoalNode, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            GoalNode node = empty || getTableRow() == null ? null : getTableRow().getItem();
            boolean marked = node != null && text != null && !text.isEmpty();
            setText(marked ? text : null);
            // Changing style classes makes the cell's CSS be worked out again: only when it changes.
            if (marked != getStyleClass().contains("problem-cell")) {
                if (marked) {
                    getStyleClass().add("problem-cell");
                } else {
                    getStyleClass().remove("problem-cell");
                }
            }
            if (marked) {
                if (getTooltip() == null) {
                    setTooltip(new Tooltip());
                }
                getTooltip().setText(String.join("\n", vm.problemsOf(node)));
            } else if (getTooltip() != null) {
                setTooltip(null);
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
