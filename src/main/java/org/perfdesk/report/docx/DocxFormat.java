package org.perfdesk.report.docx;

import java.math.BigInteger;

import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * Page and type of a Chinese official document (after GB/T 9704): A4, margins 37/35/28/26 mm,
 * 宋体 body, 黑体 headings, Times New Roman for Latin text and digits, page numbers "— 1 —" centred
 * in the footer. Word substitutes its own fonts by name; LibreOffice falls back per glyph to any
 * installed CJK font, so a machine without 宋体 still shows every character.
 */
final class DocxFormat {
    /** 宋体 and 黑体 by their English names, which Word accepts and fontconfig maps to a serif/sans CJK font. */
    static final String SONG = "SimSun";
    static final String HEI = "SimHei";
    static final String LATIN = "Times New Roman";

    /** Twips (1/20 pt). */
    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    static final int MARGIN_TOP = 2098;
    static final int MARGIN_BOTTOM = 1984;
    static final int MARGIN_LEFT = 1588;
    static final int MARGIN_RIGHT = 1474;
    static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    static final int TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;

    static final double TITLE_PT = 22;
    static final double HEADING_PT = 16;
    static final double BODY_PT = 14;
    static final double BODY_LINE_PT = 26;
    /** 小五号, the usual size for tables. */
    static final double TABLE_PT = 9;

    private DocxFormat() {
    }

    static void setUpPage(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr() : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(MARGIN_TOP));
        mar.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        mar.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        mar.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        mar.setHeader(BigInteger.valueOf(851));
        mar.setFooter(BigInteger.valueOf(992));
        mar.setGutter(BigInteger.ZERO);

        XWPFStyles styles = doc.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(LATIN);
        fonts.setHAnsi(LATIN);
        fonts.setCs(LATIN);
        fonts.setEastAsia(SONG);
        styles.setDefaultFonts(fonts);
        styles.setEastAsia("zh-CN");
    }

    /** "— 1 —" centred at the foot of every page, as a PAGE field so Word and LibreOffice number it. */
    static void addPageNumbers(XWPFDocument doc) {
        XWPFFooter footer = doc.createHeaderFooterPolicy().createFooter(XWPFHeaderFooterPolicy.DEFAULT);
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        text(p, "— ", SONG, BODY_PT, false);
        field(p, STFldCharType.BEGIN);
        XWPFRun instr = p.createRun();
        font(instr, SONG, BODY_PT, false);
        instr.getCTR().addNewInstrText().setStringValue(" PAGE ");
        field(p, STFldCharType.SEPARATE);
        text(p, "1", SONG, BODY_PT, false);
        field(p, STFldCharType.END);
        text(p, " —", SONG, BODY_PT, false);
    }

    private static void field(XWPFParagraph p, STFldCharType.Enum type) {
        p.createRun().getCTR().addNewFldChar().setFldCharType(type);
    }

    static XWPFRun text(XWPFParagraph p, String text, String eastAsiaFont, double size, boolean bold) {
        XWPFRun r = p.createRun();
        font(r, eastAsiaFont, size, bold);
        r.setText(text);
        return r;
    }

    static void font(XWPFRun r, String eastAsiaFont, double size, boolean bold) {
        r.setFontFamily(LATIN, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(LATIN, XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(eastAsiaFont, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
        r.setBold(bold);
    }

    /** Exact line spacing in points. */
    static void lineSpacing(XWPFParagraph p, double points) {
        p.setSpacingBetween(points, LineSpacingRule.EXACT);
    }

    /** Single spacing: pictures in an exactly spaced paragraph would be cut to the line. */
    static void singleSpacing(XWPFParagraph p) {
        p.setSpacingBetween(1, LineSpacingRule.AUTO);
    }

    /** First-line indent of two characters, the Chinese paragraph convention. */
    static void indentTwoChars(XWPFParagraph p, double size) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTInd ind = ppr.isSetInd() ? ppr.getInd() : ppr.addNewInd();
        ind.setFirstLineChars(BigInteger.valueOf(200));
        ind.setFirstLine(BigInteger.valueOf(Math.round(size * 2 * 20)));
    }

    /** Keeps a heading or caption on the page of what follows it. */
    static void keepWithNext(XWPFParagraph p) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        if (!ppr.isSetKeepNext()) {
            ppr.addNewKeepNext();
        }
    }

    /** Marks a heading as outline level 1, so Word's navigation pane and a table of contents list it. */
    static void outlineLevel(XWPFParagraph p, int level) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(level));
    }
}
