package org.perfdesk.report.docx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.perfdesk.domain.DocumentIdentity;
import org.perfdesk.domain.DocumentNumber;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.HeadingNumbers;

/**
 * One official document (公文) being written, in the order GB/T 9704 places its parts: the 版头
 * (red 发文机关标志, 发文字号 — with 签发人 for a document sent upward — and the red line), the title,
 * the addressees (主送), the body with headings numbered 一、（一）1.（1）, tables, the 附件说明, the
 * issuers' names (署名) and the 成文日期, the annexes each on pages of their own, and the 版记 (抄送,
 * 印发机关 and 印发日期) at the foot of the last page. The page, grid and fonts are {@link DocxFormat}'s.
 *
 * <p>Every document PerfDesk writes — the 通报, the units' reports, the 批复 or 退回 letter, the
 * feedback — is made with it; a new kind of document only decides which parts it has and their words.
 * In Chinese, spaces between Chinese text and figures are taken out ("按 0 分计" prints as 按0分计).
 */
public final class OfficialDocument implements AutoCloseable {
    private static final Pattern LOOSE = Pattern.compile(
            "(?<=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF])[ \\t]+(?=[0-9A-Za-z%.+\\-−—–≥≤=])"
                    + "|(?<=[0-9A-Za-z%.])[ \\t]+(?=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF])");

    private final XWPFDocument doc = new XWPFDocument();
    private final Texts t;
    private final boolean chinese;
    /** Heading numbers so far, per level 1–4. */
    private final int[] numbers = new int[5];

    public OfficialDocument(Texts texts, String title, String creator) {
        this.t = texts;
        this.chinese = texts.locale().getLanguage().equals(Texts.CHINESE.getLanguage());
        DocxFormat.setUpPage(doc);
        DocxFormat.addPageNumbers(doc);
        doc.getProperties().getCoreProperties().setTitle(title);
        doc.getProperties().getCoreProperties().setCreator(creator);
    }

    /** The POI document, for parts only one kind of document has (the reports' indicator tables, pictures). */
    XWPFDocument poi() {
        return doc;
    }

    public Texts texts() {
        return t;
    }

    /** A text as printed: in Chinese without spaces between Chinese words and figures. */
    public String tight(String text) {
        return chinese && text != null ? LOOSE.matcher(text).replaceAll("") : text;
    }

