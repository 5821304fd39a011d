package org.perfdesk.report.xlsx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;

/**
 * Lays a goal tree out as a Chinese evaluation form: a title row, a header row, then one row per
 * node in reading order, each title in the column of its level. The guide sheet 填写说明 follows.
 */
final class TreeSheetWriter {
    static final String SHEET = "目标分解";
    static final int TITLE_ROW = 0;
    static final int HEADER_ROW = 1;
    static final int FIRST_DATA_ROW = 2;
    /** Rows below the tree that keep the drop-down lists, for staff who add rows. */
    private static final int SPARE_ROWS = 300;
    private static final float LINE_POINTS = 15f;
    /** Rows kept in memory while writing; earlier ones go to a temporary file (POI's streaming writer). */
    private static final int ROWS_IN_MEMORY = 200;

    private final SXSSFWorkbook wb = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final SheetStyles styles = new SheetStyles(wb);
    private final OwnerNames owners;

    private TreeSheetWriter(OwnerNames owners) {
        this.owners = owners;
    }

    /**
     * The whole workbook, streamed: strings are written inline and rows leave memory as they are
     * done, which keeps a 20,000-node tree fast. The caller writes it, then closes and disposes it.
     */
    static SXSSFWorkbook write(OrgUnit unit, int year, GoalTree tree, OwnerNames owners) {
        TreeSheetWriter w = new TreeSheetWriter(owners);
        w.wb.setCompressTempFiles(true);
        Sheet sheet = w.wb.createSheet(SHEET);
        w.title(sheet, unit.name() + " " + year + " 年度绩效目标分解表");
        w.header(sheet);
        Map<String, String> paths = TreePaths.of(tree);
        int r = FIRST_DATA_ROW;
        for (GoalNode node : tree.inOrder()) {
            w.row(sheet.createRow(r++), paths.get(node.id()), node, tree.depth(node.id()));
        }
        // The organisation travels with the tree, so a workspace that lacks it can create it on import.
        OrgSheet.write(w.wb, w.styles, unit, owners.units());
        GuideSheet.Written guide = GuideSheet.write(w.wb, w.styles, owners);
        w.dropDowns(sheet, r + SPARE_ROWS, guide);
        w.pageSetup(sheet, r - 1);
        return w.wb;
    }

    private void title(Sheet sheet, String text) {
        Row row = sheet.createRow(TITLE_ROW);
        row.setHeightInPoints(32);
        Cell cell = row.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(styles.title);
        sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, Column.values().length - 1));
    }

    private void header(Sheet sheet) {
        Row row = sheet.createRow(HEADER_ROW);
        row.setHeightInPoints(2 * LINE_POINTS + 4);
        CellStyle codeDefault = wb.createCellStyle();
        codeDefault.setDataFormat(wb.createDataFormat().getFormat("@"));
        for (Column c : Column.values()) {
            Cell cell = row.createCell(c.ordinal());
            cell.setCellValue(c.header());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(c.ordinal(), c.width() * 256);
        }
        sheet.setDefaultColumnStyle(Column.CODE.ordinal(), codeDefault);
        // Keep the header and the 编号 column in view while scrolling.
        sheet.createFreezePane(1, FIRST_DATA_ROW);
    }

    private void row(Row row, String path, GoalNode node, int depth) {
        Map<Column, Object> values = values(path, node, depth);
        boolean topLevel = depth == 1;
        for (Column c : Column.values()) {
            Cell cell = row.createCell(c.ordinal());
            cell.setCellStyle(styles.cell(c.type(), topLevel));
            Object v = values.get(c);
            if (v instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
            } else if (v != null) {
                cell.setCellValue(v.toString());
            }
        }
        row.setHeightInPoints(Math.max(1, RowHeights.lines(values)) * LINE_POINTS + 4);
    }

    private Map<Column, Object> values(String path, GoalNode node, int depth) {
        Map<Column, Object> v = new EnumMap<>(Column.class);
        v.put(Column.CODE, path);
        v.put(Column.forDepth(depth), node.title());
        v.put(Column.KIND, Labels.kind(node.kind()));
        v.put(Column.WEIGHT, node.weight());
        if (node.measure() != null) {
            v.put(Column.METHOD, Labels.method(Labels.methodOf(node.measure())));
        }
        if (node.measure() instanceof Measure.Quantitative q) {
            v.put(Column.UNIT_OF_MEASURE, q.unitOfMeasure());
            // A range is written as clerks write one (3-5); a single target as a number cell.
            v.put(Column.TARGET, q.targetHigh() == null ? q.target()
                    : Numbers.plain(q.target()) + "-" + Numbers.plain(q.targetHigh()));
            v.put(Column.BASELINE, q.baseline());
            v.put(Column.DIRECTION, Labels.direction(q.direction()));
        } else if (node.measure() instanceof Measure.Qualitative q) {
            v.put(Column.LEVELS, String.join(Labels.LEVEL_SEPARATOR, q.levels()));
            v.put(Column.TARGET_LEVEL, q.targetLevel());
        } else if (node.measure() instanceof Measure.Milestone m) {
            v.put(Column.MILESTONE, m.due());
        }
        if (node.ownerCode() != null) {
            v.put(Column.OWNER, owners.display(node.ownerCode()));
        }
        v.put(Column.DEADLINE, node.deadline());
        v.put(Column.QUALITY, node.qualityRequirement());
        v.put(Column.DESCRIPTION, node.description());
        v.values().removeIf(x -> x == null || x instanceof String s && s.isEmpty());
        return v;
    }

    private void dropDowns(Sheet sheet, int lastRow, GuideSheet.Written guide) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        list(sheet, helper, Column.KIND, helper.createExplicitListConstraint(array(Labels.kinds())), lastRow, true);
        list(sheet, helper, Column.METHOD, helper.createExplicitListConstraint(array(Labels.methods())), lastRow, true);
        list(sheet, helper, Column.DIRECTION, helper.createExplicitListConstraint(array(Labels.directions())),
                lastRow, true);
        if (guide.ownerRows() > 0) {
            // A warning only: a code typed instead of a name is accepted on import.
            list(sheet, helper, Column.OWNER, helper.createFormulaListConstraint(guide.ownerRange()), lastRow, false);
        }
    }

    private static void list(Sheet sheet, DataValidationHelper helper, Column column,
                             DataValidationConstraint constraint, int lastRow, boolean strict) {
        DataValidation dv = helper.createValidation(constraint,
                new CellRangeAddressList(FIRST_DATA_ROW, lastRow, column.ordinal(), column.ordinal()));
        // OOXML's showDropDown hides the arrow when true; POI maps "suppress" onto it inverted, so true shows it.
        dv.setSuppressDropDownArrow(true);
        dv.setShowErrorBox(true);
        dv.setErrorStyle(strict ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
        dv.setEmptyCellAllowed(true);
        sheet.addValidationData(dv);
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    /** Landscape A3, all columns on one page width, the header row on every page, page numbers below. */
    private void pageSetup(Sheet sheet, int lastRow) {
        // &P and &N are the page number and page count in Excel's header/footer codes.
        PrintLayout.landscape(sheet, PrintSetup.A3_PAPERSIZE, HEADER_ROW, Column.values().length - 1, lastRow,
                "第 &P 页，共 &N 页");
    }
}
