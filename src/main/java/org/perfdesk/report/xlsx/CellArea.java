package org.perfdesk.report.xlsx;

import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A merged area of a sheet: every cell in it shows the value of its top-left cell.
 *
 * @param firstRow row number as Excel shows it (from 1)
 * @param lastRow  row number as Excel shows it
 * @param firstColumn column index from 0
 * @param lastColumn  column index from 0
 */
record CellArea(int firstRow, int lastRow, int firstColumn, int lastColumn) {

    /** From a reference such as A3:A7; null when it is not one. */
    static CellArea parse(String ref) {
        try {
            CellRangeAddress a = CellRangeAddress.valueOf(ref);
            return of(a);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static CellArea of(CellRangeAddress a) {
        if (a.getFirstRow() < 0 || a.getFirstColumn() < 0 || a.getLastRow() < a.getFirstRow()
                || a.getLastColumn() < a.getFirstColumn()) {
            return null;
        }
        return new CellArea(a.getFirstRow() + 1, a.getLastRow() + 1, a.getFirstColumn(), a.getLastColumn());
    }

    boolean contains(int row, int column) {
        return row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn;
    }

    boolean isSingleCell() {
        return firstRow == lastRow && firstColumn == lastColumn;
    }
}
