package org.perfdesk.report.xlsx;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A CSV file as one sheet: comma- or tab-separated, quotes as Excel writes them, UTF-8 (with or
 * without its mark) or, when not UTF-8, GB18030 as Excel and WPS save a Chinese CSV on Windows.
 */
final class CsvReader {
    private CsvReader() {
    }

    static XlsxSource.SheetData read(byte[] bytes, String sheetName, int maxRows, int maxColumns) {
        String text = decode(bytes);
        char separator = separator(text);
        List<SheetRow> rows = new ArrayList<>();
        Map<Integer, String> cells = new TreeMap<>();
        StringBuilder cell = new StringBuilder();
        int rowNumber = 1;
        int column = 0;
        boolean quoted = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else if (i < text.length()) {
                    cell.append(c);
                } else {
                    quoted = false; // an unclosed quote ends with the file
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == separator || c == '\n' || c == '\r') {
                if (column < maxColumns && !cell.toString().isBlank()) {
                    cells.put(column, cell.toString());
                }
                if (cell.length() > SheetHandler.MAX_CELL_CHARS) {
                    throw new XlsReader.Limit(false);
                }
                cell.setLength(0);
                column++;
                if (c != separator) {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (!cells.isEmpty()) {
                        if (rows.size() >= maxRows) {
                            throw new XlsReader.Limit(true);
                        }
                        rows.add(new SheetRow(rowNumber, cells));
                        cells = new TreeMap<>();
                    }
                    rowNumber++;
                    column = 0;
                }
            } else {
                cell.append(c);
            }
        }
        return new XlsxSource.SheetData(sheetName, List.copyOf(rows));
    }

    private static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, Charset.forName("GB18030"));
        }
    }

    /** A tab when the first line has tabs and no commas; else a comma. */
    private static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return first.indexOf('\t') >= 0 && first.indexOf(',') < 0 ? '\t' : ',';
    }
}
