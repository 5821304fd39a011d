package org.perfdesk.report.docx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.ReportSection;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.report.HeadingNumbers;
import org.perfdesk.report.ReportData;
import org.perfdesk.report.ReportDrafts;
import org.perfdesk.report.diagram.DecompositionDiagram;
import org.perfdesk.report.diagram.DiagramLayout;
import org.perfdesk.report.diagram.DiagramLayouter;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * A report as a Word document in the style of an official paper: the title ("福建省水利厅2008年半年
 * 绩效分析报告"), the date, then the sections numbered 一、二、… with their text; each goal section
 * has the table of its indicators, and the goal-decomposition diagram follows as the annex (附件),
 * cut into page-high bands. Texts follow the given language.
 */
public final class ReportDocx {
    /**
     * The diagram is laid out two or three boxes wide: two print its smallest text at about 8 pt on
     * A4, three at about 5.5 pt; three is used only when it saves pages.
     */
    static final int[] DIAGRAM_COLUMNS = {2, 3};
    /** Pixels rendered per layout pixel, about 200 dpi on paper at two columns. */
    static final double DIAGRAM_RESOLUTION = 2;
    /** Room on an annex page for its heading line. */
    static final double ANNEX_HEADING_PT = 48;

    private final ReportData data;
    private final Texts t;

    public ReportDocx(ReportData data, Texts texts) {
        this.data = data;
        this.t = texts;
    }

    /**
     * Writes the unit's report with the sections the user saved, completed by fresh drafts for any
     * that are missing; the workspace is not changed. Returns the file written.
     */
    public static Path export(Workspace ws, String unitCode, int year, ReportKind kind, LocalDate date, Path out) {
        ReportData data = ReportData.load(ws, unitCode, year, kind);
        Texts t = Texts.current();
        List<ReportSection> sections = ReportDrafts.merge(ws.reports().find(unitCode, year, kind),
                new ReportDrafts(t).draft(data));
        new ReportDocx(data, t).write(sections, date, out);
        return out;
    }

    /** Writes the document whole or not at all (temporary file, then rename). */
    public void write(List<ReportSection> sections, LocalDate date, Path out) {
        byte[] bytes = toBytes(sections, date);
        try {
            SafeFiles.writeAtomically(out, bytes);
        } catch (IOException e) {
            throw new UserError(e, "report.error.writeFailed", out.toString(), String.valueOf(e.getMessage()));
        }
    }

    public byte[] toBytes(List<ReportSection> sections, LocalDate date) {
        try (XWPFDocument doc = new XWPFDocument()) {
            DocxFormat.setUpPage(doc);
            DocxFormat.addPageNumbers(doc);
            String title = t.get("report.title", data.unit().name(), String.valueOf(data.year()), t.of(data.kind()));
            doc.getProperties().getCoreProperties().setTitle(title);
            doc.getProperties().getCoreProperties().setCreator(data.unit().name());
            titleBlock(doc, title, date);
            IndicatorTable tables = new IndicatorTable(doc, data, t);
            int number = 1;
            int tableNumber = 1;
            for (ReportSection s : sections) {
                heading(doc, HeadingNumbers.of(number++, t) + s.title());
                for (String line : s.body().split("\\R")) {
                    String text = line.replaceFirst("^[\\s\\u3000]+", "").stripTrailing();
                    if (!text.isEmpty()) {
                        body(doc, text);
                    }
                }
                Optional<GoalNode> goal = Optional.ofNullable(s.goalId()).flatMap(id -> data.tree().find(id));
                if (goal.isPresent() && tables.hasRows(goal.get())) {
                    caption(doc, t.get("report.table.caption", String.valueOf(tableNumber++), goal.get().title()));
                    tables.write(goal.get());
                }
            }
            annex(doc);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the document in memory failed", e);
        }
    }

    private void titleBlock(XWPFDocument doc, String title, LocalDate date) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(240);
        p.setSpacingAfter(240);
        DocxFormat.lineSpacing(p, 36);
        DocxFormat.text(p, title, DocxFormat.SONG, DocxFormat.TITLE_PT, true);
        XWPFParagraph d = doc.createParagraph();
        d.setAlignment(ParagraphAlignment.CENTER);
        d.setSpacingAfter(360);
        DocxFormat.lineSpacing(d, DocxFormat.BODY_LINE_PT);
        DocxFormat.text(d, DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.locale()).format(date),
                DocxFormat.SONG, DocxFormat.BODY_PT, false);
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(120);
        DocxFormat.lineSpacing(p, DocxFormat.BODY_LINE_PT + 2);
        DocxFormat.indentTwoChars(p, DocxFormat.BODY_PT);
        DocxFormat.keepWithNext(p);
        DocxFormat.outlineLevel(p, 0);
        DocxFormat.text(p, text, DocxFormat.HEI, DocxFormat.HEADING_PT, false);
    }

    private static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        DocxFormat.lineSpacing(p, DocxFormat.BODY_LINE_PT);
        DocxFormat.indentTwoChars(p, DocxFormat.BODY_PT);
        DocxFormat.text(p, text, DocxFormat.SONG, DocxFormat.BODY_PT, false);
    }

    private static void caption(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(120);
        p.setSpacingAfter(60);
        DocxFormat.singleSpacing(p);
        DocxFormat.keepWithNext(p);
        DocxFormat.text(p, text, DocxFormat.HEI, 12, false);
    }

    /** The decomposition diagram on its own pages, scaled to the text width. */
    private void annex(XWPFDocument doc) {
        DecompositionDiagram diagram = DecompositionDiagram.of(data.unit(), data.year(), data.orgs(), data.tree(), t);
        DiagramLayout layout = null;
        List<DiagramPages.Slice> slices = null;
        double pointsPerPixel = 0;
        for (int columns : DIAGRAM_COLUMNS) {
            DiagramLayout candidate = diagram.layout(DiagramLayouter.Options.columns(columns));
            double scale = Math.min(DocxFormat.TEXT_WIDTH / 20.0 / candidate.width(), 0.75);
            List<DiagramPages.Slice> cut = DiagramPages.slices(candidate,
                    (DocxFormat.TEXT_HEIGHT / 20.0 - ANNEX_HEADING_PT) / scale);
            if (slices == null || cut.size() < slices.size()) {
                layout = candidate;
                slices = cut;
                pointsPerPixel = scale;
            }
        }
        for (int i = 0; i < slices.size(); i++) {
            DiagramPages.Slice slice = slices.get(i);
            XWPFParagraph h = doc.createParagraph();
            h.setPageBreak(true);
            DocxFormat.lineSpacing(h, DocxFormat.BODY_LINE_PT + 2);
            DocxFormat.keepWithNext(h);
            DocxFormat.text(h, i == 0 ? t.get("report.annex") : t.get("report.annex") + t.get("report.annex.continued"),
                    DocxFormat.HEI, DocxFormat.HEADING_PT, false);
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            DocxFormat.singleSpacing(p);
            p.setSpacingAfter(0);
            byte[] png = diagram.png(layout, DIAGRAM_RESOLUTION, slice.top(), slice.bottom());
            try {
                p.createRun().addPicture(new ByteArrayInputStream(png), PictureType.PNG, "diagram-" + (i + 1) + ".png",
                        Units.toEMU(layout.width() * pointsPerPixel), Units.toEMU(slice.height() * pointsPerPixel));
            } catch (InvalidFormatException | IOException e) {
                throw new IllegalStateException("embedding the diagram failed", e);
            }
        }
    }
}
