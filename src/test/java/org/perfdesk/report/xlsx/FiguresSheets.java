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

/** Test helpers: fill in and change the 指标考核数据表 as the statistics bureau's staff would in Excel. */
public final class FiguresSheets {
    /**
     * What 省统计局 verified of the demo cities' 2008 indicators: unit and indicator → verified figure, 数据来源,
     * 说明. Most agree with what the cities reported; three do not, each with the reason.
     */
    public static final Map<String, String[]> DEMO = new LinkedHashMap<>();

    static {
        DEMO.put("XM 地区生产总值增长率", new String[] {"11.1", "2008年福建统计年鉴", ""});
        DEMO.put("XM 全社会固定资产投资", new String[] {"914", "2008年福建统计年鉴", "按统计口径剔除跨年度结转项目13亿元"});
        DEMO.put("XM 财政总收入", new String[] {"518", "2008年财政决算", ""});
        DEMO.put("XM 外贸进出口总额", new String[] {"432", "厦门海关统计", ""});
        DEMO.put("XM 城镇登记失业率", new String[] {"3.9", "2008年劳动统计年报", "按年末登记失业人数核定"});
        DEMO.put("NP 地区生产总值增长率", new String[] {"12.0", "2008年福建统计年鉴", "按国家统计局反馈的地区核算数核定"});
        DEMO.put("NP 财政总收入", new String[] {"47.4", "2008年财政决算", ""});
        DEMO.put("NP 农民人均纯收入", new String[] {"5794", "国家统计局南平调查队", ""});
    }

    static final String VERIFIED = FiguresSheetWriter.VERIFIED;

    private FiguresSheets() {
    }

    /** Copies the form {@code in} to {@code out} with the sheet changed by {@code change}. */
    public static Path edit(Path in, Path out, Consumer<XSSFSheet> change) throws IOException {
        try (InputStream is = Files.newInputStream(in); XSSFWorkbook wb = new XSSFWorkbook(is)) {
            change.accept(wb.getSheet(FiguresSheetWriter.SHEET));
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }
        return out;
    }

    /** Every row whose unit and indicator {@code figures} has gets its verified figure, source and note. */
    public static void fill(XSSFSheet sheet, Map<String, String[]> figures) {
        for (int r = FiguresSheetWriter.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            String[] f = figures.get(row.getCell(0).getStringCellValue() + " " + row.getCell(3).getStringCellValue());
            if (f != null) {
                set(sheet, r + 1, VERIFIED, f[0]);
                set(sheet, r + 1, FiguresSheetWriter.SOURCE, f[1]);
                set(sheet, r + 1, FiguresSheetWriter.NOTE, f[2]);
            }
        }
    }

    /** The Excel row number (from 1) of the unit's indicator in the form. */
    public static int rowOf(XSSFSheet sheet, String code, String indicator) {
        for (int r = FiguresSheetWriter.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && code.equals(row.getCell(0).getStringCellValue())
                    && indicator.equals(row.getCell(3).getStringCellValue())) {
                return r + 1;
            }
        }
        throw new IllegalArgumentException(code + " " + indicator);
    }

    /** Sets the cell under {@code header} in Excel row {@code row}: a number when it reads as one. */
    public static void set(XSSFSheet sheet, int row, String header, String value) {
        Row head = sheet.getRow(FiguresSheetWriter.HEADER_ROW);
        for (Cell h : head) {
            if (h.getStringCellValue().equals(header)) {
                Cell c = sheet.getRow(row - 1).getCell(h.getColumnIndex(),
                        Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                if (value.matches("-?\\d+(\\.\\d+)?")) {
                    c.setCellValue(Double.parseDouble(value));
                } else {
                    c.setCellValue(value);
                }
                return;
            }
        }
        throw new IllegalArgumentException(header);
    }
}
