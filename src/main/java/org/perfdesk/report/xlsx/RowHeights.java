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
            lines += Math.max(1, (width(paragraph) + perLine - 1) / perLine);
        }
        return lines;
    }

    /** Width of one line of text in digit widths: a Chinese character (or full-width sign) counts two. */
    static int width(String line) {
        int units = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            units += cp >= 0x2E80 ? 2 : 1;
            i += Character.charCount(cp);
        }
        return units;
    }

    /** The widest line of the text, in digit widths. */
    static int widestLine(String text) {
        int most = 0;
        for (String line : text.split("\n", -1)) {
            most = Math.max(most, width(line));
        }
        return most;
    }
}
