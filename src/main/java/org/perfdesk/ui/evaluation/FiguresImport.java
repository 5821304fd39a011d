package org.perfdesk.ui.evaluation;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.xlsx.FiguresXlsx;
import org.perfdesk.ui.common.Converters;
import org.perfdesk.ui.common.Forms;
import org.perfdesk.ui.common.Layouts;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * The 指标考核数据表 in the window: writing the form for an assessing body (省统计局, a 考核部门, the cities'
 * 联合评估), and reading it back — every bad row listed by row and column and nothing saved, or a preview
 * of what changes (with the figures that differ from the units' own) saved only on confirmation.
 */
final class FiguresImport {
    private final WorkspaceContext ctx;
    private final java.util.function.Supplier<Window> window;
    private final Runnable saved;

    FiguresImport(WorkspaceContext ctx, java.util.function.Supplier<Window> window, Runnable saved) {
        this.ctx = ctx;
        this.window = window;
        this.saved = saved;
    }

    Button templateButton() {
        Button b = new Button(Texts.t("figures.ui.template") + "…");
        b.setId("figures-template");
        b.setOnAction(e -> askTemplate());
        return b;
    }

    Button importButton() {
        Button b = new Button(Texts.t("figures.ui.import") + "…");
        b.setId("figures-import");
        b.setOnAction(e -> chooseAndRead());
        return b;
    }

    /** Who fills the form in and for which units. */
    record Request(String body, RankingGroup group) {
    }

    private void askTemplate() {
        Dialog<Request> dialog = new Dialog<>();
        dialog.initOwner(window.get());
        dialog.setTitle(Texts.t("figures.ui.template"));
        dialog.setHeaderText(Texts.t("figures.ui.templateHeader"));
        dialog.getDialogPane().setId("figures-template-dialog");
        ComboBox<String> body = new ComboBox<>();
        body.setId("figures-body");
        body.setEditable(true);
        body.getItems().setAll(Texts.t("figures.ui.body.statistics"), Texts.t("figures.ui.body.joint"));
        body.getEditor().setText(Texts.t("figures.ui.body.statistics"));
        ComboBox<Optional<RankingGroup>> units = new ComboBox<>();
        units.setId("figures-units");
        units.getItems().add(Optional.empty());
        for (RankingGroup g : RankingGroup.values()) {
            units.getItems().add(Optional.of(g));
        }
        units.setValue(Optional.of(RankingGroup.CITY_GOVERNMENTS));
        units.setConverter(Converters.showing((Optional<RankingGroup> g) -> g == null ? ""
                : g.map(x -> Texts.current().of(x)).orElse(Texts.t("figures.ui.allUnits"))));
        GridPane form = Forms.grid();
        form.addRow(0, new Label(Texts.t("figures.ui.body")), body);
        form.addRow(1, new Label(Texts.t("figures.ui.units")), units);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(Bindings.createBooleanBinding(
                () -> body.getEditor().getText().isBlank(), body.getEditor().textProperty()));
        dialog.setResultConverter(b -> b == ButtonType.OK ? new Request(body.getEditor().getText().strip(),
                units.getValue() == null ? null : units.getValue().orElse(null)) : null);
        dialog.showAndWait().ifPresent(r -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Texts.t("figures.ui.template"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel", "*.xlsx"));
            chooser.setInitialFileName(Texts.t("figures.ui.templateName", String.valueOf(ctx.year()), r.body()));
            File file = chooser.showSaveDialog(window.get());
            if (file != null) {
                writeTemplate(r, file.toPath());
            }
        });
    }

    /** Writes the form (what the dialogs or a test hand in). */
    void writeTemplate(Request r, Path file) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.exportXlsx"), () -> {
            FiguresXlsx.template(ctx.workspace(), year, r.body(), r.group(), file);
            return file;
        }, f -> Messages.info(window.get(), Texts.t("figures.ui.templateDone"), f.toAbsolutePath().toString()));
    }

    private void chooseAndRead() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("figures.ui.import"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel", "*.xlsx"));
        File file = chooser.showOpenDialog(window.get());
        if (file != null) {
            read(file.toPath());
        }
    }

    /** Reads a filled-in form and shows what it would do; nothing is saved before the user confirms. */
    void read(Path file) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.readXlsx"), () -> FiguresXlsx.parse(ctx.workspace(), year, file), this::preview);
    }

    private void preview(FiguresXlsx.Parsed parsed) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(window.get());
        dialog.setTitle(Texts.t("figures.ui.import"));
        dialog.getDialogPane().setId("figures-preview");
        ListView<String> lines = new ListView<>();
        lines.setId("figures-preview-lines");
        lines.setPrefSize(760, 360);
        Texts texts = Texts.current();
        if (parsed.refused()) {
            dialog.setHeaderText(Texts.t("figures.ui.refused", parsed.file().getFileName().toString(),
                    parsed.problems().size()));
            lines.getItems().setAll(parsed.problems().stream().map(p -> p.describe(texts)).toList());
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        } else {
            dialog.setHeaderText(Texts.t("figures.ui.preview", parsed.body(), parsed.rows().size(),
                    parsed.count(FiguresXlsx.Change.ADDED), parsed.count(FiguresXlsx.Change.REPLACED),
                    parsed.count(FiguresXlsx.Change.UNCHANGED), parsed.differing(), parsed.emptyRows()));
            lines.getItems().setAll(parsed.rows().stream().map(l -> Texts.t("figures.import.cli.line", l.row(),
                    l.unitName(), l.title(), l.reported().isEmpty() ? "—" : l.reported(), l.verified(),
                    Texts.t(l.differs() ? "figures.import.differs" : "figures.import.same"),
                    Texts.t("figures.import.change." + l.change().name()))).toList());
            ButtonType confirm = new ButtonType(Texts.t("appraisal.ui.confirm"), ButtonBar.ButtonData.OK_DONE);
            dialog.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
            dialog.getDialogPane().lookupButton(confirm).setDisable(parsed.count(FiguresXlsx.Change.ADDED)
                    + parsed.count(FiguresXlsx.Change.REPLACED) == 0);
        }
        dialog.getDialogPane().setContent(Layouts.fitOrScroll(new VBox(6, lines)));
        dialog.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .ifPresent(b -> apply(parsed));
    }

    private void apply(FiguresXlsx.Parsed parsed) {
        ctx.tasks().run(Texts.t("task.importXlsx"), () -> FiguresXlsx.apply(ctx.workspace(), parsed), applied -> {
            ctx.saved();
            saved.run();
            Messages.info(window.get(), Texts.t("figures.ui.done"), Texts.t("figures.ui.doneText", parsed.body(),
                    applied.added(), applied.replaced(), applied.unchanged(),
                    applied.backup() == null ? "" : applied.backup().toString()));
        });
    }
}
