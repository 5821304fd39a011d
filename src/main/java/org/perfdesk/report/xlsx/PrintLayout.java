package org.perfdesk.report.xlsx;

import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How a wide table prints: landscape, all columns on one page width (as many pages down as
 * needed), centred, the header row on every page, page numbers in the footer, and the print area
 * around the table. Also used to keep the header in view on screen.
 */
final class PrintLayout {
    private PrintLayout() {
    }

    /**
     * @param paper     {@link PrintSetup#A4_PAPERSIZE} or {@link PrintSetup#A3_PAPERSIZE}
     * @param headerRow the row (from 0) repeated at the top of every page
     * @param footer    the footer's centre, with Excel's codes (&amp;P page, &amp;N pages)
     */
    static void landscape(Sheet sheet, short paper, int headerRow, int lastColumn, int lastRow, String footer) {
        PrintSetup ps = sheet.getPrintSetup();
        ps.setLandscape(true);
        ps.setPaperSize(paper);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(PageMargin.LEFT, 0.4);
        sheet.setMargin(PageMargin.RIGHT, 0.4);
        sheet.setMargin(PageMargin.TOP, 0.5);
        sheet.setMargin(PageMargin.BOTTOM, 0.6);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        sheet.getFooter().setCenter(footer);
        sheet.getWorkbook().setPrintArea(sheet.getWorkbook().getSheetIndex(sheet), 0, lastColumn, 0,
                Math.max(lastRow, headerRow));
    }
}
