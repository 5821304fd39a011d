package org.perfdesk.ui.common;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.control.Control;
import javafx.scene.control.TableColumnBase;

/**
 * A table narrower than its columns hides the columns it can best do without (what they show is in
 * the row's form or elsewhere on the screen), the least needed first, instead of squeezing every
 * column to "…"; they come back as the table grows. The first column always stays.
 */
public final class NarrowColumns {
    /** Room for the vertical scroll bar and the borders. */
    private static final double CHROME = 22;

    private final List<TableColumnBase<?, ?>> all;
    private final List<TableColumnBase<?, ?>> dropOrder;
    private final Map<TableColumnBase<?, ?>, Double> widths = new IdentityHashMap<>();

    private NarrowColumns(List<? extends TableColumnBase<?, ?>> all, List<? extends TableColumnBase<?, ?>> dropOrder) {
        this.all = new ArrayList<>(all);
        this.dropOrder = new ArrayList<>(dropOrder);
        // The widths the screen asked for; a resize policy may change the columns' own widths later.
        all.forEach(c -> widths.put(c, Math.max(c.getPrefWidth(), c.getMinWidth())));
    }

    /**
     * @param table     a {@code TableView} or {@code TreeTableView}
     * @param columns   its columns (top level)
     * @param dropOrder the columns that may be hidden, the first to go first
     */
    public static void install(Control table, List<? extends TableColumnBase<?, ?>> columns,
                               List<? extends TableColumnBase<?, ?>> dropOrder) {
        NarrowColumns n = new NarrowColumns(columns, dropOrder);
        table.widthProperty().addListener((obs, old, w) -> n.fit(w.doubleValue()));
        // TextFit raises a column's minimum to its header's words after a layout: fit again then.
        columns.forEach(c -> c.minWidthProperty().addListener((obs, old, m) -> n.fit(table.getWidth())));
    }

    private void fit(double tableWidth) {
        if (tableWidth <= 0) {
            return;
        }
        double room = tableWidth - CHROME;
        for (TableColumnBase<?, ?> c : dropOrder) {
            if (needed() <= room) {
                break;
            }
            c.setVisible(false);
        }
        for (int i = dropOrder.size() - 1; i >= 0; i--) {
            TableColumnBase<?, ?> c = dropOrder.get(i);
            if (!c.isVisible()) {
                if (needed() + width(c) > room) {
                    break;
                }
                c.setVisible(true);
            }
        }
    }

    private double needed() {
        return all.stream().filter(TableColumnBase::isVisible).mapToDouble(this::width).sum();
    }

    /** The width asked for, or more when the header's words need it (TextFit raises the minimum: English). */
    private double width(TableColumnBase<?, ?> c) {
        return Math.max(widths.get(c), c.getMinWidth());
    }
}
