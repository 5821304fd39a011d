package org.perfdesk.report.xlsx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;

/**
 * Writes the 指标考核数据表 of a year for one assessing body (省统计局, a 考核部门, the cities' 联合评估):
 * title, the body named in its own cell (import reads it there), a note, the header, a row per unit and
 * scored indicator with its target and the unit's reported figure, and the verified figures this body
 * already gave filled in (so the form is also an export); then the guide sheet. Always in Chinese: it
 * is the form the bodies fill in, and import reads its headers.
 */
final class FiguresSheetWriter {
    static final String SHEET = "指标考核数据表";
    static final String BODY_LABEL = "核定单位";
    static final String CODE = "单位代码";
    static final String NAME = "单位名称";
    static final String NUMBER = "编号";
    static final String INDICATOR = "指标";
    static final String TYPE = "类型";
    static final String UNIT = "计量单位";
    static final String TARGET = "目标值";
    static final String REPORTED = "单位报送值";
    static final String VERIFIED = "核定值";
    static final String SOURCE = "数据来源";
    static final String NOTE = "说明";
    static final String ID = "指标标识";
    static final List<String> HEADERS = List.of(CODE, NAME, NUMBER, INDICATOR, TYPE, UNIT, TARGET, REPORTED, VERIFIED,
            SOURCE, NOTE, ID);
    /** Written for the reader, not read back (the indicator is known by its 指标标识, or unit and name). */
    static final List<String> IGNORED = List.of(NUMBER, TYPE, UNIT, TARGET, REPORTED, "备注");
    static final int HEADER_ROW = 3;
    static final String NOT_DONE = "未完成";
    private static final int[] WIDTHS = {10, 22, 8, 30, 6, 10, 12, 12, 12, 18, 26, 38};

    /**
     * One indicator's row: texts as written; {@code reportedValue} and {@code verifiedValue} are written
     * as number cells for a quantitative indicator, the texts otherwise.
     */
    record Line(OrgUnit unit, String number, String title, String type, String unitOfMeasure, String target,
                BigDecimal reportedValue, String reportedText, BigDecimal verifiedValue, String verifiedText,
                String dataSource, String note, String nodeId) {
    }

    private FiguresSheetWriter() {
    }

    static XSSFWorkbook write(int year, String body, String period, List<Line> lines, List<OrgUnit> units) {
        XSSFWorkbook wb = new XSSFWorkbook();
        SheetStyles styles = new SheetStyles(wb);
        Sheet sheet = wb.createSheet(SHEET);
        int last = HEADERS.size() - 1;
        Row title = sheet.createRow(0);
        title.setHeightInPoints(28);
        cell(title, 0, year + "年度指标考核数据表", styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
        Row bodyRow = sheet.createRow(1);
        cell(bodyRow, 0, BODY_LABEL, styles.guideLabel);
        cell(bodyRow, 1, body, styles.guideLabel);
        Row note = sheet.createRow(2);
        String noteText = "请" + body + "按表逐行填写「核定值」（" + period + "数据，即全年实际完成值）、「数据来源」，"
                + "核定值与单位报送值不同的须在「说明」中写明原因；不能核定的行留空。定量指标填数字，定性指标填等级，"
                + "节点指标填完成日期或“未完成”。请勿修改「单位代码」「指标」「指标标识」。详见「填写说明」。";
        cell(note, 0, noteText, styles.note);
        sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, last));
        note.setHeightInPoints(RowHeights.lines(noteText, java.util.Arrays.stream(WIDTHS).sum()) * 15f + 4);
        Row header = sheet.createRow(HEADER_ROW);
        for (int i = 0; i <= last; i++) {
            cell(header, i, HEADERS.get(i), styles.header);
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        header.setHeightInPoints(20);

        CellStyle code = styles.cell(Column.Type.CODE, false);
        CellStyle text = styles.cell(Column.Type.TEXT, false);
        CellStyle centred = styles.cell(Column.Type.CENTERED, false);
        CellStyle number = styles.cell(Column.Type.NUMBER, false);
        CellStyle toFill = wb.createCellStyle();
        toFill.cloneStyleFrom(number);
        toFill.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        toFill.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        CellStyle textToFill = wb.createCellStyle();
        textToFill.cloneStyleFrom(text);
        textToFill.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        textToFill.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        CellStyle id = wb.createCellStyle();
        id.cloneStyleFrom(code);
        org.apache.poi.ss.usermodel.Font grey = wb.createFont();
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        grey.setFontHeightInPoints((short) 9);
        id.setFont(grey);
        int r = HEADER_ROW + 1;
        for (Line l : lines) {
            Row row = sheet.createRow(r++);
            cell(row, 0, l.unit().code(), code);
            cell(row, 1, l.unit().name(), text);
            cell(row, 2, l.number(), code);
            cell(row, 3, l.title(), text);
            cell(row, 4, l.type(), centred);
            cell(row, 5, l.unitOfMeasure(), centred);
            cell(row, 6, l.target(), centred);
            value(row, 7, l.reportedValue(), l.reportedText(), number, centred);
            value(row, 8, l.verifiedValue(), l.verifiedText(), toFill, textToFill);
            cell(row, 9, l.dataSource(), textToFill);
            cell(row, 10, l.note(), textToFill);
            cell(row, 11, l.nodeId(), id);
            row.setHeightInPoints(Math.max(18f, RowHeights.lines(l.title(), WIDTHS[3]) * 15f + 4));
        }
        sheet.createFreezePane(4, HEADER_ROW + 1);
        PrintLayout.landscape(sheet, PrintSetup.A4_PAPERSIZE, HEADER_ROW, last, r - 1, "第 &P 页，共 &N 页");
        guide(wb, styles, body, period, units);
        wb.setActiveSheet(0);
        return wb;
    }

