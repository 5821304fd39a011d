package org.perfdesk.report.xlsx;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row of a sheet that has at least one value.
 *
 * @param number the row number as Excel shows it (from 1)
 * @param cells  column index (from 0) → the cell's text: strings as typed, numbers in plain
 *               notation (15 significant digits, as Excel shows them), dates as 2008-12-31
 */
record SheetRow(int number, Map<Integer, String> cells) {
    SheetRow {
        // Left to right, so that "the first of two equal headers" means what it says.
        cells = Collections.unmodifiableSortedMap(new TreeMap<>(cells));
    }

    String text(int column) {
        return cells.getOrDefault(column, "");
    }
}
