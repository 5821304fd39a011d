package org.perfdesk.ui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.control.cell.TextFieldTreeTableCell;
import javafx.util.converter.DefaultStringConverter;

/**
 * Cells shared by the screens: long text that the column cuts off shows whole on hover; text typed
 * in place always lands in the cell's field.
 */
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

    /** A text cell edited in place (F2, Enter, or a new row opened for typing). */
    public static <S> TableCell<S, String> editableText() {
        return new TextFieldTableCell<>(new DefaultStringConverter()) {
            @Override
            public void startEdit() {
                super.startEdit();
                keepKeyboardInField(this);
            }
        };
    }

    /** The tree-table form of {@link #editableText()}. */
    public static <S> TreeTableCell<S, String> editableTreeText() {
        return new TextFieldTreeTableCell<>(new DefaultStringConverter()) {
            @Override
            public void startEdit() {
                super.startEdit();
                keepKeyboardInField(this);
            }
        };
    }

    /**
     * The stock cell asks for the keyboard as soon as its field exists, but a layout pass that
     * follows (a row just added, the table re-focused after a rebuild) can take it back to the
     * table: the user then types into nothing. Asking once more after that pass settles it.
     */
    private static void keepKeyboardInField(javafx.scene.control.Cell<?> cell) {
        if (!cell.isEditing()) {
            return;
        }
        javafx.application.Platform.runLater(() -> {
            if (cell.isEditing() && cell.getGraphic() != null && !cell.getGraphic().isFocused()) {
                cell.getGraphic().requestFocus();
            }
        });
    }
}
