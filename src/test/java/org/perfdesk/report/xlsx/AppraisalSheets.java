package org.perfdesk.report.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test helpers: fill in and change the public-appraisal form as the statistics staff would in Excel. */
public final class AppraisalSheets {
    /**
     * The demo year's survey: per unit and round, the sample size and the counts of 满意, 比较满意,
     * 基本满意, 不满意 (they add up). DSJ round 1 is the guide's example: 86.00.
     */
    static final Map<String, int[]> DEMO = new LinkedHashMap<>();

    static {
        DEMO.put("XM 1", new int[] {400, 232, 112, 44, 12});
        DEMO.put("XM 2", new int[] {400, 240, 108, 40, 12});
        DEMO.put("NP 1", new int[] {300, 150, 96, 42, 12});
        DEMO.put("NP 2", new int[] {300, 162, 90, 39, 9});
        DEMO.put("SLT 1", new int[] {200, 118, 52, 22, 8});
        DEMO.put("SLT 2", new int[] {200, 124, 50, 20, 6});
        DEMO.put("NYT 1", new int[] {200, 96, 60, 32, 12});
        DEMO.put("NYT 2", new int[] {200, 104, 58, 28, 10});
        DEMO.put("LYT 1", new int[] {200, 110, 56, 26, 8});
        DEMO.put("LYT 2", new int[] {200, 112, 58, 22, 8});
        DEMO.put("DSJ 1", new int[] {200, 120, 50, 20, 10});
        DEMO.put("DSJ 2", new int[] {200, 126, 48, 18, 8});
        DEMO.put("WJJ 1", new int[] {200, 100, 62, 28, 10});
        DEMO.put("WJJ 2", new int[] {200, 108, 60, 24, 8});
    }

    static final String[] FIGURES = {"样本量", "满意", "比较满意", "基本满意", "不满意"};

    private AppraisalSheets() {
    }

    /** Copies the form {@code in} to {@code out} with the sheet 公众评议 changed by {@code change}. */
    public static Path edit(Path in, Path out, Consumer<XSSFSheet> change) throws IOException {
        try (InputStream is = Files.newInputStream(in); XSSFWorkbook wb = new XSSFWorkbook(is)) {
            change.accept(wb.getSheet(AppraisalSheetWriter.SHEET));
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }
        return out;
    }

    /** Every row of the form whose unit and round {@code figures} has gets its sample size and counts. */
    static void fill(XSSFSheet sheet, Map<String, int[]> figures) {
        for (int r = AppraisalSheetWriter.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            int[] f = figures.get(row.getCell(0).getStringCellValue() + " " + (int) row.getCell(2).getNumericCellValue());
            if (f != null) {
                for (int i = 0; i < FIGURES.length; i++) {
                    set(sheet, r + 1, FIGURES[i], f[i]);
                }
            }
        }
    }

    /** The Excel row number (from 1) of the unit's round in the form. */
    public static int rowOf(XSSFSheet sheet, String code, int round) {
        for (int r = AppraisalSheetWriter.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && code.equals(row.getCell(0).getStringCellValue())
                    && row.getCell(2).getNumericCellValue() == round) {
                return r + 1;
            }
        }
        throw new IllegalArgumentException("no row for " + code + " round " + round);
    }

    /** Sets (or with null, clears) a cell by Excel row number and header. */
    public static void set(XSSFSheet sheet, int excelRow, String header, Object value) {
        int col = column(sheet, header);
        Row row = sheet.getRow(excelRow - 1) == null ? sheet.createRow(excelRow - 1) : sheet.getRow(excelRow - 1);
        Cell old = row.getCell(col);
        org.apache.poi.ss.usermodel.CellStyle style = old == null ? null : old.getCellStyle();
        if (old != null) {
            row.removeCell(old);
        }
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(col);
        if (style != null) {
            cell.setCellStyle(style);
        }
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else {
            cell.setCellValue(value.toString());
        }
    }

    static int column(XSSFSheet sheet, String header) {
        for (Cell c : sheet.getRow(AppraisalSheetWriter.HEADER_ROW)) {
            if (header.equals(c.getStringCellValue())) {
                return c.getColumnIndex();
            }
        }
        throw new IllegalArgumentException("no column " + header);
    }
}
