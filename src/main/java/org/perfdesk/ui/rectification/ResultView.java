package org.perfdesk.ui.rectification;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.perfdesk.domain.FeedbackResult;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RectificationItem;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.FeedbackPayload;
import org.perfdesk.report.ResultsTexts;
import org.perfdesk.report.docx.FeedbackDocx;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Converters;
import org.perfdesk.ui.common.Layouts;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.NarrowColumns;
import org.perfdesk.ui.common.OpenFiles;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 考核结果 (unit): the year's results as the office fed them back, kept as received so they can be
 * opened again at any time — the total and rank, each indicator's target, reported and verified
 * figure, completion, points and why, the appraisal rounds, the inspection findings — exported to
 * Word or printed, and the way on to 整改 when the feedback carried rectification items.
 */
public final class ResultView implements Screen {
    private final WorkspaceContext ctx;
    private final BorderPane root = new BorderPane();
    private final ObservableList<FeedbackPayload.Received> received = FXCollections.observableArrayList();
    private final ComboBox<FeedbackPayload.Received> which = new ComboBox<>(received);
    private final Label summary = new Label();
    private final TableView<FeedbackResult.Indicator> indicators = new TableView<>();
    private final TextArea others = new TextArea();
    private final Button rectify = new Button(Texts.t("result.rectify"));
    private List<RectificationItem> items = List.of();

