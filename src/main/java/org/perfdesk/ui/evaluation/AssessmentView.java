package org.perfdesk.ui.evaluation;

import java.util.List;
import java.math.BigDecimal;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.AssessmentSheet;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Forms;
import org.perfdesk.ui.common.Dialogs;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.DetailsSplit;
import org.perfdesk.ui.common.Layouts;
import org.perfdesk.ui.common.NarrowColumns;

/**
 * 指标考核: the units on the left with how far their assessment has come; on the right the selected
 * unit's indicators, self score beside the office's, notable differences marked, the spot check's
 * indicators ticked. Enter scores an indicator (with a reason), Delete takes the office score back.
 */
public final class AssessmentView implements Screen {
    /** The office's list of units beside the work on one: names whole, the work at least a usable table. */
    static final double UNITS_MIN_WIDTH = 170;
    static final double UNITS_WIDTH = 280;
    static final double WORK_MIN_WIDTH = 380;
    private final AssessmentViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<AssessmentViewModel.UnitLine> units;
    private final TableView<AssessmentSheet.Row> rows;
    private final FilteredList<AssessmentSheet.Row> shown;
    private final CheckBox onlyDrawn = new CheckBox(Texts.t("assessment.onlyDrawn"));
    private final CheckBox onlyNotable = new CheckBox(Texts.t("assessment.onlyNotable"));
    private final FiguresImport figures;

