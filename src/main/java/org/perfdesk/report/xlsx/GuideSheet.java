package org.perfdesk.report.xlsx;

import java.util.ArrayList;
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

/**
 * The sheet 填写说明 of a form: what each column takes, how import treats the sheet, and lists to
 * choose from. {@link #write} is the goal-tree form's; other forms put theirs together from
 * {@link #start}, {@link #items}, {@link #rules}, {@link #table} and {@link #finish}.
 */
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
            "分值合计不符、时限不在本年度等问题不影响导入，导入后会作为提示列出。",
            "「组织机构」表列出本单位的处室、责任人和下级单位。导入到还没有这些组织的工作区时，可同时创建它们（已有的组织不会被改名或删除）。");

    /** Where the owner list ended up, for the drop-down in 责任单位/责任人. */
    record Written(String ownerRange, int ownerRows) {
    }

    /** One line of the guide: a label (a column's header) and what to write there. */
    record Item(String label, String text) {
    }

    private final Sheet sheet;
    private final SheetStyles styles;
    private int r;

    private GuideSheet(Sheet sheet, SheetStyles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    /** The goal-tree form's guide: its columns, its import rules, and the unit's organisations. */
    static Written write(Workbook wb, SheetStyles styles, OwnerNames owners) {
        GuideSheet g = start(wb, styles);
        g.items("列名", "填写要求", java.util.Arrays.stream(Column.values()).map(c -> new Item(c.header(), c.hint())).toList());
        g.rules("导入规则", RULES);
        List<List<String>> rows = new ArrayList<>();
        Texts chinese = Texts.of(Texts.CHINESE);
        for (OrgUnit u : owners.units()) {
            rows.add(List.of(owners.display(u.code()), u.code(), chinese.of(u.kind())));
        }
        String range = g.table(List.of("责任单位/责任人（表中写法）", "代码", "类别"), rows);
        g.finish();
        return new Written(range, rows.size());
    }

    /** A new guide sheet with its title row. */
    static GuideSheet start(Workbook wb, SheetStyles styles) {
        GuideSheet g = new GuideSheet(wb.createSheet(NAME), styles);
        for (int i = 0; i < WIDTHS.length; i++) {
            g.sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        Row title = g.sheet.createRow(g.r++);
        title.setHeightInPoints(28);
        cell(title, 0, NAME, styles.title);
        g.sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, WIDTHS.length - 1));
        return g;
    }

    /** A section of labelled lines under a header row, followed by a blank row. */
    void items(String labelHeader, String textHeader, List<Item> items) {
        headerRow(labelHeader, textHeader);
        for (Item item : items) {
            Row row = sheet.createRow(r++);
            cell(row, 0, item.label(), styles.guideLabel);
            cell(row, 1, item.text(), styles.guideText);
            row.setHeightInPoints(RowHeights.lines(item.text(), WIDTHS[1]) * 15f + 4);
        }
        r++;
    }

    /** Numbered rules under a header row, followed by a blank row. */
    void rules(String heading, List<String> rules) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            items.add(new Item(String.valueOf(i + 1), rules.get(i)));
        }
        items(heading, "", items);
    }

    /**
     * A plain table of up to three columns; returns the range of its first column's values, as
     * a drop-down list's formula would name it ({@code '填写说明'!$A$n:$A$m}).
     */
    String table(List<String> headers, List<List<String>> rows) {
        headerRow(headers.toArray(String[]::new));
        int first = r;
        for (List<String> values : rows) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                cell(row, i, values.get(i), styles.guideText);
            }
        }
        return "'" + NAME + "'!$A$" + (first + 1) + ":$A$" + r;
    }

    /** A4, one page wide. */
    void finish() {
        PrintSetup ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    private void headerRow(String... labels) {
        Row row = sheet.createRow(r++);
        int lines = 1;
        for (int i = 0; i < labels.length; i++) {
            cell(row, i, labels[i], styles.header);
            lines = Math.max(lines, RowHeights.lines(labels[i], WIDTHS[i]));
        }
        row.setHeightInPoints(lines * 15f + 5);
    }

    private static void cell(Row row, int col, String text, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(text);
        c.setCellStyle(style);
    }
}