    private static void value(Row row, int col, BigDecimal n, String text, CellStyle numberStyle, CellStyle textStyle) {
        Cell c = row.createCell(col);
        if (n != null) {
            c.setCellValue(n.doubleValue());
            c.setCellStyle(numberStyle);
        } else {
            c.setCellValue(text == null ? "" : text);
            c.setCellStyle(textStyle);
        }
    }

    private static void guide(XSSFWorkbook wb, SheetStyles styles, String body, String period, List<OrgUnit> units) {
        GuideSheet g = GuideSheet.start(wb, styles);
        List<GuideSheet.Item> items = new ArrayList<>();
        items.add(new GuideSheet.Item(BODY_LABEL, "填写本表的核定单位（" + body + "）。导入时按此单元格记录核定值由谁核定，请勿修改。"));
        items.add(new GuideSheet.Item(CODE + "、" + NAME, "被考核单位，见下方名单。两者都填时必须相符。"));
        items.add(new GuideSheet.Item(NUMBER + "、" + INDICATOR, "单位目标分解中的编号和指标名称，供查找；请勿修改指标名称。"));
        items.add(new GuideSheet.Item(TYPE + "、" + UNIT + "、" + TARGET, "指标的评价方式、计量单位和目标值："
                + "“≥”为不低于目标值，“≤”为不高于（控制在）目标值，“=”为等于目标值，“3–5”为区间；定性指标列出可选等级。"));
        items.add(new GuideSheet.Item(REPORTED, "单位在年度数据包中报送的" + period + "完成值（未报送的为空）。"));
        items.add(new GuideSheet.Item(VERIFIED, "核定的全年实际完成值：定量指标填数字（不带单位，百分数写 11.7 而不是 11.7%），"
                + "定性指标填等级（须是计量单位列中列出的等级之一），节点指标填完成日期（如 2008-10-28）或“" + NOT_DONE
                + "”。不能核定的行留空，导入时跳过。"));
        items.add(new GuideSheet.Item(SOURCE, "核定值的依据，如“2008 年统计年报”“环境质量监测公报”。填了核定值的行必须填写。"));
        items.add(new GuideSheet.Item(NOTE, "核定值与单位报送值不同时，必须写明原因（如“按统计年报口径调整”）；其他情况可不填。"));
        items.add(new GuideSheet.Item(ID, "程序用来识别指标的标识，请勿修改。"));
        g.items("列名", "填写要求", items);
        g.rules("导入规则", List.of(
                "导入前逐行检查：单位不在名单中、名称与代码不符、指标标识或名称对不上、核定值不是数字、等级不在可选等级中、"
                        + "日期无法识别、填了核定值却没有数据来源、核定值与报送值不同却没有说明、同一指标出现两次。",
                "任何一行有问题，整张表都不导入，工作区不作任何改动；所有问题按“第 N 行「列名」：原因”逐条列出，改正后重新导入即可。",
                "核定值计分时代替单位报送值：完成率按核定值计算，结果表、通报和反馈中同时列出报送值和核定值，不同的标出。",
                "同一指标已有核定值的，导入时替换；每项改动都记入审计日志（改前、改后、来源文件），导入前自动备份工作区。"));
        List<List<String>> rows = new ArrayList<>();
        Texts chinese = Texts.of(Texts.CHINESE);
        for (OrgUnit u : units) {
            rows.add(List.of(u.name(), u.code(), u.group() == null ? "不排名" : chinese.of(u.group())));
        }
        g.table(List.of("单位名称", "代码", "分组"), rows);
        g.finish();
    }

    private static void cell(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value == null ? "" : value);
        c.setCellStyle(style);
    }
}
