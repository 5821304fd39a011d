package org.perfdesk.ui.evaluation;

import java.io.File;
import java.time.LocalDate;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.SubmissionTracker;
import org.perfdesk.report.xlsx.TrackerWorkbook;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Converters;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 报送情况: units × expected packages (plan, half-year report, annual summary, rectification), each
 * cell on time, late by so many days, missing, returned or not due; filtered by ranking group and
 * exported to xlsx for the office's circular.
 */
public final class TrackerView implements Screen {
    private final WorkspaceContext ctx;
    private final BorderPane root = new BorderPane();
    private final ObservableList<SubmissionTracker.Line> lines = FXCollections.observableArrayList();
    private final FilteredList<SubmissionTracker.Line> shown = new FilteredList<>(lines);
    private final TableView<SubmissionTracker.Line> table = new TableView<>(shown);
    private final ComboBox<RankingGroup> group = new ComboBox<>();

    public TrackerView(WorkspaceContext ctx) {
        this.ctx = ctx;
        Label title = Styles.screen(root, "screen-tracker", Texts.t("nav.tracker"));
        group.setId("tracker-group");
        group.getItems().add(null);
        group.getItems().addAll(RankingGroup.values());
        group.setConverter(Converters.showing((RankingGroup g) -> g == null ? Texts.t("tracker.allGroups")
                : Texts.current().of(g)));
        group.setValue(null);
        group.valueProperty().addListener((o, a, g) -> shown.setPredicate(l -> g == null || l.unit().group() == g));
        Button export = new Button(Texts.t("tracker.export") + "…");
        export.setId("tracker-export");
        export.setOnAction(e -> export());
        HBox actions = new HBox(8, new Label(Texts.t("tracker.group")), group, export);
        actions.getStyleClass().add("toolbar");
        Label hint = new Label(Texts.t("tracker.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        root.setTop(new VBox(4, title, actions, hint));

        table.setId("tracker-table");
        table.setPlaceholder(new Label(Texts.t("review.empty")));
        table.getColumns().add(Columns.text("tracker.col.unit", 170, l -> l.unit().name()));
        table.getColumns().add(Columns.text("tracker.col.group", 90, l -> l.unit().group() == null ? ""
                : Texts.current().of(l.unit().group())));
        for (SubmissionTracker.Expected what : SubmissionTracker.Expected.values()) {
            table.getColumns().add(stateColumn(what));
        }
        root.setCenter(table);
    }

    private static TableColumn<SubmissionTracker.Line, SubmissionTracker.Cell> stateColumn(
            SubmissionTracker.Expected what) {
        TableColumn<SubmissionTracker.Line, SubmissionTracker.Cell> c =
                new TableColumn<>(Texts.t("tracker.expected." + what.name()));
        c.setPrefWidth(170);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().cell(what)));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(SubmissionTracker.Cell item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(s -> s.startsWith("tracker-"));
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(TrackerWorkbook.describe(item, Texts.current()));
                getStyleClass().add("tracker-" + item.state().name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        return c;
    }

    private void load() {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.loadTracker"), () -> SubmissionTracker.of(ctx.workspace(), year,
                LocalDate.now()), lines::setAll);
    }

    private void export() {
        if (!org.perfdesk.ui.common.Refusals.clear(root.getScene().getWindow(), ctx,
                org.perfdesk.ui.common.Preconditions.unitsToEvaluate(ctx.workspace(), ctx.year()))) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("tracker.export"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel", "*.xlsx"));
        chooser.setInitialFileName(Texts.t("tracker.exportName", String.valueOf(ctx.year())));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        List<SubmissionTracker.Line> now = List.copyOf(shown);
        int year = ctx.year();
        Texts texts = Texts.current();
        ctx.tasks().run(Texts.t("task.exportXlsx"), () -> {
            TrackerWorkbook.write(now, year, texts, file.toPath());
            return file;
        }, f -> Messages.info(root.getScene().getWindow(), Texts.t("results.ui.exported"), f.getAbsolutePath()));
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
