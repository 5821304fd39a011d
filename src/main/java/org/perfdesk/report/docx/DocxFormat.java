package org.perfdesk.report.docx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * The page and type of a Chinese official document after GB/T 9704-2012 (党政机关公文格式), shared by
 * every document PerfDesk writes: A4, 天头 37 mm, 订口 28 mm, a 156 × 225 mm 版心 holding a document
 * grid of 22 lines (exact 28.95 pt lines) of 28 characters (3号 仿宋, 16 pt set 0.3 pt closer); titles in 2号 小标宋; headings 一、 in 黑体
 * and （一） in 楷体; page numbers "— 1 —" in 4号 宋体 7 mm below the 版心, odd pages on the right and
 * even pages on the left, one character in from the edge.
 *
 * <p>Fonts are named as the offices' PCs know them, each with the names to fall back on in the font
 * table ({@code w:altName}), so that Word and WPS pick the next installed one without a person
 * changing them by hand: 仿宋_GB2312 → 仿宋 → FangSong; 方正小标宋简体 → 华文中宋 → 宋体; 楷体_GB2312
 * → 楷体 → KaiTi; 黑体 → SimHei; 宋体 → SimSun. Latin text and digits are Times New Roman.
 */
final class DocxFormat {
    /** The typefaces of a 公文, each with the fonts tried after it, in order. */
    enum Face {
        /** 正文: 仿宋. */
        BODY("仿宋_GB2312", "仿宋", "FangSong"),
        /** 标题 and 发文机关标志: 小标宋. */
        TITLE("方正小标宋简体", "华文中宋", "STZhongsong", "宋体", "SimSun"),
        /** 一、 and 附件: 黑体. */
        HEI("黑体", "SimHei"),
        /** （一）: 楷体. */
        KAI("楷体_GB2312", "楷体", "KaiTi"),
        /** Page numbers: 宋体. */
        SONG("宋体", "SimSun");

        private final String name;
        private final String[] fallbacks;

        Face(String name, String... fallbacks) {
            this.name = name;
            this.fallbacks = fallbacks;
        }

        String fontName() {
            return name;
        }

        /** The names Word and WPS try when this one is not installed, comma-separated as w:altName takes them. */
        String altNames() {
            return String.join(",", fallbacks);
        }
    }

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

    /** Lines and characters of the document grid. */
    static final int LINES_PER_PAGE = 22;
    static final int CHARS_PER_LINE = 28;
    /** One grid line in twips: 22 of them fill the 225 mm 版心 (28.95 pt). */
    static final int LINE_PITCH = TEXT_HEIGHT / LINES_PER_PAGE;
    /** Character spacing of 3号 text on the grid, in twentieths of a point (−0.3 pt). */
    static final int GRID_CONDENSE = -6;
    /** One character of 3号 text in twips as set (15.7 pt): 28 of them fit the 156 mm 版心, 29 do not. */
    static final double CHAR_PITCH = 16 * 20 + GRID_CONDENSE;

    static final double TITLE_PT = 22;
    static final double BODY_PT = 16;
    static final double PAGE_NUMBER_PT = 14;
    /** 版记 lines: 4号. */
    static final double IMPRINT_PT = 14;
    /** 小四, for tables with several columns of figures. */
    static final double TABLE_PT = 12;
    /** 五号, for the widest tables (the reports' indicator tables). */
    static final double SMALL_TABLE_PT = 10.5;
    /** Red of the 版头 (发文机关标志 and separator). */
    static final String RED = "FF0000";

    /** The 4号 page number's line, and its distance below the 版心: the dash's top 7 mm under the text. */
    private static final int FOOTER_LINE = 280;
    private static final int FOOTER_DISTANCE = MARGIN_BOTTOM - mm(7) - FOOTER_LINE;

    private DocxFormat() {
    }

    static int mm(double millimetres) {
        return (int) Math.round(millimetres * 1440 / 25.4);
    }

