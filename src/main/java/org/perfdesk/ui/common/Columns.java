package org.perfdesk.ui.common;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TreeTableColumn;
import org.perfdesk.domain.Texts;

/** Read-only text columns: a header from the texts, a width, and how to show a row. */
public final class Columns {
    /** A date (2008-07-15) in full: dates are read at a glance, never as "2008-07…". */
    public static final double DATE_MIN = 86;

    private Columns() {
    }

    /** Keeps the column at least as wide as a whole date. */
    public static <C extends javafx.scene.control.TableColumnBase<?, ?>> C wholeDates(C column) {
        column.setMinWidth(DATE_MIN);
        return column;
    }

    public static <R> TableColumn<R, String> text(String key, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(Texts.t(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? ""
                : value.apply(cell.getValue())));
        return c;
    }

    public static <R> TreeTableColumn<R, String> treeText(String key, double width, Function<R, String> value) {
        TreeTableColumn<R, String> c = new TreeTableColumn<>(Texts.t(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue() == null || cell.getValue().getValue() == null ? ""
                        : value.apply(cell.getValue().getValue())));
        return c;
    }
}
