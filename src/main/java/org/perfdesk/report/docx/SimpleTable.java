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
 * to the text width), a grey header row repeated on every page, rows that do not split, a paragraph
 * after it so the next heading keeps off its last line. The notice and the feedback print with it.
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
            fill(cell, widths[i], headers.get(i), DocxFormat.HEI, ParagraphAlignment.CENTER, pt);
            cell.setColor("D9D9D9");
        }
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (List<String> values : rows) {
            XWPFTableRow row = table.createRow();
            row.setCantSplitRow(true);
            for (int i = 0; i < values.size(); i++) {
                fill(row.getCell(i), widths[i], values.get(i), DocxFormat.SONG,
                        contains(left, i) ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER, pt);
            }
        }
        XWPFParagraph after = doc.createParagraph();
        DocxFormat.singleSpacing(after);
        after.setSpacingAfter(120);
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

    private static void fill(XWPFTableCell cell, int width, String text, String font, ParagraphAlignment align,
                             double pt) {
        cell.setWidth(String.valueOf(width));
        cell.setWidthType(TableWidthType.DXA);
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(align);
        DocxFormat.singleSpacing(p);
        p.setSpacingBefore(40);
        p.setSpacingAfter(40);
        DocxFormat.text(p, text == null ? "" : text, font, pt, false);
    }

    private static void shape(XWPFTable table, int[] widths) {
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