    public AssessmentView(AssessmentViewModel vm) {
        this.vm = vm;
        Label title = Styles.screen(root, "screen-assessment", Texts.t("nav.assessment"));
        Label hint = new Label(Texts.t("assessment.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        figures = new FiguresImport(vm.context(), () -> root.getScene().getWindow(), vm::load);
        Label figuresHint = new Label(Texts.t("figures.ui.hint"));
        figuresHint.setWrapText(true);
        // The sentence on a line of its own: in the row of buttons it would keep the screen as wide as itself.
        javafx.scene.layout.FlowPane figureActions = Layouts.toolbar(figures.importButton(), figures.templateButton());
        root.setTop(new VBox(4, title, hint, figureActions, figuresHint));
        root.getProperties().put(FiguresImport.class, figures);

        units = new TableView<>(vm.units());
        units.setId("assessment-units");
        // The columns keep their widths (never narrower than their headers): a constrained policy would
        // stretch the unit and its indicators and cut the last headers ("Differ", "Spot c"). What does not
        // fit is hidden by NarrowColumns below, the counts first.
        units.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        units.setPlaceholder(new Label(Texts.t("review.empty")));
        var unitName = Columns.<AssessmentViewModel.UnitLine>text("results.col.unit", 130, l -> l.unit().name());
        unitName.setMinWidth(110); // the unit is what the list is for: its name before the counts
        units.getColumns().add(unitName);
        units.getColumns().add(Columns.text("assessment.col.indicators", 42, l -> String.valueOf(l.indicators())));
        units.getColumns().add(Columns.text("assessment.col.scored", 50, l -> String.valueOf(l.officeScored())));
        units.getColumns().add(Columns.text("assessment.col.notable", 42, l -> String.valueOf(l.notable())));
        units.getColumns().add(Columns.text("assessment.col.spot", 42, l -> l.spotCheck() == null ? "—"
                : String.valueOf(l.spotCheck().drawn().size())));
        // A narrow list keeps the unit and its number of indicators; the counts come back as it grows.
        NarrowColumns.install(units, units.getColumns(), List.of(units.getColumns().get(4), units.getColumns().get(3),
                units.getColumns().get(2)));
        units.getSelectionModel().selectedItemProperty().addListener((o, a, l) -> {
            if (l != null && (vm.selectedProperty().get() == null
                    || !vm.selectedProperty().get().unit().code().equals(l.unit().code()))) {
                vm.select(l);
            }
        });

        shown = new FilteredList<>(vm.rows());
        onlyDrawn.setId("assessment-only-drawn");
        onlyNotable.setId("assessment-only-notable");
        onlyDrawn.selectedProperty().addListener((o, a, b) -> filter());
        onlyNotable.selectedProperty().addListener((o, a, b) -> filter());
        rows = new TableView<>(shown);
        rows.setId("assessment-rows");
        rows.setPlaceholder(new Label(Texts.t("assessment.pickUnit")));
        rows.getColumns().add(Columns.text("assessment.col.spotMark", 40, r -> r.spotChecked() ? "✓" : ""));
        var indicator = Columns.<AssessmentSheet.Row>text("results.col.indicator", 250, AssessmentSheet.Row::shortPath);
        indicator.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                AssessmentSheet.Row r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(r == null ? null : new javafx.scene.control.Tooltip(r.path()));
            }
        });
        rows.getColumns().add(indicator);
        rows.getColumns().add(Columns.text("results.col.weight", 45, r -> Numbers.plain(r.node().weight())));
        rows.getColumns().add(Columns.text("assessment.col.self", 55, r -> r.self() == null ? "—"
                : Numbers.plain(r.self())));
        var reported = Columns.<AssessmentSheet.Row>text("results.col.reported", 70,
                r -> EvaluationTexts.figure(r.computed().reported(), r.computed()));
        rows.getColumns().add(reported);
        var verified = Columns.<AssessmentSheet.Row>text("results.col.verified", 70, r -> r.computed().verified() == null
                ? "" : EvaluationTexts.figure(r.computed().verified(), r.computed()) + (r.computed().differs() ? " ≠" : ""));
        rows.getColumns().add(verified);
        rows.getColumns().add(Columns.text("assessment.col.computed", 65, r -> Numbers.plain(r.computed().points())));
        var basis = Columns.<AssessmentSheet.Row>text("results.col.basis", 160, r -> EvaluationTexts.why(r.computed(),
                vm.scheme()));
        rows.getColumns().add(basis);
        rows.getColumns().add(Columns.text("assessment.col.office", 75, r -> r.office() == null ? ""
                : Numbers.plain(r.office().points())));
        rows.getColumns().add(Columns.text("assessment.col.difference", 50, r -> r.difference() == null ? ""
                : (r.difference().signum() > 0 ? "+" : "") + Numbers.plain(r.difference())));
        var reason = Columns.<AssessmentSheet.Row>text("assessment.col.reason", 150, r -> r.office() == null ? ""
                : r.office().reason());
        rows.getColumns().add(reason);
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // On a small window the scores stay; the reason and the basis columns go first, then the figures.
        NarrowColumns.install(rows, rows.getColumns(), List.of(reason, basis, reported, verified));
        rows.setRowFactory(t -> {
            TableRow<AssessmentSheet.Row> row = new TableRow<>() {
                @Override
                protected void updateItem(AssessmentSheet.Row item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove("notable-row");
                    if (!empty && item != null && item.notable()) {
                        getStyleClass().add("notable-row");
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    score(row.getItem());
                }
            });
            return row;
        });
        var current = rows.getSelectionModel().selectedItemProperty();
        rows.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && current.get() != null) {
                score(current.get());
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && current.get() != null && current.get().office() != null) {
                clear(current.get());
                e.consume();
            }
        });

        Button score = new Button(Texts.t("assessment.score") + "…");
        score.setId("assessment-score");
        score.disableProperty().bind(current.isNull());
        score.setOnAction(e -> score(current.get()));
        Button clear = new Button(Texts.t("assessment.clear") + "…");
        clear.disableProperty().bind(Bindings.createBooleanBinding(() -> current.get() == null
                || current.get().office() == null, current));
        clear.setOnAction(e -> clear(current.get()));
        Button draw = new Button(Texts.t("assessment.draw") + "…");
        draw.setId("assessment-draw");
        draw.disableProperty().bind(vm.selectedProperty().isNull());
        draw.setOnAction(e -> draw());
        Button verify = new Button(Texts.t("assessment.verify"));
        verify.setId("assessment-verify");
        verify.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null
                || vm.selectedProperty().get().spotCheck() == null, vm.selectedProperty()));
        verify.setOnAction(e -> vm.verifySpotCheck(text -> Messages.info(root.getScene().getWindow(),
                Texts.t("assessment.verify"), text)));
        javafx.scene.layout.FlowPane actions = Layouts.toolbar(score, clear, draw, verify, onlyDrawn, onlyNotable);
        Label spot = new Label();
        spot.setId("assessment-spot");
        spot.textProperty().bind(vm.spotCheckTextProperty());
        spot.setWrapText(true);
        VBox right = new VBox(4, actions, spot, rows);
        VBox.setVgrow(rows, Priority.ALWAYS);
        rows.setMinHeight(140);

        // On a short window the work on the unit scrolls within its side (its actions wrap onto more lines).
        root.setCenter(DetailsSplit.listFirst(units, UNITS_MIN_WIDTH, UNITS_WIDTH, Layouts.fitOrScroll(right),
                WORK_MIN_WIDTH));
    }

    private void filter() {
        boolean drawn = onlyDrawn.isSelected();
        boolean notable = onlyNotable.isSelected();
        shown.setPredicate(r -> (!drawn || r.spotChecked()) && (!notable || r.notable()));
    }

    private void score(AssessmentSheet.Row row) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle(Texts.t("assessment.score"));
        dialog.setHeaderText(Texts.t("assessment.scoreHeader", row.path(), Numbers.plain(row.node().weight()),
                row.self() == null ? "—" : Numbers.plain(row.self()), Numbers.plain(row.computed().points())));
        dialog.getDialogPane().setId("score-dialog");
        TextField points = new TextField(Numbers.plain(row.counted()));
        points.setId("score-points");
        TextField reason = new TextField(row.office() == null ? "" : row.office().reason());
        reason.setId("score-reason");
        reason.setPrefColumnCount(32);
        GridPane form = Forms.grid();
        form.addRow(0, new Label(Texts.t("assessment.col.office")), points);
        form.addRow(1, new Label(Texts.t("assessment.col.reason")), reason);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(Bindings.createBooleanBinding(
                () -> InspectionDialog.typedNumber(points.getText()) == null || reason.getText().isBlank(),
                points.textProperty(), reason.textProperty()));
        dialog.setOnShown(e -> {
            points.requestFocus();
            points.selectAll();
        });
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.filter(b -> b == ButtonType.OK).isPresent()) {
            BigDecimal p = InspectionDialog.typedNumber(points.getText());
            vm.score(row, p, reason.getText().strip());
        }
    }

    private void clear(AssessmentSheet.Row row) {
        Dialogs.askReason(root.getScene().getWindow(), "score-clear-dialog", Texts.t("assessment.clear"),
                Texts.t("assessment.clearHeader", row.path(), Numbers.plain(row.computed().points())),
                Texts.t("inspection.reason")).ifPresent(reason -> vm.clearScore(row, reason));
    }

    private void draw() {
        var line = vm.selectedProperty().get();
        String header = line.spotCheck() == null ? Texts.t("assessment.drawHeader", line.unit().name())
                : Texts.t("assessment.redrawHeader", line.unit().name(), String.valueOf(line.spotCheck().seed()));
        javafx.scene.control.Alert confirm = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, header, ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setTitle(Texts.t("assessment.draw"));
        confirm.setHeaderText(null);
        confirm.getDialogPane().setId("draw-dialog");
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.drawSpotCheck());
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
