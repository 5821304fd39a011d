package org.perfdesk.report.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks made in memory. {@code XSSFWorkbook.close()} on a new workbook saves the whole package
 * once more into a buffer nobody reads: for the province's results workbook that second save took as
 * long as the first. A written workbook is discarded instead.
 */
final class NewWorkbooks {
    private NewWorkbooks() {
    }

    /** The workbook as the bytes of an .xlsx file; the workbook is discarded afterwards. */
    static byte[] bytesAndDiscard(XSSFWorkbook wb) {
        return bytesThen(wb, () -> discard(wb));
    }

    private static byte[] bytesThen(org.apache.poi.ss.usermodel.Workbook wb, Runnable discard) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the workbook in memory failed", e);
        } finally {
            discard.run();
        }
    }

    /** Frees the workbook without saving it again. */
    static void discard(XSSFWorkbook wb) {
        wb.getPackage().revert();
    }

    /** The same for a streamed workbook, whose temporary files are deleted. */
    static byte[] bytesAndDiscard(SXSSFWorkbook wb) {
        return bytesThen(wb, () -> discard(wb));
    }

    static void discard(SXSSFWorkbook wb) {
        wb.dispose();
        discard(wb.getXSSFWorkbook());
    }
}