    /**
     * A4 with the GB/T 9704 margins and grid; 3号 仿宋 and Times New Roman as the document's defaults;
     * the font table with the fallbacks; odd and even footers.
     */
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
        mar.setFooter(BigInteger.valueOf(FOOTER_DISTANCE));
        mar.setGutter(BigInteger.ZERO);
        CTDocGrid grid = sect.isSetDocGrid() ? sect.getDocGrid() : sect.addNewDocGrid();
        // A line grid; the 28 characters come from the 3号 text's spacing (GRID_CONDENSE). Word's character grid
        // (linesAndChars) would give 28 in Word and WPS, but LibreOffice sets a 16 pt character on a 15.8 pt grid
        // in two cells — 14 characters to a line.
        grid.setType(STDocGrid.LINES);
        grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));

        XWPFStyles styles = doc.createStyles();
        CTStyles ct = CTStyles.Factory.newInstance();
        CTDocDefaults defaults = ct.addNewDocDefaults();
        CTRPr rpr = defaults.addNewRPrDefault().addNewRPr();
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setAscii(LATIN);
        fonts.setHAnsi(LATIN);
        fonts.setCs(LATIN);
        fonts.setEastAsia(Face.BODY.fontName());
        rpr.addNewSz().setVal(BigInteger.valueOf(Math.round(BODY_PT * 2)));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(Math.round(BODY_PT * 2)));
        rpr.addNewLang().setEastAsia("zh-CN");
        defaults.addNewPPrDefault().addNewPPr();
        // The Normal style names the size again: LibreOffice sizes the grid's characters from it, not from the defaults.
        CTStyle normal = ct.addNewStyle();
        normal.setType(STStyleType.PARAGRAPH);
        normal.setStyleId("Normal");
        normal.setDefault(Boolean.TRUE);
        normal.addNewName().setVal("Normal");
        normal.addNewQFormat();
        CTRPr normalRun = normal.addNewRPr();
        CTFonts normalFonts = normalRun.addNewRFonts();
        normalFonts.setAscii(LATIN);
        normalFonts.setHAnsi(LATIN);
        normalFonts.setEastAsia(Face.BODY.fontName());
        normalRun.addNewSz().setVal(BigInteger.valueOf(Math.round(BODY_PT * 2)));
        normalRun.addNewSzCs().setVal(BigInteger.valueOf(Math.round(BODY_PT * 2)));
        styles.setStyles(ct);
        doc.setEvenAndOddHeadings(true);
        addFontTable(doc);
    }

    /** word/fontTable.xml naming every face with its fallbacks (w:altName), so Word and WPS substitute in order. */
    private static void addFontTable(XWPFDocument doc) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        for (Face f : Face.values()) {
            boolean sans = f == Face.HEI;
            xml.append("<w:font w:name=\"").append(f.fontName()).append("\">")
                    .append("<w:altName w:val=\"").append(f.altNames()).append("\"/>")
                    .append("<w:charset w:val=\"86\"/>")
                    .append("<w:family w:val=\"").append(sans ? "modern" : "roman").append("\"/>")
                    .append("<w:pitch w:val=\"").append(sans ? "fixed" : "variable").append("\"/>")
                    .append("</w:font>");
        }
        xml.append("<w:font w:name=\"").append(LATIN).append("\"><w:charset w:val=\"00\"/>")
                .append("<w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>");
        try {
            PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
            PackagePart part = doc.getPackage().createPart(name,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
            try (OutputStream out = part.getOutputStream()) {
                out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            }
            doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL,
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable");
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("font table part name", e);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the font table in memory failed", e);
        }
    }

    /**
     * "— 1 —" in 4号 宋体 at the foot of every page, as a PAGE field so Word and LibreOffice number it:
     * on the right of odd pages and the left of even ones, one character in from the edge.
     */
    static void addPageNumbers(XWPFDocument doc) {
        XWPFHeaderFooterPolicy policy = doc.createHeaderFooterPolicy();
        pageNumber(policy.createFooter(XWPFHeaderFooterPolicy.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumber(policy.createFooter(XWPFHeaderFooterPolicy.EVEN), ParagraphAlignment.LEFT);
    }

    private static void pageNumber(XWPFFooter footer, ParagraphAlignment side) {
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setAlignment(side);
        p.setSpacingBetween(FOOTER_LINE / 20.0, LineSpacingRule.EXACT);
        int oneChar = (int) Math.round(PAGE_NUMBER_PT * 20);
        if (side == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(oneChar);
        } else {
            p.setIndentationLeft(oneChar);
        }
        noGrid(p);
        text(p, "— ", Face.SONG, PAGE_NUMBER_PT, false);
        field(p, STFldCharType.BEGIN);
        XWPFRun instr = p.createRun();
        font(instr, Face.SONG, PAGE_NUMBER_PT, false);
        instr.getCTR().addNewInstrText().setStringValue(" PAGE ");
        field(p, STFldCharType.SEPARATE);
        text(p, "1", Face.SONG, PAGE_NUMBER_PT, false);
        field(p, STFldCharType.END);
        text(p, " —", Face.SONG, PAGE_NUMBER_PT, false);
    }

    private static void field(XWPFParagraph p, STFldCharType.Enum type) {
        p.createRun().getCTR().addNewFldChar().setFldCharType(type);
    }

    static XWPFRun text(XWPFParagraph p, String text, Face face, double size, boolean bold) {
        XWPFRun r = p.createRun();
        font(r, face, size, bold);
        r.setText(text);
        return r;
    }

    static void font(XWPFRun r, Face face, double size, boolean bold) {
        r.setFontFamily(LATIN, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(LATIN, XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(face.fontName(), XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
        if (size == BODY_PT) {
            // 3号 set 0.3 pt closer: 28 characters (28 × 15.7 pt) fill the 442 pt line in Word, WPS and LibreOffice.
            r.setCharacterSpacing(GRID_CONDENSE);
        }
        if (bold) {
            r.setBold(true);
        }
    }

    /** One grid line, exactly: every line of text in the 版心 is 1/22 of its height. */
    static void gridLine(XWPFParagraph p) {
        p.setSpacingBetween(LINE_PITCH / 20.0, LineSpacingRule.EXACT);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
    }

    /** Exact line spacing in points. */
    static void lineSpacing(XWPFParagraph p, double points) {
        p.setSpacingBetween(points, LineSpacingRule.EXACT);
    }

    /** Single spacing: pictures in an exactly spaced paragraph would be cut to the line. */
    static void singleSpacing(XWPFParagraph p) {
        p.setSpacingBetween(1, LineSpacingRule.AUTO);
    }

    /** Outside the document grid (tables, pictures, the footer): its own spacing, not the grid's. */
    static void noGrid(XWPFParagraph p) {
        ppr(p).addNewSnapToGrid().setVal(Boolean.FALSE);
    }

    /**
     * A first-line indent of {@code chars} characters of 3号 text (2 for a paragraph, the Chinese convention),
     * in twips: Word's character units would count 16 pt characters, not the 15.7 pt they are set at.
     */
    static void firstLineChars(XWPFParagraph p, int chars) {
        CTInd ind = ind(p);
        ind.setFirstLine(BigInteger.valueOf(Math.round(chars * CHAR_PITCH)));
    }

    /** Left indent with the first line hanging back, in grid characters (附件说明 and 抄送 lines). */
    static void hangingChars(XWPFParagraph p, double left, double hanging) {
        CTInd ind = ind(p);
        ind.setLeft(BigInteger.valueOf(Math.round(left * CHAR_PITCH)));
        ind.setHanging(BigInteger.valueOf(Math.round(hanging * CHAR_PITCH)));
    }

    /** Right indent in grid characters (右空二字). */
    static void rightChars(XWPFParagraph p, double chars) {
        CTInd ind = ind(p);
        ind.setRight(BigInteger.valueOf(Math.round(chars * CHAR_PITCH)));
    }

    /** Left indent in grid characters (左空一字). */
    static void leftChars(XWPFParagraph p, double chars) {
        CTInd ind = ind(p);
        ind.setLeft(BigInteger.valueOf(Math.round(chars * CHAR_PITCH)));
    }

    private static CTInd ind(XWPFParagraph p) {
        CTPPr ppr = ppr(p);
        return ppr.isSetInd() ? ppr.getInd() : ppr.addNewInd();
    }

    static CTPPr ppr(XWPFParagraph p) {
        return p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
    }

    /** Keeps a heading or caption on the page of what follows it. */
    static void keepWithNext(XWPFParagraph p) {
        CTPPr ppr = ppr(p);
        if (!ppr.isSetKeepNext()) {
            ppr.addNewKeepNext();
        }
    }

    /** Marks a heading with its outline level (0 for 一、), so Word's navigation pane lists it. */
    static void outlineLevel(XWPFParagraph p, int level) {
        ppr(p).addNewOutlineLvl().setVal(BigInteger.valueOf(level));
    }

    /** Width of a text in grid characters: a CJK or full-width character is one, anything else half. */
    static double widthInChars(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += cp < 0x2E80 || cp >= 0xFF61 && cp <= 0xFFDC ? 0.5 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }
}
