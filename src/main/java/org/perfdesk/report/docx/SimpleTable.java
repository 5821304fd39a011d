package org.perfdesk.report.docx;

import java.math.BigInteger;
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

/**
 * A plain ruled table at the text width, like a printed form: fixed column widths (twips, adding up
 * to the text width), a header row in 黑体 repeated on every page, 仿宋 cells, rows that do not split.
 * Its paragraphs keep off the document grid, so small type keeps its own line height and spacing.
 */
final class SimpleTable {
    private SimpleTable() {
    }

    /**
     * @param left the columns whose text is left-aligned (the others are centred)
     */
    static XWPFTable add(XWPFDocument doc, int[] widths, List<String> headers, List<List<String>> rows, double pt,
                         int... left) {
        XWPFTable table = doc.createTable();
        shape(table, widths);
        XWPFTableRow header = table.getRow(0);
        for (int i = 0; i < headers.size(); i++) {
            XWPFTableCell cell = i == 0 ? header.getCell(0) : header.addNewTableCell();
            fill(cell, widths[i], headers.get(i), DocxFormat.Face.HEI, ParagraphAlignment.CENTER, pt);
        }
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (List<String> values : rows) {
            XWPFTableRow row = table.createRow();
            row.setCantSplitRow(true);
            for (int i = 0; i < values.size(); i++) {
                fill(row.getCell(i), widths[i], values.get(i), DocxFormat.Face.BODY,
                        contains(left, i) ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER, pt);
            }
        }
        return table;
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** Cell text; each line of {@code text} becomes a paragraph of its own. */
    static void fill(XWPFTableCell cell, int width, String text, DocxFormat.Face face, ParagraphAlignment align,
                     double pt) {
        cell.setWidth(String.valueOf(width));
        cell.setWidthType(TableWidthType.DXA);
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        String[] lines = (text == null ? "" : text).split("\n");
        for (int i = 0; i < lines.length; i++) {
            XWPFParagraph p = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            p.setAlignment(align);
            DocxFormat.singleSpacing(p);
            DocxFormat.noGrid(p);
            p.setSpacingBefore(i == 0 ? 30 : 0);
            p.setSpacingAfter(i == lines.length - 1 ? 30 : 0);
            DocxFormat.text(p, lines[i], face, pt, false);
        }
    }

    /** Fixed layout at the text width, centred, with a single-line grid. */
    static void shape(XWPFTable table, int[] widths) {
        CTTblPr pr = table.getCTTbl().getTblPr() == null ? table.getCTTbl().addNewTblPr() : table.getCTTbl().getTblPr();
        (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        table.setWidth(String.valueOf(total));
        table.setWidthType(TableWidthType.DXA);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setCellMargins(20, 60, 20, 60);
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        XWPFTable.XWPFBorderType single = XWPFTable.XWPFBorderType.SINGLE;
        table.setTopBorder(single, 8, 0, "000000");
        table.setBottomBorder(single, 8, 0, "000000");
        table.setLeftBorder(single, 8, 0, "000000");
        table.setRightBorder(single, 8, 0, "000000");
        table.setInsideHBorder(single, 4, 0, "000000");
        table.setInsideVBorder(single, 4, 0, "000000");
    }
}
