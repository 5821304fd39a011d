package org.perfdesk.report.xlsx;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one sheet of an office's own form is read: which rows are its header (as Excel numbers them;
 * a header of two rows has {@code headerFirst} one above {@code headerRow}), and what each column
 * holds. Columns not named are not imported. Found by {@link LayoutFinder}, corrected by the user.
 *
 * @param headings each column's heading as the sheet shows it (both rows of a two-row header)
 */
public record SheetMapping(int headerFirst, int headerRow, Map<Integer, Field> columns, Map<Integer, String> headings) {

    public SheetMapping {
        columns = Collections.unmodifiableSortedMap(new TreeMap<>(columns));
        headings = Collections.unmodifiableSortedMap(new TreeMap<>(headings));
    }

    public Field field(int column) {
        return columns.getOrDefault(column, Field.IGNORE);
    }

    /** The same header with one column's meaning changed. */
    public SheetMapping with(int column, Field field) {
        Map<Integer, Field> c = new TreeMap<>(columns);
        if (field == Field.IGNORE) {
            c.remove(column);
        } else {
            c.put(column, field);
        }
        return new SheetMapping(headerFirst, headerRow, c, headings);
    }

    /** The columns holding a field, left to right. */
    java.util.List<Integer> columnsOf(Field f) {
        return columns.entrySet().stream().filter(e -> e.getValue() == f).map(Map.Entry::getKey).toList();
    }

    boolean hasTitleColumn() {
        return columns.values().stream().anyMatch(f -> f.isLevel() || f == Field.NAME);
    }
}
