package org.perfdesk.ui.xlsximport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.xlsx.Field;
import org.perfdesk.report.xlsx.GoalTreeXlsx;
import org.perfdesk.report.xlsx.TreeWorkbook;
import org.perfdesk.report.xlsx.XlsxImport;
import org.perfdesk.ui.common.Layouts;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 从 Excel 导入: a workbook into the goal tree in steps — 工作表 (which sheets, when there is a choice),
 * 列对应 (what each column of an office's own form holds, corrected where the guess is wrong), 预览
 * (the tree it makes, the organisations it creates, what was read from words, or every problem),
 * then 导入 and the result. Nothing is written before 导入; the workspace is backed up first.
 */
public final class TreeImportDialog extends Dialog<Void> {
    private static final ButtonType BACK = new ButtonType(Texts.t("xlsx.ui.back"), ButtonBar.ButtonData.BACK_PREVIOUS);
    private static final ButtonType NEXT = new ButtonType(Texts.t("xlsx.ui.next"), ButtonBar.ButtonData.NEXT_FORWARD);
    private static final ButtonType IMPORT = new ButtonType(Texts.t("xlsx.ui.import"), ButtonBar.ButtonData.OK_DONE);

    private final TreeImportViewModel vm;
    private final WorkspaceContext ctx;
    private final Runnable afterImport;
    private final Map<String, String> orgNames = new HashMap<>();
    private final Label header = new Label();

    private TreeImportDialog(Window owner, WorkspaceContext ctx, TreeImportViewModel vm, Runnable afterImport) {
        this.vm = vm;
        this.ctx = ctx;
        this.afterImport = afterImport;
        initOwner(owner);
        setTitle(Texts.t("xlsx.ui.title"));
        setResizable(true);
        getDialogPane().setId("xlsx-import");
        getDialogPane().getButtonTypes().addAll(BACK, NEXT, IMPORT, ButtonType.CANCEL);
        getDialogPane().setPrefSize(980, 640);
        getDialogPane().getProperties().put(TreeImportDialog.class, this);
        button(BACK).setId("xlsx-back");
        button(NEXT).setId("xlsx-next");
        button(IMPORT).setId("xlsx-import-button");
        button(BACK).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.back();
        });
        button(NEXT).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            next();
        });
        button(IMPORT).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            importNow();
        });
        ctx.workspace().orgUnits().findAll().forEach(o -> orgNames.put(o.code(), o.name()));
        header.setWrapText(true);
        header.getStyleClass().add("dialog-step");
        vm.stepProperty().addListener((o, a, s) -> show(s));
        show(vm.stepProperty().get());
    }

    /** Opens the workbook in the background and shows the dialog; the tree is reloaded after an import. */
    public static void run(Window owner, WorkspaceContext ctx, Path file, Runnable afterImport) {
        String unit = ctx.self().code();
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.readXlsx"), () -> {
            TreeWorkbook wb = GoalTreeXlsx.open(ctx.workspace(), file);
            TreeImportViewModel vm = new TreeImportViewModel(ctx.workspace(), unit, year, wb);
            if (vm.stepProperty().get() == TreeImportViewModel.Step.PREVIEW) {
                vm.showPreview(vm.computePreview());
            }
            return vm;
        }, vm -> new TreeImportDialog(owner, ctx, vm, afterImport).show());
    }

    private Button button(ButtonType type) {
        return (Button) getDialogPane().lookupButton(type);
    }

    private void next() {
        if (vm.next() == TreeImportViewModel.Step.PREVIEW) {
            ctx.tasks().run(Texts.t("task.readXlsx"), vm::computePreview, vm::showPreview);
        }
    }

    private void importNow() {
        XlsxImport p = vm.previewProperty().get();
        if (p == null || p.refused()) {
            return;
        }
        button(IMPORT).setDisable(true);
        ctx.tasks().run(Texts.t("task.importXlsx"), vm::apply, counts -> {
            vm.showResult(counts);
            ctx.saved();
            afterImport.run();
        }, error -> {
            button(IMPORT).setDisable(false);
            ctx.tasks().report(error);
        });
    }

    private void show(TreeImportViewModel.Step step) {
        Node page = switch (step) {
            case SHEETS -> sheetsPage();
            case MAPPING -> mappingPage();
            case PREVIEW -> previewPage();
            case RESULT -> resultPage();
        };
        VBox content = new VBox(8, header, page);
        VBox.setVgrow(page, Priority.ALWAYS);
        content.setPadding(new Insets(4));
        // On a small screen the dialog is made to fit it (ScreenFit): the page scrolls, the buttons stay.
        getDialogPane().setContent(Layouts.fitOrScroll(content));
        shown(button(BACK), step != TreeImportViewModel.Step.RESULT && vm.canGoBack());
        shown(button(NEXT), step == TreeImportViewModel.Step.SHEETS || step == TreeImportViewModel.Step.MAPPING);
        XlsxImport p = vm.previewProperty().get();
        shown(button(IMPORT), step == TreeImportViewModel.Step.PREVIEW);
        button(IMPORT).setDisable(p == null || p.refused());
        if (step == TreeImportViewModel.Step.RESULT) {
            getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        }
        Button def = step == TreeImportViewModel.Step.PREVIEW ? button(IMPORT) : button(NEXT);
        if (def != null) {
            def.setDefaultButton(true);
        }
    }

    /** A button of the bar shown or taken out (a hidden one would still take its place). */
    private static void shown(Button b, boolean visible) {
        if (b != null) {
            b.setVisible(visible);
            b.setManaged(visible);
        }
    }

    private Node sheetsPage() {
        header.setText(Texts.t("xlsx.ui.sheets.header", Path.of(vm.workbook().file()).getFileName().toString()));
        TableView<TreeImportViewModel.SheetChoice> table = new TableView<>(vm.sheets());
        table.setId("xlsx-sheets");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        TableColumn<TreeImportViewModel.SheetChoice, Boolean> use = new TableColumn<>(Texts.t("xlsx.ui.sheets.use"));
        use.setPrefWidth(60);
        use.setCellValueFactory(c -> c.getValue().chosenProperty());
        use.setCellFactory(c -> new TableCell<>() {
            private final CheckBox box = new CheckBox();
            private TreeImportViewModel.SheetChoice bound;

            @Override
            protected void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                TreeImportViewModel.SheetChoice row = empty ? null : getTableRow().getItem();
                if (bound != null) {
                    box.selectedProperty().unbindBidirectional(bound.chosenProperty());
                    bound = null;
                }
                if (row == null) {
                    setGraphic(null);
                    return;
                }
                box.setSelected(row.chosenProperty().get());
                box.selectedProperty().bindBidirectional(row.chosenProperty());
                bound = row;
                box.setDisable(!row.choosable());
                box.setId("xlsx-sheet-" + row.info().name());
                setGraphic(box);
            }
        });
        table.getColumns().add(use);
        table.getColumns().add(text("xlsx.ui.sheets.name", 200, s -> s.info().name()));
        table.getColumns().add(text("xlsx.ui.sheets.what", 420, this::describe));
        table.setPrefHeight(360);
        CheckBox oneGoal = new CheckBox(Texts.t("xlsx.ui.sheets.oneGoal"));
        oneGoal.setId("xlsx-one-goal");
        oneGoal.selectedProperty().bindBidirectional(vm.oneGoalPerSheetProperty());
        Label hint = hint(Texts.t("xlsx.ui.sheets.hint"));
        return new VBox(8, table, oneGoal, hint);
    }

    private String describe(TreeImportViewModel.SheetChoice s) {
        TreeWorkbook.SheetInfo i = s.info();
        String what = Texts.t("xlsx.ui.sheets.kind." + i.kind().name(), i.dataRows(), i.headerRow());
        return i.hidden() ? Texts.t("xlsx.ui.sheets.hidden", what) : what;
    }

    private Node mappingPage() {
        List<String> forms = vm.formSheets();
        header.setText(Texts.t("xlsx.ui.mapping.header"));
        ComboBox<String> sheet = new ComboBox<>();
        sheet.setId("xlsx-mapping-sheet");
        sheet.getItems().setAll(forms);
        sheet.valueProperty().bindBidirectional(vm.mappingSheetProperty());
        sheet.setVisible(forms.size() > 1);
        sheet.setManaged(forms.size() > 1);
        ComboBox<Integer> headerRow = new ComboBox<>();
        headerRow.setId("xlsx-header-row");
        headerRow.setMinWidth(72); // a row number and the arrow, never squeezed on a small screen
        headerRow.getItems().setAll(vm.headerRows());
        headerRow.valueProperty().bindBidirectional(vm.headerRowProperty());
        vm.mappingSheetProperty().addListener((o, a, b) -> headerRow.getItems().setAll(vm.headerRows()));
        HBox top = new HBox(8, label("xlsx.ui.mapping.sheet", forms.size() > 1), sheet,
                new Label(Texts.t("xlsx.ui.mapping.headerRow")), headerRow);
        TableView<TreeImportViewModel.ColumnChoice> table = new TableView<>(vm.columns());
        table.setId("xlsx-mapping");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(text("xlsx.ui.mapping.column", 50, c -> c.info().letter()));
        table.getColumns().add(text("xlsx.ui.mapping.heading", 200, c -> c.info().heading()));
        table.getColumns().add(text("xlsx.ui.mapping.samples", 380, c -> String.join(" ｜ ", c.info().samples())));
        TableColumn<TreeImportViewModel.ColumnChoice, Field> as = new TableColumn<>(Texts.t("xlsx.ui.mapping.as"));
        as.setPrefWidth(170);
        as.setCellValueFactory(c -> c.getValue().fieldProperty());
        as.setCellFactory(c -> new TableCell<>() {
            private final ComboBox<Field> box = fieldBox();
            private TreeImportViewModel.ColumnChoice bound;

            @Override
            protected void updateItem(Field item, boolean empty) {
                super.updateItem(item, empty);
                TreeImportViewModel.ColumnChoice row = empty ? null : getTableRow().getItem();
                if (bound != null) {
                    box.valueProperty().unbindBidirectional(bound.fieldProperty());
                    bound = null;
                }
                if (row == null) {
                    setGraphic(null);
                    return;
                }
                box.setValue(row.fieldProperty().get());
                box.valueProperty().bindBidirectional(row.fieldProperty());
                bound = row;
                box.setId("xlsx-field-" + row.info().letter());
                setGraphic(box);
            }
        });
        table.getColumns().add(as);
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(8, top, table, hint(Texts.t("xlsx.ui.mapping.hint")));
    }

    private static Label label(String key, boolean shown) {
        Label l = new Label(Texts.t(key));
        l.setVisible(shown);
        l.setManaged(shown);
        return l;
    }

    private static ComboBox<Field> fieldBox() {
        ComboBox<Field> box = new ComboBox<>();
        box.getItems().setAll(Field.values());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Field f) {
                return f == null ? "" : Texts.t("xlsx.field." + f.name());
            }

            @Override
            public Field fromString(String s) {
                return null;
            }
        });
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private Node previewPage() {
        XlsxImport p = vm.previewProperty().get();
        Texts t = Texts.current();
        ListView<String> lines = wrapping(new ListView<>());
        lines.setId("xlsx-lines");
        if (p == null) {
            header.setText(Texts.t("task.readXlsx"));
            return lines;
        }
        if (p.refused()) {
            header.setText(t.get("xlsx.ui.refused", p.problems().size()));
            p.problems().forEach(pr -> lines.getItems().add(pr.describe(t, p.severalSheets())));
            p.notes().forEach(n -> lines.getItems().add(n.describe(t, p.severalSheets())));
            VBox.setVgrow(lines, Priority.ALWAYS);
            return new VBox(8, lines, hint(t.get("xlsx.ui.refusedHint")));
        }
        XlsxImport.Counts c = p.counts();
        header.setText(t.get("xlsx.ui.ready", c.added(), c.changed(), c.unchanged(), c.removed())
                + (p.newOrganisations().isEmpty() ? "" : " " + t.get("xlsx.ui.orgs", p.newOrganisations().size())));
        p.newOrganisations().forEach(o -> orgNames.put(o.code(), o.name()));
        TreeTableView<GoalNode> tree = tree(p);
        ListView<String> orgs = wrapping(new ListView<>());
        orgs.setId("xlsx-new-orgs");
        orgs.setPrefHeight(Math.min(8, Math.max(2, p.newOrganisations().size())) * 26 + 4);
        orgs.setMinHeight(2 * 26 + 4); // two lines at least: on a small screen the page scrolls instead
        orgs.setPlaceholder(new Label(t.get("xlsx.ui.noNewOrgs")));
        for (OrgUnit o : p.newOrganisations()) {
            orgs.getItems().add(t.get("xlsx.ui.org", t.of(o.kind()), o.name(), orgNames.getOrDefault(o.parentCode(),
                    o.parentCode())));
        }
        p.notes().forEach(n -> lines.getItems().add(n.describe(t, p.severalSheets())));
        p.warnings().forEach(w -> lines.getItems().add(w.describe(t, p.severalSheets())));
        lines.setPlaceholder(new Label(t.get("xlsx.ui.noWarnings")));
        VBox side = new VBox(6, new Label(t.get("xlsx.ui.newOrgs")), orgs, new Label(t.get("xlsx.ui.notes")), lines);
        VBox.setVgrow(orgs, Priority.SOMETIMES);
        VBox.setVgrow(lines, Priority.ALWAYS);
        SplitPane split = new SplitPane(tree, side);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);
        return new VBox(8, split, hint(t.get("xlsx.ui.readyHint")));
    }

    private TreeTableView<GoalNode> tree(XlsxImport p) {
        GoalTree g = new GoalTree(p.nodes());
        TreeItem<GoalNode> root = new TreeItem<>();
        Map<String, TreeItem<GoalNode>> items = new HashMap<>();
        for (GoalNode n : g.inOrder()) {
            TreeItem<GoalNode> item = new TreeItem<>(n);
            item.setExpanded(true);
            items.put(n.id(), item);
            (n.parentId() == null ? root : items.get(n.parentId())).getChildren().add(item);
        }
        TreeTableView<GoalNode> table = new TreeTableView<>(root);
        table.setId("xlsx-preview-tree");
        table.setShowRoot(false);
        Texts t = Texts.current();
        table.getColumns().add(treeText(t.get("xlsx.ui.col.title"), 260, GoalNode::title));
        table.getColumns().add(treeText(t.get("xlsx.ui.col.kind"), 60, n -> t.of(n.kind())));
        table.getColumns().add(treeText(t.get("xlsx.ui.col.weight"), 50,
                n -> n.weight() == null ? "" : Numbers.plain(n.weight())));
        table.getColumns().add(treeText(t.get("xlsx.ui.col.target"), 130, n -> target(n, t)));
        table.getColumns().add(treeText(t.get("xlsx.ui.col.owner"), 110,
                n -> n.ownerCode() == null ? "" : orgNames.getOrDefault(n.ownerCode(), n.ownerCode())));
        table.getColumns().add(treeText(t.get("xlsx.ui.col.deadline"), 150, n -> {
            if (n.deadline() == null) {
                return "";
            }
            String typed = p.deadlineTexts().get(n.id());
            return typed == null ? n.deadline().toString() : n.deadline() + "（" + typed + "）";
        }));
        return table;
    }

    private static String target(GoalNode n, Texts t) {
        if (n.measure() instanceof Measure.Quantitative q) {
            return (q.target() == null ? "" : Numbers.plain(q.target())) + (q.unitOfMeasure() == null ? "" : q.unitOfMeasure())
                    + " " + t.of(q.direction());
        }
        if (n.measure() instanceof Measure.Qualitative q) {
            return q.targetLevel() == null ? "" : q.targetLevel();
        }
        if (n.measure() instanceof Measure.Milestone m) {
            return m.due() == null ? "" : m.due().toString();
        }
        return "";
    }

    private Node resultPage() {
        XlsxImport.Counts c = vm.resultProperty().get();
        XlsxImport p = vm.previewProperty().get();
        header.setText(Texts.t("xlsx.ui.done"));
        Label result = new Label(Texts.t("xlsx.ui.result", c.added(), c.changed(), c.unchanged(), c.removed(),
                p.newOrganisations().size()));
        result.setId("xlsx-result");
        result.setWrapText(true);
        return new VBox(8, result, hint(Texts.t("xlsx.ui.resultHint")));
    }

    /** Long lines (a note quoting a cell) wrap instead of running off the list. */
    private static ListView<String> wrapping(ListView<String> list) {
        list.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(l.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        return list;
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        return hint;
    }

    private static <S> TableColumn<S, String> text(String key, double width, java.util.function.Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(Texts.t(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private static TreeTableColumn<GoalNode, String> treeText(String title, double width,
                                                              java.util.function.Function<GoalNode, String> value) {
        TreeTableColumn<GoalNode, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().getValue() == null ? ""
                : value.apply(d.getValue().getValue())));
        return c;
    }
}
