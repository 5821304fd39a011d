package org.perfdesk.report.docx;

import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STXAlign;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STYAlign;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHAnchor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVAnchor;
import org.perfdesk.domain.Texts;

/**
 * The 版记 of GB/T 9704 (7.4): a one-column table anchored to the foot of the 版心 on the last page
 * (its last rule on the 版心's lower edge), thick rules above and below (0.35 mm), a thin one (0.25 mm)
 * between its lines, text in 4号 仿宋.
 */
final class Imprint {
    /** Rules in eighths of a point: 0.35 mm and 0.25 mm. */
    static final int THICK = 8;
    static final int THIN = 6;
    /** One 4号 character in twips (左右各空一字). */
    private static final int ONE_CHAR = (int) Math.round(DocxFormat.IMPRINT_PT * 20);

    private Imprint() {
    }

    static void write(XWPFDocument doc, Texts t, List<String> copyTo, String printedBy, String printedOn) {
        boolean copies = !copyTo.isEmpty();
        XWPFTable table = doc.createTable(copies ? 2 : 1, 1);
        CTTblPr pr = table.getCTTbl().getTblPr() == null ? table.getCTTbl().addNewTblPr() : table.getCTTbl().getTblPr();
        (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        CTTblPPr place = pr.addNewTblpPr();
        place.setVertAnchor(STVAnchor.MARGIN);
        place.setHorzAnchor(STHAnchor.MARGIN);
        place.setTblpYSpec(STYAlign.BOTTOM);
        place.setTblpXSpec(STXAlign.CENTER);
        table.setWidth(String.valueOf(DocxFormat.TEXT_WIDTH));
        table.setWidthType(TableWidthType.DXA);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setCellMargins(0, 0, 0, 0);
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        grid.addNewGridCol().setW(BigInteger.valueOf(DocxFormat.TEXT_WIDTH));
        XWPFTable.XWPFBorderType single = XWPFTable.XWPFBorderType.SINGLE;
        XWPFTable.XWPFBorderType none = XWPFTable.XWPFBorderType.NONE;
        table.setTopBorder(single, THICK, 0, "000000");
        table.setBottomBorder(single, THICK, 0, "000000");
        table.setInsideHBorder(single, THIN, 0, "000000");
        table.setLeftBorder(none, 0, 0, "auto");
        table.setRightBorder(none, 0, 0, "auto");
        table.setInsideVBorder(none, 0, 0, "auto");
        int row = 0;
        if (copies) {
            String label = t.get("docs.copyTo");
            XWPFParagraph p = cell(table.getRow(row++).getCell(0));
            int hanging = (int) Math.round(DocxFormat.widthInChars(label) * ONE_CHAR);
            p.setIndentationLeft(ONE_CHAR + hanging);
            p.setIndentationHanging(hanging);
            p.setIndentationRight(ONE_CHAR);
            String list = String.join(t.get("docs.copyTo.separator"), copyTo).replaceFirst("[。.]$", "");
            DocxFormat.text(p, label + list + t.get("docs.copyTo.end"), DocxFormat.Face.BODY, DocxFormat.IMPRINT_PT,
                    false);
        }
        XWPFParagraph p = cell(table.getRow(row).getCell(0));
        p.setIndentationLeft(ONE_CHAR);
        p.setIndentationRight(ONE_CHAR);
        CTTabStop tab = DocxFormat.ppr(p).addNewTabs().addNewTab();
        tab.setVal(STTabJc.RIGHT);
        tab.setPos(BigInteger.valueOf(DocxFormat.TEXT_WIDTH - 2L * ONE_CHAR));
        DocxFormat.text(p, printedBy, DocxFormat.Face.BODY, DocxFormat.IMPRINT_PT, false);
        XWPFRun gap = DocxFormat.text(p, "", DocxFormat.Face.BODY, DocxFormat.IMPRINT_PT, false);
        gap.addTab();
        DocxFormat.text(p, t.get("docs.printedOn", printedOn), DocxFormat.Face.BODY, DocxFormat.IMPRINT_PT, false);
        // A document ends with a paragraph, never a table; the floating table is anchored to it.
        XWPFParagraph end = doc.createParagraph();
        DocxFormat.lineSpacing(end, 1);
        DocxFormat.noGrid(end);
    }

    private static XWPFParagraph cell(XWPFTableCell cell) {
        cell.setWidth(String.valueOf(DocxFormat.TEXT_WIDTH));
        cell.setWidthType(TableWidthType.DXA);
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.LEFT);
        DocxFormat.lineSpacing(p, 28);
        DocxFormat.noGrid(p);
        return p;
    }
}
