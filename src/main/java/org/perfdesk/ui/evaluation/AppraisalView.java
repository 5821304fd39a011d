package org.perfdesk.ui.evaluation;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.AppraisalScore;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.report.xlsx.AppraisalXlsx;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 公众评议: the survey rounds of the year per unit with their scores; the statistics bodies' results
 * come in as the year's form (xlsx): 下载填报表 writes it (with what is already there), 导入 reads it,
 * lists every bad row or shows what would change, and saves only on confirmation (all or nothing).
 */
public final class AppraisalView implements Screen {
    /** One round as the table shows it. */
    public record RoundRow(String unitName, Appraisal appraisal, BigDecimal score) {
    }

    private final WorkspaceContext ctx;
    private final BorderPane root = new BorderPane();
    private final ObservableList<RoundRow> rounds = FXCollections.observableArrayList();
    private final TableView<RoundRow> table = new TableView<>(rounds);
    private final Label formula = new Label();

    public AppraisalView(WorkspaceContext ctx) {
        this.ctx = ctx;
        Label title = Styles.screen(root, "screen-appraisal", Texts.t("nav.appraisal"));
        Button template = new Button(Texts.t("appraisal.ui.template") + "…");
        template.setId("appraisal-template");
        template.setOnAction(e -> writeTemplate());
        Button importButton = new Button(Texts.t("appraisal.ui.import") + "…");
        importButton.setId("appraisal-import");
        importButton.getStyleClass().add("primary");
        importButton.setOnAction(e -> chooseAndRead());
        HBox actions = new HBox(8, importButton, template);
        actions.getStyleClass().add("toolbar");
        formula.setWrapText(true);
        formula.getStyleClass().add("hint");
        root.setTop(new VBox(4, title, actions, formula));
        table.setId("appraisal-table");
        // One line per row: a fixed height spares the table measuring rows it does not show.
        table.setFixedCellSize(26);
        table.setPlaceholder(new Label(Texts.t("appraisal.ui.empty")));
        root.setCenter(table);
        // A form dropped from the explorer is read as if chosen.
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
        });
        root.setOnDragDropped(e -> {
            e.getDragboard().getFiles().stream().filter(f -> f.getName().toLowerCase(java.util.Locale.ROOT)
                    .endsWith(".xlsx")).findFirst().ifPresent(f -> read(f.toPath()));
            e.setDropCompleted(true);
        });
        root.getProperties().put(AppraisalView.class, this);
    }

    private void load() {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.loadAppraisal"), () -> {
            Evaluator e = new Evaluator(ctx.workspace());
            EvaluationScheme scheme = e.scheme(year);
            Map<String, String> names = e.units(year).stream().collect(Collectors.toMap(OrgUnit::code, OrgUnit::name));
            List<RoundRow> rows = ctx.workspace().evaluation().appraisals().findByYear(year).stream()
                    .map(a -> new RoundRow(names.getOrDefault(a.unitCode(), a.unitCode()), a,
                            AppraisalScore.of(a, scheme))).toList();
            return new Object[] {scheme, rows};
        }, r -> {
            EvaluationScheme scheme = (EvaluationScheme) r[0];
            columns(scheme);
            @SuppressWarnings("unchecked")
            List<RoundRow> rows = (List<RoundRow>) r[1];
            rounds.setAll(rows);
            formula.setText(Texts.t("appraisal.ui.formula", scheme.appraisalLevels().stream()
                    .map(l -> l.name() + " " + Numbers.plain(l.value())).collect(Collectors.joining("、"))));
        });
    }

    /** The answer columns follow the year's scheme. */
    private void columns(EvaluationScheme scheme) {
        table.getColumns().clear();
        table.getColumns().add(Columns.text("results.col.unit", 170, RoundRow::unitName));
        table.getColumns().add(Columns.text("appraisal.ui.col.round", 60, r -> String.valueOf(r.appraisal().round())));
        table.getColumns().add(Columns.text("appraisal.ui.col.sample", 70,
                r -> String.valueOf(r.appraisal().sampleSize())));
        for (EvaluationScheme.AppraisalLevel level : scheme.appraisalLevels()) {
            var c = Columns.<RoundRow>text("appraisal.ui.col.level", 80,
                    r -> String.valueOf(r.appraisal().counts().getOrDefault(level.name(), 0)));
            c.setText(level.name());
            table.getColumns().add(c);
        }
        table.getColumns().add(Columns.text("appraisal.ui.col.score", 70, r -> Numbers.plain(r.score())));
    }

    private void writeTemplate() {
        if (!unitsToAppraise()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("appraisal.ui.template"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel", "*.xlsx"));
        chooser.setInitialFileName(Texts.t("appraisal.ui.templateName", String.valueOf(ctx.year())));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            writeTemplate(file.toPath());
        }
    }

    /** The form lists the year's evaluated units: without any, say so before asking for a file. */
    private boolean unitsToAppraise() {
        return org.perfdesk.ui.common.Refusals.clear(root.getScene().getWindow(), ctx,
                org.perfdesk.ui.common.Preconditions.unitsToEvaluate(ctx.workspace(), ctx.year()));
    }

    /** Writes the year's form (what the file chooser or a test hands in). */
    void writeTemplate(Path file) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.exportXlsx"), () -> {
            AppraisalXlsx.template(ctx.workspace(), year, file);
            return file;
        }, f -> Messages.info(root.getScene().getWindow(), Texts.t("appraisal.ui.templateDone"),
                f.toAbsolutePath().toString()));
    }

    private void chooseAndRead() {
        if (!unitsToAppraise()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("appraisal.ui.import"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel", "*.xlsx"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            read(file.toPath());
        }
    }

    /** Reads a filled-in form and shows what it would do; nothing is saved before the user confirms. */
    void read(Path file) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.readXlsx"), () -> AppraisalXlsx.parse(ctx.workspace(), year, file),
                this::preview);
    }

    private void preview(AppraisalXlsx.Parsed parsed) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle(Texts.t("appraisal.ui.import"));
        dialog.getDialogPane().setId("appraisal-preview");
        ListView<String> lines = new ListView<>();
        lines.setId("appraisal-preview-lines");
        lines.setPrefSize(720, 360);
        Texts texts = Texts.current();
        if (parsed.refused()) {
            dialog.setHeaderText(Texts.t("appraisal.ui.refused", parsed.file().getFileName().toString(),
                    parsed.problems().size()));
            lines.getItems().setAll(parsed.problems().stream().map(p -> p.describe(texts)).toList());
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        } else {
            dialog.setHeaderText(Texts.t("appraisal.ui.preview", parsed.rows().size(),
                    parsed.count(AppraisalXlsx.Change.ADDED), parsed.count(AppraisalXlsx.Change.REPLACED),
                    parsed.count(AppraisalXlsx.Change.UNCHANGED), parsed.emptyRows()));
            lines.getItems().setAll(parsed.rows().stream().map(l -> Texts.t("appraisal.import.cli.line", l.row(),
                    l.unitName(), l.appraisal().round(), l.appraisal().sampleSize(), Numbers.plain(l.score()),
                    Texts.t("appraisal.import.change." + l.change().name()))).toList());
            ButtonType confirm = new ButtonType(Texts.t("appraisal.ui.confirm"), ButtonBar.ButtonData.OK_DONE);
            dialog.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
            dialog.getDialogPane().lookupButton(confirm).setDisable(parsed.count(AppraisalXlsx.Change.ADDED)
                    + parsed.count(AppraisalXlsx.Change.REPLACED) == 0);
        }
        dialog.getDialogPane().setContent(lines);
        dialog.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .ifPresent(b -> apply(parsed));
    }

    private void apply(AppraisalXlsx.Parsed parsed) {
        ctx.tasks().run(Texts.t("task.importXlsx"), () -> AppraisalXlsx.apply(ctx.workspace(), parsed), applied -> {
            ctx.saved();
            load();
            Messages.info(root.getScene().getWindow(), Texts.t("appraisal.ui.done"), Texts.t("appraisal.ui.doneText",
                    applied.added(), applied.replaced(), applied.unchanged(),
                    applied.backup() == null ? "" : applied.backup().toString()));
        });
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