    public ResultView(WorkspaceContext ctx) {
        this.ctx = ctx;
        Label title = Styles.screen(root, "screen-result", Texts.t("nav.result"));
        Label hint = new Label(Texts.t("result.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        which.setId("result-which");
        which.setConverter(Converters.showing((FeedbackPayload.Received r) -> r == null ? ""
                : Texts.t("result.receivedOn", ResultsTexts.when(r.receivedAt().toString()))));
        which.valueProperty().addListener((o, a, r) -> show(r));
        Button export = new Button(Texts.t("result.export") + "…");
        export.setId("result-export");
        export.disableProperty().bind(which.valueProperty().isNull());
        export.setOnAction(e -> export());
        Button print = new Button(Texts.t("reports.print"));
        print.setId("result-print");
        print.disableProperty().bind(which.valueProperty().isNull());
        print.setOnAction(e -> print());
        rectify.setId("result-rectify");
        rectify.getStyleClass().add("primary");
        rectify.setDisable(true);
        rectify.setOnAction(e -> ctx.go(org.perfdesk.ui.common.Place.RECTIFICATION));
        which.setMinWidth(180); // the date of the result chosen, whole
        javafx.scene.layout.FlowPane bar = Layouts.toolbar(which, export, print, rectify);
        summary.setId("result-summary");
        summary.setWrapText(true);
        root.setTop(new VBox(4, title, hint, bar, summary));

        indicators.setId("result-indicators");
        indicators.setPlaceholder(new Label(Texts.t("result.empty")));
        indicators.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        indicators.getColumns().add(Columns.text("results.col.indicator", 180, FeedbackResult.Indicator::title));
        var weight = Columns.<FeedbackResult.Indicator>text("results.col.weight", 45, i -> Numbers.plain(i.weight()));
        indicators.getColumns().add(weight);
        indicators.getColumns().add(Columns.text("results.col.target", 90, FeedbackResult.Indicator::target));
        var reported = Columns.<FeedbackResult.Indicator>text("results.col.reported", 80, FeedbackResult.Indicator::reported);
        indicators.getColumns().add(reported);
        var verified = Columns.<FeedbackResult.Indicator>text("results.col.verified", 80, FeedbackResult.Indicator::verified);
        indicators.getColumns().add(verified);
        var completion = Columns.<FeedbackResult.Indicator>text("results.workbook.col.completion", 60,
                FeedbackResult.Indicator::completion);
        indicators.getColumns().add(completion);
        indicators.getColumns().add(Columns.text("results.col.points", 55, i -> ResultsTexts.number(i.points())));
        var basis = Columns.<FeedbackResult.Indicator>text("results.col.basis", 220, FeedbackResult.Indicator::why);
        indicators.getColumns().add(basis);
        // A narrow window keeps the indicator, its target and its points; the rest come back as it grows.
        NarrowColumns.install(indicators, indicators.getColumns(), List.of(basis, completion, verified, reported, weight));
        others.setId("result-others");
        others.setEditable(false);
        others.setWrapText(true);
        SplitPane split = new SplitPane(indicators, others);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.7);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.setCenter(split);
        root.getProperties().put(ResultView.class, this);
    }

    private void load() {
        int year = ctx.year();
        FeedbackPayload.Received was = which.getValue();
        ctx.tasks().run(Texts.t("task.loadFeedback"), () -> new Loaded(FeedbackPayload.received(ctx.workspace(), year),
                ctx.workspace().rectifications().findByUnit(ctx.self().code(), year)), loaded -> {
                    items = loaded.items();
                    received.setAll(loaded.received());
                    FeedbackPayload.Received again = was == null ? null : loaded.received().stream()
                            .filter(r -> r.packageId().equals(was.packageId())).findFirst().orElse(null);
                    which.setValue(again != null ? again
                            : loaded.received().isEmpty() ? null : loaded.received().get(loaded.received().size() - 1));
                    if (which.getValue() == null) {
                        show(null);
                    }
                });
    }

    private record Loaded(List<FeedbackPayload.Received> received, List<RectificationItem> items) {
    }

    private void show(FeedbackPayload.Received r) {
        if (r == null) {
            summary.setText(Texts.t("result.none"));
            indicators.getItems().clear();
            others.setText("");
            rectify.setDisable(true);
            return;
        }
        FeedbackResult f = r.result();
        summary.setText(FeedbackDocx.summaryOf(f, Texts.current()));
        indicators.getItems().setAll(f.indicators());
        StringBuilder b = new StringBuilder();
        b.append(Texts.t("feedbackDoc.appraisal")).append('\n');
        if (f.rounds().isEmpty()) {
            b.append(Texts.t("feedbackDoc.noRounds")).append('\n');
        }
        f.rounds().forEach(x -> b.append(Texts.t("results.round", x.round(), x.sampleSize(),
                ResultsTexts.number(x.score()))).append(x.body().isEmpty() ? "" : "（" + x.body() + "）").append('\n'));
        b.append('\n').append(Texts.t("feedbackDoc.inspections")).append('\n');
        if (f.inspections().isEmpty()) {
            b.append(Texts.t("feedbackDoc.noFindings")).append('\n');
        }
        f.inspections().forEach(i -> b.append(Texts.t("results.inspection", i.date(), i.kind(), i.finding(),
                Numbers.plain(i.deduction()))).append('\n'));
        f.bonuses().forEach(x -> b.append(Texts.t("results.bonusLine", Numbers.plain(x.points()), x.reason()))
                .append('\n'));
        b.append('\n').append(items.isEmpty() ? Texts.t("feedbackDoc.noItems")
                : Texts.t("result.items", items.size()));
        others.setText(b.toString().strip());
        rectify.setDisable(items.isEmpty());
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("result.export"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Word", "*.docx"));
        chooser.setInitialFileName(Texts.t("result.fileName", String.valueOf(ctx.year()), ctx.self().name()));
        java.io.File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath(), path -> Messages.info(root.getScene().getWindow(), Texts.t("results.ui.exported"),
                    path.toAbsolutePath().toString()));
        }
    }

    /** Writes the selected result as Word (what export and print share; a test hands in the file). */
    public void exportTo(Path file, java.util.function.Consumer<Path> done) {
        FeedbackPayload.Received r = which.getValue();
        if (r == null) {
            return;
        }
        List<RectificationItem> its = items;
        String office = ctx.workspace().orgUnits().find(ctx.self().parentCode()).map(OrgUnit::name).orElse("");
        LocalDate on = r.receivedAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
        ctx.tasks().run(Texts.t("task.exportReport"), () -> {
            FeedbackDocx.write(r.result(), its, office, on, Texts.current(), file);
            return file;
        }, done);
    }

    private void print() {
        try {
            Path tmp = java.nio.file.Files.createTempDirectory("perfdesk-print-")
                    .resolve(ctx.self().code() + "-" + ctx.year() + "-result.docx");
            exportTo(tmp, path -> OpenFiles.print(root.getScene().getWindow(), path));
        } catch (java.io.IOException e) {
            Messages.error(root.getScene().getWindow(), e);
        }
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void refresh() {
        load();
    }
}
