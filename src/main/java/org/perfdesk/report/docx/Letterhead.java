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
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.perfdesk.domain.DocumentIdentity;

/**
 * The 版头 of GB/T 9704 (7.2): 发文机关标志, 发文字号 (and 签发人) and the red separator line.
 */
final class Letterhead {
    /** The 发文机关标志's largest size; a long name is set smaller so that it keeps within the 版心. */
    static final double MARK_MAX_PT = 52;
    /** The separator: red, 1.5 pt, 4 mm under the 发文字号. */
    static final int LINE_EIGHTHS = 12;

    private Letterhead() {
    }

    static void write(XWPFDocument doc, DocumentIdentity id, String number, String signer) {
        List<String> marks = id.issuers().stream().map(DocumentIdentity.Issuer::mark).toList();
        if (marks.size() == 1) {
            String text = marks.get(0) + id.markSuffix();
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            double size = size(DocxFormat.widthInChars(text));
            p.setSpacingBefore(DocxFormat.mm(35));
            DocxFormat.lineSpacing(p, size * 1.15);
            DocxFormat.noGrid(p);
            red(DocxFormat.text(p, text, DocxFormat.Face.TITLE, size, false));
        } else {
            joint(doc, marks, id.markSuffix());
        }
        XWPFParagraph gap = doc.createParagraph();
        DocxFormat.gridLine(gap);
        gap = doc.createParagraph();
        DocxFormat.gridLine(gap);

        XWPFParagraph n = doc.createParagraph();
        DocxFormat.gridLine(n);
        if (signer.isEmpty()) {
            n.setAlignment(ParagraphAlignment.CENTER);
            DocxFormat.text(n, number, DocxFormat.Face.BODY, DocxFormat.BODY_PT, false);
        } else {
            // 上行文: 文号 one character in from the left, 签发人 one character in from the right.
            n.setAlignment(ParagraphAlignment.LEFT);
            DocxFormat.leftChars(n, 1);
            CTTabStop tab = DocxFormat.ppr(n).addNewTabs().addNewTab();
            tab.setVal(STTabJc.RIGHT);
            tab.setPos(BigInteger.valueOf(Math.round(DocxFormat.TEXT_WIDTH - 2 * DocxFormat.CHAR_PITCH)));
            DocxFormat.text(n, number, DocxFormat.Face.BODY, DocxFormat.BODY_PT, false);
            XWPFRun t = DocxFormat.text(n, "", DocxFormat.Face.BODY, DocxFormat.BODY_PT, false);
            t.addTab();
            DocxFormat.text(n, "签发人：", DocxFormat.Face.BODY, DocxFormat.BODY_PT, false);
            DocxFormat.text(n, signer, DocxFormat.Face.KAI, DocxFormat.BODY_PT, false);
        }
        // The red line: the bottom border of a 4 mm paragraph, across the whole 版心.
        XWPFParagraph line = doc.createParagraph();
        DocxFormat.lineSpacing(line, DocxFormat.mm(4) / 20.0);
        DocxFormat.noGrid(line);
        CTPBdr borders = DocxFormat.ppr(line).addNewPBdr();
        CTBorder bottom = borders.addNewBottom();
        bottom.setVal(STBorder.SINGLE);
        bottom.setSz(BigInteger.valueOf(LINE_EIGHTHS));
        bottom.setSpace(BigInteger.ZERO);
        bottom.setColor(DocxFormat.RED);
    }

    /** A size at which {@code chars} characters take at most nine tenths of the 版心's width. */
    static double size(double chars) {
        double fit = DocxFormat.TEXT_WIDTH / 20.0 * 0.9 / Math.max(1, chars);
        return Math.min(MARK_MAX_PT, Math.floor(fit * 2) / 2);
    }

    private static void red(XWPFRun r) {
        r.setColor(DocxFormat.RED);
    }

