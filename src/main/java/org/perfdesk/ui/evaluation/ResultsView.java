package org.perfdesk.ui.evaluation;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Dialogs;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.DetailsSplit;
import org.perfdesk.ui.common.Layouts;
import org.perfdesk.ui.common.NarrowColumns;

/**
 * 结果汇总: every unit's components, total and rank by group; selecting a unit shows what each
 * figure rests on (each indicator's points and their source, the appraisal rounds, the inspection
 * findings, the bonus). Freezing records the results and the hash of every input.
 */
public final class ResultsView implements Screen {
    private final ResultsViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<Evaluation.UnitResult> table;
    private final Label detailTitle = new Label();
    private final Label components = new Label();
    private final TableView<IndicatorRule.Line> lines = new TableView<>();
    private final Label others = new Label();
    private final javafx.beans.property.ObjectProperty<Evaluation.UnitResult> selectedUnit =
            new javafx.beans.property.SimpleObjectProperty<>();

    public ResultsView(ResultsViewModel vm) {
        this.vm = vm;
        Label title = Styles.screen(root, "screen-results", Texts.t("nav.results"));
        Button recompute = new Button(Texts.t("results.recompute"));
        recompute.setOnAction(e -> vm.load());
        Button decide = new Button(Texts.t("results.decide") + "…");
        decide.setId("results-decide");
        decide.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            Evaluation.UnitResult r = selectedUnit.get();
            return r == null || r.standing() == Evaluation.Standing.COMPLETE;
        }, selectedUnit));
        decide.setOnAction(e -> askDecision());
        Button approve = new Button(Texts.t("results.approve") + "…");
        approve.setId("results-approve");
        approve.setOnAction(e -> ApprovalDialog.ask(root.getScene().getWindow(), Texts.t("results.approve.header"))
                .ifPresent(a -> vm.approve(a.on(), a.reference(), a.by(), a.note())));
        Button freeze = new Button(Texts.t("results.freeze"));
        freeze.setId("results-freeze");
        freeze.setOnAction(e -> askFreeze());
        Label approval = new Label();
        approval.setId("results-approval");
        approval.setWrapText(true);
        approval.textProperty().bind(vm.approvalTextProperty());
        vm.approvalStyleProperty().addListener((o, a, b) -> approval.getStyleClass().setAll("label", b));
        Label frozen = new Label();
        frozen.setId("results-frozen");
        frozen.setWrapText(true);
        frozen.textProperty().bind(vm.freezeTextProperty());
        vm.freezeStyleProperty().addListener((o, a, b) -> frozen.getStyleClass().setAll("label", b));
        Label blockers = new Label();
        blockers.setId("results-blockers");
        blockers.setWrapText(true);
        blockers.getStyleClass().add("warning");
        blockers.textProperty().bind(vm.blockersTextProperty());
        blockers.managedProperty().bind(blockers.textProperty().isNotEmpty());
        blockers.visibleProperty().bind(blockers.textProperty().isNotEmpty());
        Button workbook = new Button(Texts.t("results.ui.workbook") + "…");
        workbook.setId("results-workbook");
        workbook.setOnAction(e -> export("results.ui.workbook", "Excel", "*.xlsx",
                Texts.t("results.ui.workbookName", String.valueOf(vm.context().year())), vm::exportWorkbook));
        Button notice = new Button(Texts.t("results.ui.notice") + "…");
        notice.setId("results-notice");
        notice.setOnAction(e -> notice());
        javafx.scene.layout.FlowPane actions = Layouts.toolbar(recompute, decide, approve, freeze, workbook, notice);
        // A long list of units waiting for a decision scrolls in a few lines, leaving the ranking its room.
        javafx.scene.control.ScrollPane blockersList = Layouts.form(blockers);
        blockersList.setMaxHeight(100);
        blockersList.managedProperty().bind(blockers.managedProperty());
        blockersList.visibleProperty().bind(blockers.visibleProperty());
        root.setTop(new VBox(4, title, actions, blockersList, approval, frozen));

        table = new TableView<>(vm.results());
        table.setId("results-table");
        // One line per row: a fixed height spares the table measuring rows it does not show.
        table.setFixedCellSize(26);
        table.setPlaceholder(new Label(Texts.t("results.empty")));
        table.getColumns().add(Columns.text("results.col.group", 80, r -> Texts.current().of(r.group())));
        table.getColumns().add(Columns.text("results.col.rank", 55, EvaluationTexts::rank));
        table.getColumns().add(Columns.text("results.col.unit", 150, r -> r.unit().name()));
        table.getColumns().add(Columns.text("results.col.total", 60, r -> EvaluationTexts.score(r.total())));
        table.getColumns().add(Columns.text("results.col.indicators", 70, r -> EvaluationTexts.score(r.indicatorScore())));
        table.getColumns().add(Columns.text("results.col.appraisal", 70, r -> EvaluationTexts.number(r.appraisalScore())));
        table.getColumns().add(Columns.text("results.col.deductions", 70, r -> EvaluationTexts.number(r.deductions())));
        table.getColumns().add(Columns.text("results.col.bonus", 50, r -> EvaluationTexts.number(r.bonus())));
        table.getColumns().add(Columns.text("results.col.remarks", 200, r -> EvaluationTexts.remarks(r, this::nameOf)));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> showDetail(r));
        selectedUnit.bind(table.getSelectionModel().selectedItemProperty());

        lines.setId("results-lines");
        lines.setPlaceholder(new Label(Texts.t("results.pickUnit")));
        lines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        lines.getColumns().add(Columns.text("results.col.indicator", 180, IndicatorRule.Line::title));
        var weight = Columns.<IndicatorRule.Line>text("results.col.weight", 45, l -> EvaluationTexts.plain(l.weight()));
        lines.getColumns().add(weight);
        lines.getColumns().add(Columns.text("results.col.target", 90, l -> EvaluationTexts.target(l, vm.context().year())));
        var reported = Columns.<IndicatorRule.Line>text("results.col.reported", 80, l -> EvaluationTexts.figure(l.reported(), l));
        lines.getColumns().add(reported);
        var verified = Columns.<IndicatorRule.Line>text("results.col.verified", 80, l -> l.verified() == null ? ""
                : EvaluationTexts.figure(l.verified(), l) + (l.differs() ? " ≠" : ""));
        lines.getColumns().add(verified);
        lines.getColumns().add(Columns.text("results.col.points", 55, l -> EvaluationTexts.number(l.points())));
        var basis = Columns.<IndicatorRule.Line>text("results.col.basis", 200, l -> EvaluationTexts.why(l, vm.scheme()));
        lines.getColumns().add(basis);
        // Beside the ranking the trace is narrow: the indicator, its target and its points stay.
        NarrowColumns.install(lines, lines.getColumns(), List.of(basis, verified, reported, weight));
        lines.setMinHeight(140);
        detailTitle.getStyleClass().add("section-title");
        components.setId("results-components");
        components.setWrapText(true);
        others.setId("results-others");
        others.setWrapText(true);
        VBox detail = new VBox(6, detailTitle, components, lines, others);
        VBox.setVgrow(lines, Priority.ALWAYS);
        // A long list of rounds and inspections below the table scrolls rather than pushing it out of sight.
        Tab trace = new Tab(Texts.t("results.ui.trace"), Layouts.fitOrScroll(detail));
        trace.setClosable(false);
        Tab charts = new Tab(Texts.t("results.ui.charts"));
        charts.setClosable(false);
        // Drawn when first chosen: a hundred bars made and styled behind a tab nobody opened were the
        // busiest frame of showing the results.
        charts.selectedProperty().addListener((o, was, chosen) -> {
            if (chosen && charts.getContent() == null) {
                charts.setContent(new ResultsCharts(vm.results()));
            }
        });
        TabPane right = new TabPane(trace, charts);
        right.setId("results-tabs");
        // The ranking and, beside it, where the chosen unit's figures come from (below it when narrow).
        root.setCenter(DetailsSplit.of(table, 360, right, 300, 400));
    }

    private String nameOf(String code) {
        return vm.results().stream().filter(r -> r.unit().code().equals(code)).map(r -> r.unit().name()).findFirst()
                .orElse(code);
    }

    private void showDetail(Evaluation.UnitResult r) {
        if (r == null) {
            detailTitle.setText("");
            components.setText("");
            lines.getItems().clear();
            others.setText("");
            return;
        }
        var s = vm.schemeWeights();
        detailTitle.setText(r.unit().name());
        components.setText(r.total() == null ? Texts.t("results.noTotal", EvaluationTexts.rank(r),
                EvaluationTexts.missing(r)) : Texts.t("results.formula", s[0], EvaluationTexts.number(r.indicatorScore()),
                s[1], EvaluationTexts.number(r.appraisalScore()), EvaluationTexts.number(r.deductions()),
                EvaluationTexts.number(r.bonus()), EvaluationTexts.number(r.total())));
        lines.getItems().setAll(r.indicators());
        StringBuilder b = new StringBuilder();
        for (Evaluation.RoundLine round : r.rounds()) {
            b.append(Texts.t("results.round", round.round(), round.sampleSize(), EvaluationTexts.number(round.score())))
                    .append('\n');
        }
        r.inspections().forEach(i -> b.append(Texts.t("results.inspection", String.valueOf(i.date()),
                Texts.current().of(i.kind()), i.finding(), EvaluationTexts.plain(i.deduction()))).append('\n'));
        r.bonuses().forEach(x -> b.append(Texts.t("results.bonusLine", EvaluationTexts.plain(x.points()), x.reason()))
                .append('\n'));
        others.setText(b.toString().strip());
    }

    /** Asks where, then writes the file in the background and says where it went. */
    private void export(String titleKey, String filterName, String pattern, String initialName,
                        java.util.function.BiConsumer<java.nio.file.Path, Runnable> write) {
        if (!org.perfdesk.ui.common.Refusals.clear(root.getScene().getWindow(), vm.context(),
                org.perfdesk.ui.common.Preconditions.unitsToEvaluate(vm.context().workspace(), vm.context().year()))) {
            return;
        }
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(Texts.t(titleKey));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(filterName, pattern));
        chooser.setInitialFileName(initialName);
        java.io.File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            write.accept(file.toPath(), () -> Messages.info(root.getScene().getWindow(), Texts.t("results.ui.exported"),
                    file.getAbsolutePath()));
        }
    }

    /** The 通报: its date and 文号 first, then where to write it. */
    private void notice() {
        var window = root.getScene().getWindow();
        if (!org.perfdesk.ui.common.Refusals.clear(window, vm.context(),
                org.perfdesk.ui.common.Preconditions.unitsToEvaluate(vm.context().workspace(), vm.context().year()))) {
            return;
        }
        int year = vm.context().year();
        org.perfdesk.ui.common.IssueDialog.ask(window, vm.context(), org.perfdesk.report.Documents.NOTICE,
                org.perfdesk.report.docx.NoticeDocx.title(year, Texts.current()), null, issue -> export(
                        "results.ui.notice", "Word", "*.docx", Texts.t("results.ui.noticeName", String.valueOf(year)),
                        (file, done) -> vm.exportNotice(file, issue, done)));
    }

    private void askFreeze() {
        Dialogs.askReason(root.getScene().getWindow(), "results-freeze-dialog", Texts.t("results.freeze"),
                Texts.t("results.freezeHeader", vm.approvalTextProperty().get()), Texts.t("results.freezeReason"))
                .ifPresent(vm::freeze);
    }

    private void askDecision() {
        Evaluation.UnitResult r = table.getSelectionModel().getSelectedItem();
        if (r != null && r.standing() != Evaluation.Standing.COMPLETE) {
            StandingDialog.ask(root.getScene().getWindow(), r)
                    .ifPresent(a -> vm.decide(r.unit().code(), a.decision(), a.reason()));
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
