package org.perfdesk.ui.evaluation;

import java.math.BigDecimal;
import java.util.Optional;

import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;
import org.perfdesk.domain.Bonus;
import org.perfdesk.domain.Inspection;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Converters;
import org.perfdesk.ui.common.Forms;
import org.perfdesk.ui.common.Dialogs;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.OpenFiles;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.TableKeys;
import org.perfdesk.ui.common.Layouts;

/**
 * 察访核验: the year's open and unannounced inspections with their findings, deductions and
 * evidence, and the bonus points; Ctrl+N adds, Enter or a double-click edits, Delete removes
 * (with a reason for the audit log). Results recompute from these when their screen is shown.
 */
public final class InspectionView implements Screen {
    private static final OrgUnit ALL = new OrgUnit("ALL", "*", org.perfdesk.domain.OrgKind.OFFICE, null);

    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final InspectionViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<Inspection> table;
    private final TableView<Bonus> bonusTable;
    private final ComboBox<OrgUnit> filter = new ComboBox<>();
    private final FilteredList<Inspection> shown;

    public InspectionView(InspectionViewModel vm) {
        this.vm = vm;
        Label title = Styles.screen(root, "screen-inspection", Texts.t("nav.inspection"));

        Button add = new Button(Texts.t("inspection.add") + "…");
        add.setId("inspection-add");
        add.setOnAction(e -> edit(null));
        Button change = new Button(Texts.t("inspection.edit") + "…");
        Button delete = new Button(Texts.t("inspection.delete") + "…");
        Button open = new Button(Texts.t("inspection.openEvidence"));
        shown = new FilteredList<>(vm.inspections());
        table = new TableView<>(shown);
        table.setId("inspection-table");
        table.setPlaceholder(new Label(Texts.t("inspection.empty")));
        table.getColumns().add(Columns.wholeDates(Columns.text("inspection.col.date", 95, i -> String.valueOf(i.date()))));
        table.getColumns().add(Columns.text("inspection.col.unit", 150, i -> vm.unitName(i.unitCode())));
        table.getColumns().add(Columns.text("inspection.col.kind", 60, i -> Texts.current().of(i.kind())));
        table.getColumns().add(Columns.text("inspection.col.finding", 420, Inspection::finding));
        table.getColumns().add(Columns.text("inspection.col.deduction", 70, i -> Numbers.plain(i.deduction())));
        table.getColumns().add(Columns.text("inspection.col.evidence", 160, vm::evidenceName));
        var selected = table.getSelectionModel().selectedItemProperty();
        change.disableProperty().bind(selected.isNull());
        delete.disableProperty().bind(selected.isNull());
        open.disableProperty().bind(selected.isNull().or(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> selected.get() == null
                        || selected.get().evidenceSha256() == null, selected)));
        change.setOnAction(e -> edit(selected.get()));
        delete.setOnAction(e -> delete(selected.get()));
        open.setOnAction(e -> openEvidence(selected.get()));
        TableKeys.openAndRemove(table, this::edit, this::delete);

