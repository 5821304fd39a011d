package org.perfdesk.ui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;

/** Cells for long text that the column cuts off: the whole text shows on hover. */
public final class Cells {
    private Cells() {
    }

    public static <S> void fullTextOnHover(TableColumn<S, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                hoverText(this, empty ? null : text);
            }
        });
    }

    public static <S> void fullTextOnHover(TreeTableColumn<S, String> column) {
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                hoverText(this, empty ? null : text);
            }
        });
    }

    /**
     * One tooltip per cell, made on first need and then only given new text: a tooltip is a small
     * window of its own, too dear to make on every update of every row.
     */
    private static void hoverText(javafx.scene.control.Cell<?> cell, String text) {
        if (text == null || text.isBlank()) {
            cell.setTooltip(null);
            return;
        }
        Tooltip t = (Tooltip) cell.getProperties().computeIfAbsent(Tooltip.class, k -> {
            Tooltip made = new Tooltip();
            made.setWrapText(true);
            made.setMaxWidth(480);
            return made;
        });
        t.setText(text);
        cell.setTooltip(t);
    }
}
