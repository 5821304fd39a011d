package org.perfdesk.ui.overview;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.WorkspaceContext;

/** 概览: figures as tiles, then the year's deadlines. */
public final class OverviewView implements Screen {
    private final OverviewViewModel vm;
    private final BorderPane root = new BorderPane();
    private final FlowPane tiles = new FlowPane(12, 12);

    public OverviewView(OverviewViewModel vm, WorkspaceContext ctx) {
        this.vm = vm;
        root.getStyleClass().add("screen");
        root.setId("screen-overview");
        Label title = new Label(Texts.t("overview.title", ctx.self().name()));
        title.getStyleClass().add("screen-title");
        tiles.setId("overview-figures");
        vm.figures().addListener((ListChangeListener<OverviewViewModel.Figure>) c -> rebuildTiles());

        TableView<OverviewViewModel.DeadlineRow> table = new TableView<>(vm.deadlines());
        table.setId("overview-deadlines");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // As tall as its rows: a short list should not trail a column of empty stripes.
        table.setFixedCellSize(28);
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(vm.deadlines()).multiply(28).add(32));
        table.getColumns().add(Columns.text("overview.col.what", 360, OverviewViewModel.DeadlineRow::what));
        table.getColumns().add(Columns.text("overview.col.date", 110, OverviewViewModel.DeadlineRow::date));
        table.getColumns().add(Columns.text("overview.col.state", 120, OverviewViewModel.DeadlineRow::state));
        Label deadlinesTitle = new Label(Texts.t("overview.deadlines"));
        deadlinesTitle.getStyleClass().add("section-title");
        VBox box = new VBox(12, title, tiles, deadlinesTitle, table);
        root.setCenter(box);
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
