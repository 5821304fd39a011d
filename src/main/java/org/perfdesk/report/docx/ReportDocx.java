package org.perfdesk.report.docx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.ReportSection;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.Documents;
import org.perfdesk.report.Issue;
import org.perfdesk.report.ReportData;
import org.perfdesk.report.ReportDrafts;
import org.perfdesk.report.diagram.DecompositionDiagram;
import org.perfdesk.report.diagram.DiagramLayout;
import org.perfdesk.report.diagram.DiagramLayouter;
import org.perfdesk.report.diagram.TextStyle;
import org.perfdesk.store.Workspace;

/**
 * A unit's half-year analysis or annual summary as the 报告 it sends up to the office: the 版头 when the
 * unit numbers its documents (with its 签发人), the title ("福建省水利厅2008年度绩效总结报告"), the office as
 * 主送, the sections numbered 一、二、… with their text and, per goal, the table of its indicators; the
 * 附件说明, the unit's name and the 成文日期 chosen at export; then the goal-decomposition diagram as the
 * annex, its title as text, in black and white with its smallest text at 10.5 pt on paper, on as many
 * pages as it needs with whole rows of boxes on each, so that no line is cut at a page's edge.
 */
public final class ReportDocx {
    /** The smallest text of the diagram on paper, in points. */
    static final double DIAGRAM_TEXT_PT = 10.5;
    /** Boxes per row of the printed diagram (fewer when the unit has fewer divisions). */
    static final int DIAGRAM_COLUMNS = 2;
    /** Pixels rendered per layout pixel: about 220 dpi on paper. */
    static final double DIAGRAM_RESOLUTION = 2.5;

    private final ReportData data;
    private final Texts t;

    public ReportDocx(ReportData data, Texts texts) {
        this.data = data;
        this.t = texts;
    }

    /**
     * Writes the unit's report with the sections the user saved, completed by fresh drafts for any that
     * are missing, and records its 文号 when it has one; nothing else in the workspace changes.
     */
    public static Path export(Workspace ws, String unitCode, int year, ReportKind kind, Issue issue, Path out) {
        ReportData data = ReportData.load(ws, unitCode, year, kind);
        Texts t = Texts.current();
        List<ReportSection> sections = ReportDrafts.merge(ws.reports().find(unitCode, year, kind),
                new ReportDrafts(t).draft(data));
        ReportDocx report = new ReportDocx(data, t);
        Documents.write(ws, issue, kind == ReportKind.MIDYEAR ? Documents.MIDYEAR : Documents.ANNUAL, report.title(),
                issue.identity().mainTo(), report.toBytes(sections, issue), out);
        return out;
    }

    /** "福建省水利厅2008年半年绩效分析报告", "南平市人民政府2008年度绩效总结报告". */
    public String title() {
        return t.get("report.title." + data.kind().name(), data.unit().name(), String.valueOf(data.year()));
    }

    public byte[] toBytes(List<ReportSection> sections, Issue issue) {
        String title = title();
        DecompositionDiagram diagram = DecompositionDiagram.of(data.unit(), data.year(), data.orgs(), data.tree(), t);
        try (OfficialDocument d = new OfficialDocument(t, title, data.unit().name())) {
            d.letterhead(issue.identity(), issue.number(), true);
            d.title(OfficialDocument.breakAfter(title, data.unit().name()));
            d.mainTo(issue.identity().mainTo());
            IndicatorTable tables = new IndicatorTable(d, data, t);
            int tableNumber = 1;
            for (ReportSection s : sections) {
                d.heading(1, s.title());
                d.paragraphs(s.body());
                Optional<GoalNode> goal = Optional.ofNullable(s.goalId()).flatMap(id -> data.tree().find(id));
                if (goal.isPresent() && tables.hasRows(goal.get())) {
                    d.caption(t.get("report.table.caption", String.valueOf(tableNumber++), goal.get().title()));
                    tables.write(goal.get());
                }
            }
            d.attachments(List.of(diagram.title()));
            d.signature(List.of(data.unit().name()), issue.date());
            annex(d, diagram);
            if (issue.identity().letterhead()) {
                d.imprint(issue.identity().copyTo(), issue.identity().printedBy(), issue.date());
            }
            return d.toBytes();
        }
    }

    /**
     * The diagram on pages of its own: 附件, its title and legend as text, then one picture per page,
     * each a whole part of the chart at the text width.
     */
    private void annex(OfficialDocument d, DecompositionDiagram diagram) {
        d.annex(0, OfficialDocument.breakAfter(diagram.title(), data.unit().name()));
        d.note(diagram.legend());
        double pointsPerPixel = DIAGRAM_TEXT_PT / TextStyle.POINTS.size();
        double width = DocxFormat.TEXT_WIDTH / 20.0 / pointsPerPixel;
        double page = DocxFormat.TEXT_HEIGHT / 20.0 - 4;
        // The first page also holds 附件, a blank line, the title, a blank line and the legend.
        double first = page - 4 * DocxFormat.LINE_PITCH / 20.0 - 35 - 2 * OfficialDocument.NOTE_LINE_PT;
        List<DiagramLayout> pages = diagram.pages(DiagramLayouter.Options.print(DIAGRAM_COLUMNS, width),
                first / pointsPerPixel, page / pointsPerPixel);
        for (int i = 0; i < pages.size(); i++) {
            DiagramLayout layout = pages.get(i);
            XWPFParagraph p = d.poi().createParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            p.setPageBreak(i > 0);
            DocxFormat.singleSpacing(p);
            DocxFormat.noGrid(p);
            byte[] png = diagram.printPng(layout, DIAGRAM_RESOLUTION);
            double scale = Math.min(pointsPerPixel, (i == 0 ? first : page) / layout.height());
            try {
                p.createRun().addPicture(new ByteArrayInputStream(png), PictureType.PNG, "diagram-" + (i + 1) + ".png",
                        Units.toEMU(layout.width() * scale), Units.toEMU(layout.height() * scale));
            } catch (InvalidFormatException | IOException e) {
                throw new IllegalStateException("embedding the diagram failed", e);
            }
        }
    }
}
