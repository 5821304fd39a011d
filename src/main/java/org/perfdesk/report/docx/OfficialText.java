package org.perfdesk.report.docx;

import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * The paragraphs of an official document (公文) as the notice and the feedback write them: the centred
 * title, headings 一、二、… in 黑体, indented body text in 宋体, unindented lines, and the signature block
 * on the right.
 */
final class OfficialText {
    private OfficialText() {
    }

    static XWPFParagraph title(XWPFDocument doc, String title, int spacingAfter) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(240);
        p.setSpacingAfter(spacingAfter);
        DocxFormat.lineSpacing(p, 36);
        DocxFormat.text(p, title, DocxFormat.SONG, DocxFormat.TITLE_PT, true);
        return p;
    }

    /** A centred line under the title (征求意见稿, the unit's name). */
    static void subtitle(XWPFDocument doc, String text) {
        XWPFParagraph d = doc.createParagraph();
        d.setAlignment(ParagraphAlignment.CENTER);
        d.setSpacingAfter(360);
        DocxFormat.lineSpacing(d, DocxFormat.BODY_LINE_PT);
        DocxFormat.text(d, text, DocxFormat.SONG, DocxFormat.BODY_PT, false);
    }

    static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(120);
        DocxFormat.lineSpacing(p, DocxFormat.BODY_LINE_PT + 2);
        DocxFormat.indentTwoChars(p, DocxFormat.BODY_PT);
        DocxFormat.keepWithNext(p);
        DocxFormat.outlineLevel(p, 0);
        DocxFormat.text(p, text, DocxFormat.HEI, DocxFormat.HEADING_PT, false);
    }

    /** A body paragraph with {@code text}, or empty for runs of its own when text is null. */
    static XWPFParagraph body(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        DocxFormat.lineSpacing(p, DocxFormat.BODY_LINE_PT);
        DocxFormat.indentTwoChars(p, DocxFormat.BODY_PT);
        if (text != null) {
            DocxFormat.text(p, text, DocxFormat.SONG, DocxFormat.BODY_PT, false);
        }
        return p;
    }

    /** A line without the first-line indent (the addressees). */
    static void plain(XWPFDocument doc, String text, boolean bold) {
        XWPFParagraph p = doc.createParagraph();
        DocxFormat.lineSpacing(p, DocxFormat.BODY_LINE_PT);
        DocxFormat.text(p, text, DocxFormat.SONG, DocxFormat.BODY_PT, bold);
    }

    /** The sender and the date, on the right after a gap. */
    static void signature(XWPFDocument doc, List<String> lines) {
        XWPFParagraph gap = doc.createParagraph();
        DocxFormat.lineSpacing(gap, DocxFormat.BODY_LINE_PT);
        gap.setSpacingBefore(480);
        for (String line : lines) {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.RIGHT);
            DocxFormat.lineSpacing(p, DocxFormat.BODY_LINE_PT);
            p.setIndentationRight(560);
            DocxFormat.text(p, line, DocxFormat.SONG, DocxFormat.BODY_PT, false);
        }
    }
}