    /** The 成文日期 as a 公文 writes it: 2009年3月15日 (年份标全称，月、日不编虚位). */
    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.locale()).format(date);
    }

    // ---- 版头 ----------------------------------------------------------------------------------

    /**
     * The 版头: the issuers' 发文机关标志 in red 小标宋, 35 mm below the top of the 版心 (joint issuers
     * one above the other, the word after them — 文件 — beside them, centred on their height); two
     * lines below it the 发文字号, centred, or for a document sent upward on the left with the 签发人
     * on the right; 4 mm below that a red line the width of the 版心. Nothing when the identity has no
     * 文号 prefix.
     *
     * @param number the 文号, or null to leave its place empty (filled in by hand)
     * @param upward true for a document to a higher body (报告): the 签发人 is printed when there is one
     */
    public OfficialDocument letterhead(DocumentIdentity identity, DocumentNumber number, boolean upward) {
        if (!identity.letterhead()) {
            return this;
        }
        Letterhead.write(doc, identity, number == null ? "" : number.text(), upward ? identity.signer() : "");
        blankLines(2);
        return this;
    }

    // ---- the title and the addressees ----------------------------------------------------------

    /** The title in 2号 小标宋, centred; a line break in it starts a new line. */
    public OfficialDocument title(String title) {
        for (String line : title.split("\n")) {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            DocxFormat.lineSpacing(p, 35);
            DocxFormat.noGrid(p);
            DocxFormat.keepWithNext(p);
            DocxFormat.text(p, tight(line), DocxFormat.Face.TITLE, DocxFormat.TITLE_PT, false);
        }
        return this;
    }

    /**
     * A title too long for one line of 2号, broken after {@code name} (the unit's name, which it holds):
     * GB/T 9704 asks that a title's lines keep words whole, and a name or a year cut in two reads wrongly.
     * A title that fits, or that does not hold the name, is left as it is.
     */
    public static String breakAfter(String title, String name) {
        double fits = DocxFormat.TEXT_WIDTH / 20.0 / DocxFormat.TITLE_PT - 1;
        int at = name == null || name.isEmpty() ? -1 : title.indexOf(name);
        if (DocxFormat.widthInChars(title) <= fits || at < 0 || at + name.length() >= title.length()) {
            return title;
        }
        return title.substring(0, at + name.length()) + "\n" + title.substring(at + name.length());
    }

    /** A line under the title in 3号 楷体, centred: （征求意见稿）, the unit a feedback concerns. */
    public OfficialDocument subtitle(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        DocxFormat.gridLine(p);
        DocxFormat.keepWithNext(p);
        DocxFormat.text(p, tight(text), DocxFormat.Face.KAI, DocxFormat.BODY_PT, false);
        return this;
    }

    /** 主送机关: one line under the title, flush left, ending with a full-width colon. */
    public OfficialDocument mainTo(String addressees) {
        if (addressees == null || addressees.isBlank()) {
            return this;
        }
        blankLines(1);
        String text = addressees.strip().replaceFirst("[：:。，,；;\\s]+$", "");
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        DocxFormat.gridLine(p);
        DocxFormat.text(p, tight(text) + (chinese ? "：" : ":"), DocxFormat.Face.BODY, DocxFormat.BODY_PT, false);
        return this;
    }

    // ---- the body ------------------------------------------------------------------------------

    /**
     * A heading numbered at {@code level}: 一、 in 黑体, （一） in 楷体, 1. and （1） in 仿宋, each indented
     * two characters as the body is. A heading starts the numbering of the levels below it again.
     */
    public OfficialDocument heading(int level, String text) {
        int l = Math.max(1, Math.min(4, level));
        numbers[l]++;
        for (int i = l + 1; i < numbers.length; i++) {
            numbers[i] = 0;
        }
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        DocxFormat.gridLine(p);
        DocxFormat.firstLineChars(p, 2);
        DocxFormat.keepWithNext(p);
        DocxFormat.outlineLevel(p, l - 1);
        DocxFormat.Face face = l == 1 ? DocxFormat.Face.HEI : l == 2 ? DocxFormat.Face.KAI : DocxFormat.Face.BODY;
        DocxFormat.text(p, HeadingNumbers.level(l, numbers[l], t) + tight(text), face, DocxFormat.BODY_PT, false);
        return this;
    }

    /** A body paragraph in 3号 仿宋, justified, its first line indented two characters. */
    public XWPFParagraph paragraph(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        DocxFormat.gridLine(p);
        DocxFormat.firstLineChars(p, 2);
        if (text != null) {
            DocxFormat.text(p, tight(text), DocxFormat.Face.BODY, DocxFormat.BODY_PT, false);
        }
        return p;
    }

    /** A run of body text added to a paragraph (a second sentence in another face, a lead-in). */
    public XWPFRun run(XWPFParagraph p, String text, boolean bold) {
        return DocxFormat.text(p, tight(text), DocxFormat.Face.BODY, DocxFormat.BODY_PT, bold);
    }

    /** Each line of a typed text as a paragraph of its own, leading spaces (full-width too) dropped. */
    public OfficialDocument paragraphs(String body) {
        for (String line : body.split("\\R")) {
            String text = line.replaceFirst("^[\\s\\u3000]+", "").stripTrailing();
            if (!text.isEmpty()) {
                paragraph(text);
            }
        }
        return this;
    }

    /** The line height of a {@link #note}. */
    static final double NOTE_LINE_PT = 20;

    /** A note under an annex's title (a diagram's legend): centred, 4号 楷体. */
    public OfficialDocument note(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        DocxFormat.lineSpacing(p, NOTE_LINE_PT);
        DocxFormat.noGrid(p);
        DocxFormat.keepWithNext(p);
        DocxFormat.text(p, tight(text), DocxFormat.Face.KAI, DocxFormat.IMPRINT_PT, false);
        return this;
    }

    /** Empty lines of the grid. */
    public OfficialDocument blankLines(int count) {
        for (int i = 0; i < count; i++) {
            XWPFParagraph p = doc.createParagraph();
            DocxFormat.gridLine(p);
        }
        return this;
    }

    /** A table's caption, centred in 黑体 on the line above it, kept with it. */
    public OfficialDocument caption(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        DocxFormat.gridLine(p);
        DocxFormat.keepWithNext(p);
        DocxFormat.text(p, tight(text), DocxFormat.Face.HEI, DocxFormat.BODY_PT, false);
        return this;
    }

    /**
     * A ruled table at the text width (column widths in twips adding up to it), header in 黑体,
     * cells in 仿宋 at {@code pt}; {@code left} names the columns aligned left.
     */
    public XWPFTable table(int[] widths, List<String> headers, List<List<String>> rows, double pt, int... left) {
        XWPFTable table = SimpleTable.add(doc, widths, headers.stream().map(this::tight).toList(),
                rows.stream().map(r -> r.stream().map(this::tight).toList()).toList(), pt, left);
        afterTable();
        return table;
    }

    /** A short gap after a table, so the next paragraph does not touch its last rule. */
    void afterTable() {
        XWPFParagraph after = doc.createParagraph();
        DocxFormat.lineSpacing(after, 8);
        DocxFormat.noGrid(after);
    }

    // ---- the end of the body -------------------------------------------------------------------

    /**
     * 附件说明: a line under the body, two characters in, "附件：" and the annexes' names, numbered
     * 1. 2. … when there are several, each further name aligned under the first; no full stop.
     */
    public OfficialDocument attachments(List<String> names) {
        if (names.isEmpty()) {
            return this;
        }
        blankLines(1);
        String label = t.get("docs.attachments");
        double labelWidth = DocxFormat.widthInChars(label);
        for (int i = 0; i < names.size(); i++) {
            String number = names.size() > 1 ? (i + 1) + "." : "";
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.LEFT);
            DocxFormat.gridLine(p);
            DocxFormat.hangingChars(p, 2 + labelWidth + DocxFormat.widthInChars(number),
                    labelWidth + DocxFormat.widthInChars(number));
            String text = (i == 0 ? label : "\u3000".repeat((int) Math.ceil(labelWidth))) + number
                    + tight(names.get(i)).replaceFirst("[。.；;]+$", "");
            DocxFormat.text(p, text, DocxFormat.Face.BODY, DocxFormat.BODY_PT, false);
            DocxFormat.keepWithNext(p);
        }
        return this;
    }

    /**
     * 署名 and 成文日期 of a document without a seal (GB/T 9704 7.3.5.3): one line under the body, the
     * issuers' names two characters in from the right, the leading issuer first and the others below
     * it; on the next line the date, starting two characters right of the names — or, when it is the
     * longer, two characters in from the right with the names moved to keep the two-character step.
     */
    public OfficialDocument signature(List<String> issuers, LocalDate date) {
        blankLines(1);
        String dateText = tight(date(date));
        double d = DocxFormat.widthInChars(dateText);
        double n = issuers.stream().mapToDouble(DocxFormat::widthInChars).max().orElse(0);
        double namesRight = 2;
        double dateRight = n - d;
        if (!chinese || dateRight < 2) {
            dateRight = 2;
            namesRight = chinese ? d - n + 4 : 2;
        }
        for (String issuer : issuers) {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.RIGHT);
            DocxFormat.gridLine(p);
            DocxFormat.keepWithNext(p);
            DocxFormat.rightChars(p, namesRight + (chinese ? n - DocxFormat.widthInChars(issuer) : 0));
            DocxFormat.text(p, tight(issuer), DocxFormat.Face.BODY, DocxFormat.BODY_PT, false);
        }
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.RIGHT);
        DocxFormat.gridLine(p);
        DocxFormat.rightChars(p, dateRight);
        DocxFormat.text(p, dateText, DocxFormat.Face.BODY, DocxFormat.BODY_PT, false);
        return this;
    }

    // ---- annexes and the 版记 ------------------------------------------------------------------

    /**
     * Starts an annex on a new page: 附件 (附件2 when there are several) in 3号 黑体 on the first line,
     * top left; its title centred on the third line. Heading numbers start again.
     *
     * @param number the annex's number, or 0 when it is the only one
     */
    public OfficialDocument annex(int number, String title) {
        XWPFParagraph label = doc.createParagraph();
        label.setPageBreak(true);
        DocxFormat.gridLine(label);
        DocxFormat.keepWithNext(label);
        DocxFormat.text(label, t.get("docs.annex") + (number > 0 ? String.valueOf(number) : ""), DocxFormat.Face.HEI,
                DocxFormat.BODY_PT, false);
        blankLines(1);
        title(title);
        blankLines(1);
        java.util.Arrays.fill(numbers, 0);
        return this;
    }

    /**
     * The 版记 at the foot of the last page: between a thick rule above and below and a thin one
     * between, "抄送：" and the bodies copied (one character in from each side, wrapped lines aligned
     * after the colon, a full stop at the end), then the 印发机关 on the left and the 印发日期 with 印发
     * on the right. No 抄送 line when none is copied.
     */
    public OfficialDocument imprint(List<String> copyTo, String printedBy, LocalDate printedOn) {
        Imprint.write(doc, t, copyTo.stream().map(this::tight).toList(), tight(printedBy), tight(date(printedOn)));
        return this;
    }

    /** The document as .docx bytes. */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the document in memory failed", e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
