package org.perfdesk.ui.overview;


import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.ui.common.Cells;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.Typed;
import org.perfdesk.ui.common.WorkspaceContext;

/** 概览: figures as tiles; what needs attention; the year's calendar, its dates editable. */
public final class OverviewView implements Screen {
    private final OverviewViewModel vm;
    private final BorderPane root = new BorderPane();
    private final FlowPane tiles = new FlowPane(12, 12);
    private final Label message = new Label();

    private final WorkspaceContext ctx;

    public OverviewView(OverviewViewModel vm, WorkspaceContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        Label title = Styles.screen(root, "screen-overview", Texts.t("overview.title", ctx.self().name()));
        tiles.setId("overview-figures");
        vm.figures().addListener((ListChangeListener<OverviewViewModel.Figure>) c -> rebuildTiles());
        message.getStyleClass().add("validation");

        VBox calendar = section("overview.deadlines", calendarTable());
        // One calendar (issue 22): the office sends it to the units; a unit sees whose dates it shows.
        Label source = new Label();
        source.setId("overview-calendar-source");
        source.setWrapText(true);
        source.getStyleClass().add("hint");
        source.textProperty().bind(vm.calendarSourceProperty());
        if (ctx.role() == Role.OFFICE) {
            javafx.scene.control.Button send = org.perfdesk.ui.common.Mnemonics.set(
                    new javafx.scene.control.Button(Texts.t("overview.sendCalendar")), 'S');
            send.setId("overview-send-calendar");
            send.setOnAction(e -> sendCalendar());
            calendar.getChildren().add(1, new HBox(8, send, source));
        } else {
            calendar.getChildren().add(1, source);
        }
        Node lower = ctx.role() == Role.OFFICE ? calendar
                : new HBox(16, section("overview.attention", attentionTable()), calendar);
        if (lower instanceof HBox h) {
            h.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        }
        VBox box = new VBox(12, title, tiles, message, lower);
        VBox.setVgrow(lower, Priority.ALWAYS);
        root.setCenter(box);
    }

    private static VBox section(String key, TableView<?> table) {
        Label label = new Label(Texts.t(key));
        label.getStyleClass().add("section-title");
        VBox box = new VBox(6, label, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private TableView<OverviewViewModel.AttentionRow> attentionTable() {
        TableView<OverviewViewModel.AttentionRow> table = new TableView<>(vm.attention());
        table.setId("overview-attention");
        table.setPlaceholder(new Label(Texts.t("overview.nothingToDo")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<OverviewViewModel.AttentionRow, String> what = Columns.text("progress.col.indicator", 200,
                OverviewViewModel.AttentionRow::title);
        Cells.fullTextOnHover(what);
        TableColumn<OverviewViewModel.AttentionRow, String> why = Columns.text("overview.col.why", 200,
                OverviewViewModel.AttentionRow::reason);
        Cells.fullTextOnHover(why);
        table.getColumns().add(what);
        table.getColumns().add(Columns.text("progress.col.owner", 110, OverviewViewModel.AttentionRow::owner));
        table.getColumns().add(why);
        return table;
    }

    private TableView<OverviewViewModel.DeadlineRow> calendarTable() {
        TableView<OverviewViewModel.DeadlineRow> table = new TableView<>(vm.deadlines());
        table.setId("overview-deadlines");
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<OverviewViewModel.DeadlineRow, String> what = Columns.text("overview.col.what", 280,
                OverviewViewModel.DeadlineRow::what);
        Cells.fullTextOnHover(what);
        TableColumn<OverviewViewModel.DeadlineRow, String> date = Columns.text("overview.col.date", 100,
                r -> r.date().toString());
        Columns.wholeDates(date).setEditable(true);
        date.setCellFactory(c -> Cells.editableText());
        date.setOnEditCommit(e -> {
            String text = e.getNewValue() == null ? "" : e.getNewValue().strip();
            try {
                vm.setDeadline(e.getRowValue().key(), Typed.date(text, ctx.year(), Texts.t("overview.col.date")));
                message.setText("");
            } catch (UserError ex) {
                message.setText(ex.getLocalizedMessage());
                table.refresh();
            }
        });
        table.getColumns().add(what);
        table.getColumns().add(date);
        table.getColumns().add(Columns.text("overview.col.state", 90, OverviewViewModel.DeadlineRow::state));
        table.setTooltip(new javafx.scene.control.Tooltip(Texts.t("overview.calendarHint")));
        return table;
    }

    /** Signs the calendar for every registered unit into the outbox, after the passphrase. */
    private void sendCalendar() {
        var window = root.getScene().getWindow();
        org.perfdesk.ui.common.Dialogs.withSigner(window, ctx, signer -> vm.sendCalendar(signer, n ->
                org.perfdesk.ui.common.Messages.info(window, Texts.t("overview.calendarSent", n),
                        Texts.t("overview.calendarSentText", ctx.workspace().outboxDir().toAbsolutePath().toString()))));
    }

    private void rebuildTiles() {
        tiles.getChildren().clear();
        for (OverviewViewModel.Figure f : vm.figures()) {
            Label value = new Label(f.value());
            value.getStyleClass().add("tile-value");
            Label label = new Label(f.label());
            label.getStyleClass().add("tile-label");
            VBox tile = new VBox(2, value, label);
            tile.getStyleClass().add("tile");
            tiles.getChildren().add(tile);
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
