package org.perfdesk.ui.common;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;

import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Control;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;

/**
 * The frame in which a table first shows rows makes every visible row and cell, with its skin and
 * styles: on the goal tree (ten columns, about twenty rows) that one frame kept the JavaFX thread busy
 * for 150–300 ms. While the data loads, this makes those rows a few per frame, empty, so the frame
 * that shows the data only fills rows that exist (the table reuses them). The empty rows are replaced
 * as soon as anything sets the table's root; until then the table shows empty lines instead of its
 * placeholder.
 */
public final class RowPriming {
    /**
     * Rows made per frame after the first: the first row of a table in a scene costs 100–160 ms (its
     * skins and styles matched for the first time), each later one a few milliseconds.
     */
    private static final int PER_FRAME = 3;

    private RowPriming() {
    }

    /**
     * Starts making {@code table}'s visible rows (by its fixed cell size) a few per frame, unless it
     * has rows already. Call it when a load starts, on the JavaFX thread.
     */
    public static <T> void prime(TreeTableView<T> table) {
        if (table.getFixedCellSize() <= 0
                || table.getRoot() != null && !table.getRoot().getChildren().isEmpty()) {
            return;
        }
        TreeItem<T> empty = new TreeItem<>();
        table.setRoot(empty);
        grow(table, table.getFixedCellSize(), () -> table.getRoot() == empty, () -> empty.getChildren().size(), n -> {
            for (int i = 0; i < n; i++) {
                empty.getChildren().add(new TreeItem<>());
            }
            return n;
        });
    }

    /**
     * The same for a table showing {@code table.getItems()}: empty rows are shown instead until that
     * list changes, or until {@link Runnable#run} is called on what this returns (when the load failed).
     */
    public static <T> Runnable prime(TableView<T> table) {
        ObservableList<T> items = table.getItems();
        if (table.getFixedCellSize() <= 0 || items == null || !items.isEmpty()) {
            return () -> { };
        }
        ObservableList<T> empty = FXCollections.observableArrayList();
        table.setItems(empty);
        InvalidationListener[] back = new InvalidationListener[1];
        Runnable end = () -> {
            items.removeListener(back[0]);
            if (table.getItems() == empty) {
                table.setItems(items);
            }
        };
        // An invalidation listener runs before the list's change listeners (which may select a row).
        back[0] = o -> end.run();
        items.addListener(back[0]);
        grow(table, table.getFixedCellSize(), () -> table.getItems() == empty, empty::size, n -> {
            for (int i = 0; i < n; i++) {
                empty.add(null);
            }
            return n;
        });
        return end;
    }

    private static void grow(Control table, double rowHeight, BooleanSupplier priming, IntSupplier rows,
                             IntUnaryOperator add) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                frames++;
                if (!priming.getAsBoolean() || table.getScene() == null && frames > 60) {
                    stop(); // the data is shown, or the screen was not (or no longer) shown
                    return;
                }
                if (frames == 1 || table.getScene() == null || table.getHeight() <= 0) {
                    return; // the load's own frame, or the table not laid out yet: enough for one frame
                }
                int wanted = (int) Math.ceil(table.getHeight() / rowHeight);
                int have = rows.getAsInt();
                if (have >= wanted) {
                    stop();
                    return;
                }
                add.applyAsInt(Math.min(have == 0 ? 1 : PER_FRAME, wanted - have));
            }
        }.start();
    }
}
