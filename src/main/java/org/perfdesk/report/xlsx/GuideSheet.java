package org.perfdesk.report.xlsx;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;

/** The sheet 填写说明: what each column takes, how import treats the sheet, and the owners to choose from. */
final class GuideSheet {
    static final String NAME = "填写说明";
    private static final int[] WIDTHS = {26, 72, 12};
    private static final List<String> RULES = List.of(
            "每行一个目标、指标或任务，按阅读顺序排列：上级在前，下级紧随其后；同级按表中先后排序。",
            "编号决定层级和上下级：1 是一级，1.2 是 1 的下级，1.2.3 是 1.2 的下级。编号请保持为文本，不要写成数字格式。",
            "导入时整表替换本单位该年度的目标分解：表中没有的节点将被删除。",
            "表中有任何错误时什么也不导入，程序会列出每个出错的行号、列名和原因，改正后重新导入即可。",
            "导入时按编号和名称对应原有节点（进度和自评随之保留）：只改了编号的行按名称对应，只改了名称的行按编号和类型对应；其余的行是新节点。",
            "分值、目标值、基期值只填数字；日期写成 2008-12-31，或使用单元格的日期格式。",
            "分值合计不符、时限不在本年度等问题不影响导入，导入后会作为提示列出。");

    /** Where the owner list ended up, for the drop-down in 责任单位/责任人. */
    record Written(String ownerRange, int ownerRows) {
    }

    private GuideSheet() {
    }

    static Written write(Workbook wb, SheetStyles styles, OwnerNames owners) {
        Sheet sheet = wb.createSheet(NAME);
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        int r = 0;
        Row title = sheet.createRow(r++);
        title.setHeightInPoints(28);
        cell(title, 0, "填写说明", styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, WIDTHS.length - 1));

        r = headerRow(sheet, r, styles, "列名", "填写要求");
        for (Column c : Column.values()) {
            Row row = sheet.createRow(r++);
            cell(row, 0, c.header(), styles.guideLabel);
            cell(row, 1, c.hint(), styles.guideText);
            row.setHeightInPoints(RowHeights.lines(c.hint(), WIDTHS[1]) * 15f + 4);
        }
        r++;
        r = headerRow(sheet, r, styles, "导入规则", "");
        for (int i = 0; i < RULES.size(); i++) {
            Row row = sheet.createRow(r++);
            cell(row, 0, String.valueOf(i + 1), styles.guideLabel);
            cell(row, 1, RULES.get(i), styles.guideText);
            row.setHeightInPoints(RowHeights.lines(RULES.get(i), WIDTHS[1]) * 15f + 4);
        }
        r++;
        r = headerRow(sheet, r, styles, "责任单位/责任人（表中写法）", "代码", "类别");
        int first = r;
        Texts chinese = Texts.of(Texts.CHINESE);
        for (OrgUnit u : owners.units()) {
            Row row = sheet.createRow(r++);
            cell(row, 0, owners.display(u.code()), styles.guideText);
            cell(row, 1, u.code(), styles.guideText);
            cell(row, 2, chinese.of(u.kind()), styles.guideText);
        }
        PrintSetup ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        String range = "'" + NAME + "'!$A$" + (first + 1) + ":$A$" + r;
        return new Written(range, r - first);
    }

    private static int headerRow(Sheet sheet, int r, SheetStyles styles, String... labels) {
        Row row = sheet.createRow(r);
        int lines = 1;
        for (int i = 0; i < labels.length; i++) {
            cell(row, i, labels[i], styles.header);
            lines = Math.max(lines, RowHeights.lines(labels[i], WIDTHS[i]));
        }
        row.setHeightInPoints(lines * 15f + 5);
        return r + 1;
    }

    private static void cell(Row row, int col, String text, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(text);
        c.setCellStyle(style);
    }
}
