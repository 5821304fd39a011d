package org.perfdesk.report.xlsx;

import java.util.Map;

/**
 * Estimates how many lines wrapped text takes, so rows are tall enough in Excel (which does not
 * grow rows it reads) and in LibreOffice alike. A Chinese character is about two digit widths.
 */
final class RowHeights {
    private RowHeights() {
    }

    /** The most lines any cell of the row needs. */
    static int lines(Map<Column, ?> values) {
        int most = 1;
        for (Map.Entry<Column, ?> e : values.entrySet()) {
            if (e.getValue() instanceof String s) {
                most = Math.max(most, lines(s, e.getKey().width()));
            }
        }
        return most;
    }

    static int lines(String text, int widthInDigits) {
        // A cell loses about one digit width to its padding.
        int perLine = Math.max(2, widthInDigits - 1);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            int units = 0;
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                units += cp >= 0x2E80 ? 2 : 1;
                i += Character.charCount(cp);
            }
            lines += Math.max(1, (units + perLine - 1) / perLine);
        }
        return lines;
    }
}
