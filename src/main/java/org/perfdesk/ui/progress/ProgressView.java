package org.perfdesk.ui.progress;


import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Cells;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Screen;

/** 进度监控: a table of indicators for one quarter, status in words and colour. */
public final class ProgressView implements Screen {
    private final ProgressViewModel vm;
    private final BorderPane root = new BorderPane();

    public ProgressView(ProgressViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("screen");
        root.setId("screen-progress");
        Label title = new Label(Texts.t("nav.progress"));
        title.getStyleClass().add("screen-title");
        ComboBox<Integer> quarter = new ComboBox<>();
        quarter.setId("progress-quarter");
        quarter.getItems().addAll(1, 2, 3, 4);
        quarter.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer q) {
                return q == null ? "" : Texts.t("progress.quarter", q);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        quarter.valueProperty().bindBidirectional(vm.quarterProperty().asObject());
        Label summary = new Label();
        summary.setId("progress-summary");
        summary.textProperty().bind(vm.summaryProperty());
        HBox toolbar = new HBox(8, new Label(Texts.t("progress.chooseQuarter")), quarter, summary);
        toolbar.getStyleClass().add("toolbar");
        root.setTop(new VBox(4, title, toolbar));

        TableView<ProgressViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("progress-table");
        table.setPlaceholder(new Label(Texts.t("progress.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text("progress.col.indicator", 230, r -> r.node().title()));
        table.getColumns().add(Columns.text("progress.col.owner", 140, ProgressViewModel.Row::owner));
        table.getColumns().add(Columns.text("progress.col.target", 90, ProgressViewModel.Row::target));
        table.getColumns().add(Columns.text("progress.col.actual", 90, ProgressViewModel.Row::actual));
        table.getColumns().add(Columns.text("progress.col.completion", 70, ProgressViewModel.Row::completion));
        TableColumn<ProgressViewModel.Row, String> status = Columns.text("progress.col.status", 70,
                r -> r.status() == null ? Texts.t("progress.notReported") : Texts.current().of(r.status()));
        status.setCellFactory(col -> new StatusCell());
        table.getColumns().add(status);
        TableColumn<ProgressViewModel.Row, String> narrative = Columns.text("progress.col.narrative", 220,
                r -> r.progress() == null ? "" : nullToEmpty(r.progress().narrative()));
        Cells.fullTextOnHover(narrative);
        table.getColumns().add(narrative);
        TableColumn<ProgressViewModel.Row, String> gap = Columns.text("progress.col.problems", 200,
                r -> r.progress() == null ? "" : joinGap(r));
        Cells.fullTextOnHover(gap);
        table.getColumns().add(gap);
        root.setCenter(table);
    }

    private static String joinGap(ProgressViewModel.Row r) {
        StringBuilder s = new StringBuilder();
        append(s, "progress.problems", r.progress().problems());
        append(s, "progress.causes", r.progress().causes());
        append(s, "progress.measures", r.progress().measures());
        return s.toString();
    }

    private static void append(StringBuilder s, String key, String text) {
        if (text != null && !text.isBlank()) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(Texts.t(key)).append(text);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }


    /** Status as a word with a colour class: never colour alone. */
    private static final class StatusCell extends TableCell<ProgressViewModel.Row, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            getStyleClass().removeIf(c -> c.startsWith("status-"));
            ProgressViewModel.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
            setText(empty ? null : text);
            if (row != null) {
                ProgressStatus s = row.status();
                getStyleClass().add(s == null ? "status-none" : "status-" + s.name().toLowerCase(java.util.Locale.ROOT));
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