    /**
     * Joint issuers: the leading one on top, each name on its line, centred on a common column; the
     * word after them on the right, centred on their height. A borderless table does the placing.
     */
    private static void joint(XWPFDocument doc, List<String> marks, String suffix) {
        double longest = marks.stream().mapToDouble(DocxFormat::widthInChars).max().orElse(1);
        double size = size(longest + DocxFormat.widthInChars(suffix));
        double rowHeight = size * 1.15;
        XWPFParagraph space = doc.createParagraph();
        DocxFormat.lineSpacing(space, Math.max(1, DocxFormat.mm(35) / 20.0 - 2));
        DocxFormat.noGrid(space);
        int suffixWidth = suffix.isEmpty() ? 0 : (int) Math.round((DocxFormat.widthInChars(suffix) + 0.5) * size * 20);
        int namesWidth = DocxFormat.TEXT_WIDTH - suffixWidth;
        XWPFTable table = doc.createTable(marks.size(), suffix.isEmpty() ? 1 : 2);
        CTTblPr pr = table.getCTTbl().getTblPr() == null ? table.getCTTbl().addNewTblPr() : table.getCTTbl().getTblPr();
        (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        table.setWidth(String.valueOf(DocxFormat.TEXT_WIDTH));
        table.setWidthType(TableWidthType.DXA);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setCellMargins(0, 0, 0, 0);
        XWPFTable.XWPFBorderType none = XWPFTable.XWPFBorderType.NONE;
        table.setTopBorder(none, 0, 0, "auto");
        table.setBottomBorder(none, 0, 0, "auto");
        table.setLeftBorder(none, 0, 0, "auto");
        table.setRightBorder(none, 0, 0, "auto");
        table.setInsideHBorder(none, 0, 0, "auto");
        table.setInsideVBorder(none, 0, 0, "auto");
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        grid.addNewGridCol().setW(BigInteger.valueOf(namesWidth));
        if (suffixWidth > 0) {
            grid.addNewGridCol().setW(BigInteger.valueOf(suffixWidth));
        }
        for (int i = 0; i < marks.size(); i++) {
            XWPFTableRow row = table.getRow(i);
            XWPFTableCell name = row.getCell(0);
            name.setWidth(String.valueOf(namesWidth));
            name.setWidthType(TableWidthType.DXA);
            XWPFParagraph p = name.getParagraphs().get(0);
            p.setAlignment(ParagraphAlignment.LEFT);
            DocxFormat.lineSpacing(p, rowHeight);
            DocxFormat.noGrid(p);
            // Names of different lengths share one width: a shorter one is spaced out to the longest's (Word's
            // distributed alignment is not kept by every program). Half a character of slack keeps a name whose
            // fallback font is a little wider on one line.
            int inset = (int) Math.max(0, Math.round((namesWidth - (longest + 0.5) * size * 20) / 2));
            p.setIndentationLeft(inset);
            String mark = marks.get(i);
            double chars = DocxFormat.widthInChars(mark);
            if (chars < longest && mark.length() > 1) {
                // The space goes between the characters, none after the last: both ends line up with the longest.
                XWPFRun spaced = DocxFormat.text(p, mark.substring(0, mark.length() - 1), DocxFormat.Face.TITLE, size,
                        false);
                spaced.setCharacterSpacing((int) Math.floor((longest - chars) * size * 20 / (mark.length() - 1)));
                red(spaced);
                red(DocxFormat.text(p, mark.substring(mark.length() - 1), DocxFormat.Face.TITLE, size, false));
            } else {
                red(DocxFormat.text(p, mark, DocxFormat.Face.TITLE, size, false));
            }
            if (suffixWidth > 0) {
                XWPFTableCell s = row.getCell(1);
                s.setWidth(String.valueOf(suffixWidth));
                s.setWidthType(TableWidthType.DXA);
                s.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
                (s.getCTTc().isSetTcPr() ? s.getCTTc().getTcPr() : s.getCTTc().addNewTcPr()).addNewVMerge().setVal(i == 0 ? STMerge.RESTART : STMerge.CONTINUE);
                XWPFParagraph sp = s.getParagraphs().get(0);
                DocxFormat.noGrid(sp);
                sp.setAlignment(ParagraphAlignment.LEFT);
                if (i == 0) {
                    DocxFormat.lineSpacing(sp, rowHeight);
                    red(DocxFormat.text(sp, suffix, DocxFormat.Face.TITLE, size, false));
                }
            }
        }
    }
}