        filter.setId("inspection-filter");
        filter.setConverter(Converters.showing((OrgUnit u) -> u == null || u == ALL
                ? Texts.t("inspection.allUnits") : u.name()));
        vm.units().addListener((javafx.collections.ListChangeListener<OrgUnit>) c -> {
            OrgUnit was = filter.getValue();
            filter.getItems().setAll(ALL);
            filter.getItems().addAll(vm.units());
            filter.setValue(was != null && filter.getItems().contains(was) ? was : ALL);
        });
        filter.valueProperty().addListener((o, a, u) -> shown.setPredicate(i -> u == null || u == ALL
                || i.unitCode().equals(u.code())));
        filter.setMinWidth(Label.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane actions = Layouts.toolbar(add, change, delete, open,
                Layouts.labelled(Texts.t("inspection.filter"), filter));
        Label hint = new Label(Texts.t("inspection.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        root.setTop(new VBox(4, title, actions, hint));

        bonusTable = new TableView<>(vm.bonuses());
        bonusTable.setId("bonus-table");
        bonusTable.setPlaceholder(new Label(Texts.t("bonus.empty")));
        bonusTable.getColumns().add(Columns.text("inspection.col.unit", 150, b -> vm.unitName(b.unitCode())));
        bonusTable.getColumns().add(Columns.text("bonus.col.points", 70, b -> Numbers.plain(b.points())));
        bonusTable.getColumns().add(Columns.text("bonus.col.reason", 520, Bonus::reason));
        Button addBonus = new Button(Texts.t("bonus.add") + "…");
        addBonus.setId("bonus-add");
        addBonus.setOnAction(e -> addBonus());
        Button deleteBonus = new Button(Texts.t("bonus.delete") + "…");
        deleteBonus.disableProperty().bind(bonusTable.getSelectionModel().selectedItemProperty().isNull());
        deleteBonus.setOnAction(e -> deleteBonus(bonusTable.getSelectionModel().getSelectedItem()));
        Label bonusTitle = new Label(Texts.t("bonus.title"));
        bonusTitle.getStyleClass().add("section-title");
        VBox bonusBox = new VBox(6, Layouts.toolbar(bonusTitle, addBonus, deleteBonus), bonusTable);
        VBox.setVgrow(bonusTable, Priority.ALWAYS);

        SplitPane split = new SplitPane(table, bonusBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        root.setCenter(split);
        // Ctrl+N anywhere on the screen, as in the goal tree.
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (NEW.match(e)) {
                e.consume();
                edit(null);
            }
        });
    }

    private void edit(Inspection existing) {
        if (vm.units().isEmpty()) {
            Messages.info(root.getScene().getWindow(), Texts.t("nav.inspection"), Texts.t("inspection.noUnits"));
            return;
        }
        InspectionDialog dialog = new InspectionDialog(root.getScene().getWindow(), vm.units(), vm.year(), existing,
                existing == null ? null : vm.evidenceName(existing));
        if (existing == null && filter.getValue() != null && filter.getValue() != ALL) {
            dialog.preselect(filter.getValue());
        }
        // Typed text comes back if the dialog is closed unsaved or the save fails.
        String draft = "inspection:" + (existing == null ? "new" : existing.id());
        var drafts = vm.context().drafts();
        dialog.keepDrafts(drafts, draft);
        dialog.showAndWait().ifPresent(d -> vm.save(d, () -> {
            drafts.done(draft);
            table.requestFocus();
        }));
    }

    private void delete(Inspection i) {
        Dialogs.askReason(root.getScene().getWindow(), "inspection-delete-dialog", Texts.t("inspection.delete"),
                Texts.t("inspection.deleteHeader", vm.unitName(i.unitCode()), String.valueOf(i.date()),
                        Numbers.plain(i.deduction())), Texts.t("inspection.reason"))
                .ifPresent(reason -> vm.delete(i, reason));
    }

    private void addBonus() {
        if (vm.units().isEmpty()) {
            Messages.info(root.getScene().getWindow(), Texts.t("bonus.title"), Texts.t("inspection.noUnits"));
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle(Texts.t("bonus.add"));
        dialog.setHeaderText(Texts.t("bonus.header"));
        dialog.getDialogPane().setId("bonus-dialog");
        ComboBox<OrgUnit> unit = new ComboBox<>(vm.units());
        unit.setId("bonus-unit");
        unit.setConverter(filter.getConverter());
        TextField points = new TextField();
        points.setId("bonus-points");
        TextField reason = new TextField();
        reason.setId("bonus-reason");
        reason.setPrefColumnCount(30);
        GridPane form = Forms.grid();
        form.addRow(0, new Label(Texts.t("inspection.col.unit")), unit);
        form.addRow(1, new Label(Texts.t("bonus.col.points")), points);
        form.addRow(2, new Label(Texts.t("bonus.col.reason")), reason);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> unit.getValue() == null
                        || InspectionDialog.typedNumber(points.getText()) == null
                        || InspectionDialog.typedNumber(points.getText()).signum() < 0
                        || reason.getText().isBlank(), unit.valueProperty(), points.textProperty(),
                        reason.textProperty()));
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.filter(b -> b == ButtonType.OK).isPresent()) {
            BigDecimal p = InspectionDialog.typedNumber(points.getText());
            vm.saveBonus(unit.getValue().code(), p, reason.getText().strip());
        }
    }

    private void deleteBonus(Bonus b) {
        Dialogs.askReason(root.getScene().getWindow(), "bonus-delete-dialog", Texts.t("bonus.delete"),
                Texts.t("bonus.deleteHeader", vm.unitName(b.unitCode()), Numbers.plain(b.points())),
                Texts.t("inspection.reason")).ifPresent(reason -> vm.deleteBonus(b, reason));
    }

    private void openEvidence(Inspection i) {
        OpenFiles.openCopy(root.getScene().getWindow(), vm.evidenceName(i), () -> vm.openableEvidence(i));
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
