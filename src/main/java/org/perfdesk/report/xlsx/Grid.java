package org.perfdesk.report.xlsx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sheet's cells with merged areas read as the value of their area: every cell of an area shows
 * its top-left cell's value, and knows that cell as its origin, so a value merged down over five
 * rows is one value, not five.
 */
final class Grid {
    /** Where a cell's value comes from: its own place, or the top-left of its merged area. */
    record Origin(int row, int column) {
    }

    private final XlsxSource.SheetData sheet;
    private final Map<Integer, SheetRow> rows = new HashMap<>();
    /** Per column, the merged areas starting at each row. */
    private final Map<Integer, TreeMap<Integer, CellArea>> areas = new HashMap<>();
    private final int lastColumn;

    Grid(XlsxSource.SheetData sheet) {
        this.sheet = sheet;
        int last = -1;
        for (SheetRow r : sheet.rows()) {
            rows.put(r.number(), r);
            if (!r.cells().isEmpty()) {
                last = Math.max(last, ((java.util.SortedMap<Integer, String>) r.cells()).lastKey());
            }
        }
        for (CellArea a : sheet.merged()) {
            for (int c = a.firstColumn(); c <= Math.min(a.lastColumn(), XlsxSource.MAX_COLUMNS - 1); c++) {
                areas.computeIfAbsent(c, k -> new TreeMap<>()).put(a.firstRow(), a);
            }
        }
        this.lastColumn = last;
    }

    XlsxSource.SheetData sheet() {
        return sheet;
    }

    List<SheetRow> rows() {
        return sheet.rows();
    }

    /** The rightmost column with a value anywhere. */
    int lastColumn() {
        return lastColumn;
    }

    /** The merged area a cell lies in, or null. */
    CellArea area(int row, int column) {
        TreeMap<Integer, CellArea> byRow = areas.get(column);
        if (byRow == null) {
            return null;
        }
        Map.Entry<Integer, CellArea> e = byRow.floorEntry(row);
        return e != null && e.getValue().contains(row, column) ? e.getValue() : null;
    }

    Origin origin(int row, int column) {
        CellArea a = area(row, column);
        return a == null ? new Origin(row, column) : new Origin(a.firstRow(), a.firstColumn());
    }

    /** The cell's value as shown (its area's), stripped; null when blank. */
    String value(int row, int column) {
        Origin o = origin(row, column);
        SheetRow r = rows.get(o.row());
        return r == null ? null : CellValues.text(r.text(o.column()));
    }

    /** True when the cell holds its value itself: not blank and not a later cell of a merged area. */
    boolean own(int row, int column) {
        Origin o = origin(row, column);
        return o.row() == row && value(row, column) != null;
    }
}
