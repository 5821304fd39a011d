package org.perfdesk.report.xlsx;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;

/**
 * One sheet's table: a title row, lines of notes (each merged across the table), the header
 * row, then rows; {@link #finish} sets the print layout and freezes the header.
 */
final class TitledTable {
    private final Sheet sheet;
    private final int columns;
    private final int headerRow;
    private final int[] widths;
    private int next;
    private Row current;

    TitledTable(Workbook wb, SheetStyles styles, String sheetName, String title, List<String> headers, int[] widths,
                List<String> notes) {
        sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
        columns = headers.size();
        this.widths = widths.clone();
        int total = 0;
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
            total += widths[i];
        }
        Row titleRow = sheet.createRow(0);
        titleRow.setHeightInPoints(28);
        text(titleRow, 0, title, styles.title);
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
        }
        int r = 1;
        for (String note : notes) {
            Row row = sheet.createRow(r);
            text(row, 0, note, styles.note);
            if (columns > 1) {
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, columns - 1));
            }
            row.setHeightInPoints(RowHeights.lines(note, total) * 15f + 4);
            r++;
        }
        headerRow = r;
        Row header = sheet.createRow(headerRow);
        int lines = 1;
        for (int i = 0; i < columns; i++) {
            text(header, i, headers.get(i), styles.header);
            lines = Math.max(lines, RowHeights.lines(headers.get(i), widths[i]));
        }
        header.setHeightInPoints(lines * 15f + 5);
        next = headerRow + 1;
    }

    Sheet sheet() {
        return sheet;
    }

    /** A new row; the one before is complete and gets its height (a streamed sheet may write it out). */
    Row next() {
        fitHeight(current);
        current = sheet.createRow(next++);
        return current;
    }

    /** A row high enough for its longest wrapped text, and never cramped, unless its height was set. */
    private void fitHeight(Row row) {
        if (row == null || row.getHeightInPoints() > sheet.getDefaultRowHeightInPoints() + 0.5f) {
            return;
        }
        int lines = 1;
        for (Cell c : row) {
            if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                lines = Math.max(lines, RowHeights.lines(c.getStringCellValue(), widths[c.getColumnIndex()]));
            }
        }
        row.setHeightInPoints(lines * 15f + 5);
    }

    /** Header and the first {@code frozenColumns} columns stay in view; A4 landscape, one page wide. */
    void finish(int frozenColumns, String footer) {
        fitHeight(current);
        current = null;
        sheet.createFreezePane(frozenColumns, headerRow + 1);
        PrintLayout.landscape(sheet, PrintSetup.A4_PAPERSIZE, headerRow, columns - 1, next - 1,
                footer);
    }

    static void text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value == null ? "" : value);
        c.setCellStyle(style);
    }
}
