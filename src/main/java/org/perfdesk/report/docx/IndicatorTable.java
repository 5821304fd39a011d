package org.perfdesk.report.docx;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.HeadingNumbers;
import org.perfdesk.report.IndicatorFacts;
import org.perfdesk.report.ReportData;

/**
 * The table of a goal's indicators (指标 | 责任人 | 目标值 | 完成值 | 完成率 | 状态 | 问题、原因和措施),
 * built from the data at export time so its numbers are right whatever the prose says. Indicators
 * are grouped under their sub-goals by a full-width row in 楷体; the header row, in 黑体, repeats on
 * every page; cells are 五号 仿宋, off the document grid.
 */
final class IndicatorTable {
    /** Column widths in twips; they add up to the text width. */
    static final int[] WIDTHS = {1750, 1100, 950, 950, 760, 700, 2634};

    private final OfficialDocument out;
    private final XWPFDocument doc;
    private final ReportData data;
    private final Texts t;

    IndicatorTable(OfficialDocument out, ReportData data, Texts t) {
        this.out = out;
        this.doc = out.poi();
        this.data = data;
        this.t = t;
    }

    /** A group of rows: a sub-goal's title (null for indicators directly under the goal) and its indicators. */
    private record Group(String title, List<IndicatorFacts> rows) {
    }

    /** True when the goal has any indicator to show. */
    boolean hasRows(GoalNode goal) {
        return !data.indicatorsUnder(goal).isEmpty();
    }

    void write(GoalNode goal) {
        List<Group> groups = groups(goal);
        XWPFTable table = doc.createTable();
        shape(table);
        XWPFTableRow header = table.getRow(0);
        String[] titles = {t.get("report.table.indicator"), t.get("report.table.owner"), t.get("report.table.target"),
            t.get("report.table.actual"), t.get("report.table.completion"), t.get("report.table.status"),
            t.get("report.table.gap")};
        for (int i = 0; i < titles.length; i++) {
            XWPFTableCell cell = i == 0 ? header.getCell(0) : header.addNewTableCell();
            fill(cell, i, titles[i], DocxFormat.Face.HEI, false, ParagraphAlignment.CENTER);
        }
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        keepWithNext(header);
        int sub = 1;
        boolean grouped = groups.size() > 1 || groups.get(0).title() != null;
        for (Group g : groups) {
            if (grouped && g.title() != null) {
                groupRow(table, HeadingNumbers.second(sub++, t) + g.title());
            }
            for (IndicatorFacts f : g.rows()) {
                indicatorRow(table, f);
            }
        }
        out.afterTable();
    }

    private List<Group> groups(GoalNode goal) {
        List<Group> groups = new ArrayList<>();
        List<IndicatorFacts> direct = new ArrayList<>();
        for (GoalNode child : data.tree().children(goal.id())) {
            List<GoalNode> under = data.indicatorsUnder(child);
            if (under.isEmpty()) {
                continue;
            }
            if (under.get(0).id().equals(child.id())) {
                under.forEach(n -> direct.add(IndicatorFacts.of(data, n, t)));
            } else {
                flush(direct, groups);
                groups.add(new Group(child.title(), under.stream().map(n -> IndicatorFacts.of(data, n, t)).toList()));
            }
        }
        flush(direct, groups);
        if (groups.isEmpty()) {
            groups.add(new Group(null, data.indicatorsUnder(goal).stream().map(n -> IndicatorFacts.of(data, n, t)).toList()));
        }
        return groups;
    }

    private static void flush(List<IndicatorFacts> direct, List<Group> groups) {
        if (!direct.isEmpty()) {
            groups.add(new Group(null, List.copyOf(direct)));
            direct.clear();
        }
    }

    private void indicatorRow(XWPFTable table, IndicatorFacts f) {
        XWPFTableRow row = table.createRow();
        ProgressStatus status = f.status();
        boolean flagged = status == ProgressStatus.AT_RISK || status == ProgressStatus.BEHIND;
        String[] values = {f.node().title(), ownerLines(f.owner()), f.target(), f.actual(), f.completion(),
            f.statusText(t), String.join("\n", f.gapParts(t))};
        row.setCantSplitRow(true);
        for (int i = 0; i < values.length; i++) {
            ParagraphAlignment align = i == 0 || i == 6 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER;
            fill(row.getCell(i), i, out.tight(values[i]), DocxFormat.Face.BODY, i == 5 && flagged, align);
        }
    }

    /** "王海涛（副主任）" as name and post on two lines, so a narrow column does not break inside either. */
    static String ownerLines(String owner) {
        int open = owner.indexOf('（') > 0 ? owner.indexOf('（') : owner.indexOf(" (");
        return open > 0 ? owner.substring(0, open).strip() + "\n" + owner.substring(open).strip() : owner;
    }

    private void groupRow(XWPFTable table, String title) {
        XWPFTableRow row = table.createRow();
        row.setCantSplitRow(true);
        while (row.getTableCells().size() > 1) {
            row.removeCell(row.getTableCells().size() - 1);
        }
        XWPFTableCell cell = row.getCell(0);
        cell.getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(WIDTHS.length));
        cell.setWidth(String.valueOf(DocxFormat.TEXT_WIDTH));
        cell.setWidthType(TableWidthType.DXA);
        XWPFParagraph p = cell.getParagraphs().get(0);
        DocxFormat.singleSpacing(p);
        DocxFormat.noGrid(p);
        DocxFormat.text(p, out.tight(title), DocxFormat.Face.KAI, DocxFormat.SMALL_TABLE_PT, false);
        keepWithNext(row);
    }

    /** A heading row never ends a page alone: its paragraphs keep with the row below. */
    private static void keepWithNext(XWPFTableRow row) {
        for (XWPFTableCell cell : row.getTableCells()) {
            cell.getParagraphs().forEach(DocxFormat::keepWithNext);
        }
    }

    /** Cell text; each line of {@code text} becomes a paragraph of its own. */
    private static void fill(XWPFTableCell cell, int column, String text, DocxFormat.Face font, boolean bold,
                             ParagraphAlignment align) {
        cell.setWidth(String.valueOf(WIDTHS[column]));
        cell.setWidthType(TableWidthType.DXA);
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        String[] lines = (text == null ? "" : text).split("\n");
        for (int i = 0; i < lines.length; i++) {
            XWPFParagraph p = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            p.setAlignment(align);
            DocxFormat.singleSpacing(p);
            DocxFormat.noGrid(p);
            p.setSpacingAfter(0);
            DocxFormat.text(p, lines[i], font, DocxFormat.SMALL_TABLE_PT, bold);
        }
    }

    /** Fixed layout at the text width with a single-line grid, centred, like a printed form. */
    private static void shape(XWPFTable table) {
        CTTblPr pr = table.getCTTbl().getTblPr() == null ? table.getCTTbl().addNewTblPr() : table.getCTTbl().getTblPr();
        (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        table.setWidth(String.valueOf(DocxFormat.TEXT_WIDTH));
        table.setWidthType(TableWidthType.DXA);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setCellMargins(40, 80, 40, 80);
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : WIDTHS) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        XWPFTable.XWPFBorderType single = XWPFTable.XWPFBorderType.SINGLE;
        table.setTopBorder(single, 6, 0, "000000");
        table.setBottomBorder(single, 6, 0, "000000");
        table.setLeftBorder(single, 6, 0, "000000");
        table.setRightBorder(single, 6, 0, "000000");
        table.setInsideHBorder(single, 4, 0, "000000");
        table.setInsideVBorder(single, 4, 0, "000000");
    }
}
