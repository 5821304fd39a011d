package org.perfdesk.ui.common;

import java.util.function.Consumer;

import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

/** The keys every record list answers to: Enter or a double-click opens the row, Delete removes it. */
public final class TableKeys {
    private TableKeys() {
    }

    /** {@code remove} may be null where rows cannot be removed. */
    public static <R> void openAndRemove(TableView<R> table, Consumer<R> open, Consumer<R> remove) {
        table.setRowFactory(t -> {
            TableRow<R> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            R selected = table.getSelectionModel().getSelectedItem();
            if (selected == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER) {
                open.accept(selected);
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && remove != null) {
                remove.accept(selected);
                e.consume();
            }
        });
    }
}
