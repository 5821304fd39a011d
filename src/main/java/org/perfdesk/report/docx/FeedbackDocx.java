package org.perfdesk.report.docx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.perfdesk.domain.FeedbackResult;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.RectificationItem;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.report.HeadingNumbers;
import org.perfdesk.report.ResultsTexts;
import org.perfdesk.store.SafeFiles;

/**
 * The feedback of a year's results to one unit (年度绩效评估结果反馈) as a Word document, in the order
 * the plan gives: the result and the approval (审定) it rests on, 考核指标实现情况 (per indicator target,
 * reported and verified figure, completion, points and why), 公众评议结果 (per round), 察访核验情况
 * (findings with deductions), bonus points, and the rectification items — or that there are none.
 * The unit prints it from 考核结果; the figures are the office's, as received.
 */
public final class FeedbackDocx {
    /** 指标 | 分值 | 目标 | 单位报送 | 核定值 | 完成率 | 得分 | 说明, in twips (they add up to the text width). */
    static final int[] INDICATOR_WIDTHS = {1900, 560, 900, 900, 900, 760, 660, 2264};
    static final int[] ROUND_WIDTHS = {1200, 1600, 1600, 4444};
    static final int[] FINDING_WIDTHS = {1500, 1200, 4844, 1300};
    static final int[] ITEM_WIDTHS = {700, 3600, 3044, 1500};
    static final double TABLE_PT = 9;

    private final FeedbackResult r;
    private final List<RectificationItem> items;
    private final String office;
    private final LocalDate date;
    private final Texts t;

    private FeedbackDocx(FeedbackResult r, List<RectificationItem> items, String office, LocalDate date, Texts t) {
        this.r = r;
        this.items = List.copyOf(items);
        this.office = office;
        this.date = date;
        this.t = t;
    }

    /** Writes the document whole or not at all (temporary file, then rename). */
    public static void write(FeedbackResult r, List<RectificationItem> items, String office, LocalDate date, Texts t,
                             Path out) {
        byte[] bytes = toBytes(r, items, office, date, t);
        try {
            SafeFiles.writeAtomically(out, bytes);
        } catch (IOException e) {
            throw new UserError(e, "report.error.writeFailed", out.toString(), String.valueOf(e.getMessage()));
        }
    }

    public static byte[] toBytes(FeedbackResult r, List<RectificationItem> items, String office, LocalDate date,
                                 Texts t) {
        return new FeedbackDocx(r, items, office, date, t).bytes();
    }

    private byte[] bytes() {
        try (XWPFDocument doc = new XWPFDocument()) {
            DocxFormat.setUpPage(doc);
            DocxFormat.addPageNumbers(doc);
            String title = t.get("feedbackDoc.title", String.valueOf(r.year()));
            doc.getProperties().getCoreProperties().setTitle(title + " " + r.unitName());
            doc.getProperties().getCoreProperties().setCreator(office);
            OfficialText.title(doc, title, 120);
            OfficialText.subtitle(doc, r.unitName());
            OfficialText.plain(doc, t.get("feedbackDoc.addressee", r.unitName()), false);
            OfficialText.body(doc, summary());
            int n = 1;
            OfficialText.heading(doc, HeadingNumbers.of(n++, t) + t.get("feedbackDoc.indicators"));
            indicators(doc);
            OfficialText.heading(doc, HeadingNumbers.of(n++, t) + t.get("feedbackDoc.appraisal"));
            appraisal(doc);
            OfficialText.heading(doc, HeadingNumbers.of(n++, t) + t.get("feedbackDoc.inspections"));
            inspections(doc);
            if (!r.bonuses().isEmpty()) {
                OfficialText.heading(doc, HeadingNumbers.of(n++, t) + t.get("feedbackDoc.bonus"));
                for (FeedbackResult.BonusLine b : r.bonuses()) {
                    OfficialText.body(doc, t.get("feedbackDoc.bonusLine", Numbers.plain(b.points()), b.reason()));
                }
            }
            OfficialText.heading(doc, HeadingNumbers.of(n, t) + t.get("feedbackDoc.rectification"));
            rectification(doc);
            OfficialText.signature(doc, List.of(office,
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.locale()).format(date)));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the document in memory failed", e);
        }
    }

    /** The result in one paragraph, as the document and the unit's 考核结果 screen state it. */
    public static String summaryOf(FeedbackResult r, Texts t) {
        return new FeedbackDocx(r, List.of(), "", LocalDate.now(), t).summary();
    }

    /** 2009年3月10日 as the notice writes it; a date that does not parse is shown as it came. */
    private String longDate(String isoDate) {
        try {
            return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                    .withLocale(t.locale()).format(LocalDate.parse(isoDate));
        } catch (java.time.format.DateTimeParseException e) {
            return isoDate;
        }
    }

    /** The result in one paragraph: the approval, the total with its parts, the rank in the group. */
    String summary() {
        String approval = r.approvalReference().isEmpty() ? ""
                : t.get("feedbackDoc.approval", r.approvedBy(), longDate(r.approvedOn()), r.approvalReference());
        if (r.total() == null) {
            return approval + t.get("feedbackDoc.noTotal", String.valueOf(r.year()), r.standing());
        }
        String rank = r.rank() == null ? t.get("feedbackDoc.unranked", r.rankText())
                : t.get("feedbackDoc.rank", r.group(), r.rankText(), r.rankedUnits());
        String text = approval + t.get("feedbackDoc.summary", String.valueOf(r.year()), ResultsTexts.number(r.total()),
                rank, Numbers.plain(r.indicatorWeight()), ResultsTexts.number(r.indicatorScore()),
                Numbers.plain(r.appraisalWeight()), ResultsTexts.number(r.appraisalScore()),
                ResultsTexts.number(r.deductions()), ResultsTexts.number(r.bonus()));
        for (String remark : r.remarks()) {
            text += t.get("notice.unit.note", remark);
        }
        return text;
    }

    private void indicators(XWPFDocument doc) {
        OfficialText.body(doc, t.get("feedbackDoc.indicatorsIntro", r.indicators().size(),
                ResultsTexts.number(r.indicatorScore())));
        List<List<String>> rows = new ArrayList<>();
        for (FeedbackResult.Indicator i : r.indicators()) {
            rows.add(List.of(i.title(), Numbers.plain(i.weight()), i.target(), i.reported(), i.verified(),
                    i.completion(), ResultsTexts.number(i.points()), i.why()));
        }
        SimpleTable.add(doc, INDICATOR_WIDTHS, List.of(t.get("results.workbook.col.indicator"),
                t.get("results.workbook.col.weight"), t.get("results.workbook.col.target"),
                t.get("results.workbook.col.reported"), t.get("results.workbook.col.verified"),
                t.get("results.workbook.col.completion"), t.get("results.col.points"),
                t.get("results.workbook.col.reason")), rows, TABLE_PT, 0, 7);
    }

    private void appraisal(XWPFDocument doc) {
        if (r.rounds().isEmpty()) {
            OfficialText.body(doc, t.get("feedbackDoc.noRounds"));
            return;
        }
        OfficialText.body(doc, t.get("feedbackDoc.appraisalIntro", r.rounds().size(),
                ResultsTexts.number(r.appraisalScore())));
        List<List<String>> rows = r.rounds().stream().map(x -> List.of(t.get("feedbackDoc.round", x.round()),
                String.valueOf(x.sampleSize()), ResultsTexts.number(x.score()), x.body())).toList();
        SimpleTable.add(doc, ROUND_WIDTHS, List.of(t.get("appraisal.ui.col.round"), t.get("appraisal.ui.col.sample"),
                t.get("appraisal.ui.col.score"), t.get("feedbackDoc.body")), rows, TABLE_PT);
    }

    private void inspections(XWPFDocument doc) {
        if (r.inspections().isEmpty()) {
            OfficialText.body(doc, t.get("feedbackDoc.noFindings"));
            return;
        }
        OfficialText.body(doc, t.get("feedbackDoc.inspectionsIntro", r.inspections().size(),
                ResultsTexts.number(r.deductions())));
        List<List<String>> rows = r.inspections().stream().map(f -> List.of(f.date(), f.kind(), f.finding(),
                Numbers.plain(f.deduction()))).toList();
        SimpleTable.add(doc, FINDING_WIDTHS, List.of(t.get("inspection.col.date"), t.get("inspection.col.kind"),
                t.get("inspection.col.finding"), t.get("inspection.col.deduction")), rows, TABLE_PT, 2);
    }

    private void rectification(XWPFDocument doc) {
        if (items.isEmpty()) {
            OfficialText.body(doc, t.get("feedbackDoc.noItems"));
            return;
        }
        OfficialText.body(doc, t.get("feedbackDoc.itemsIntro", items.size()));
        List<List<String>> rows = items.stream().map(i -> List.of(String.valueOf(i.number()), i.finding(),
                i.requirement(), i.due() == null ? "" : i.due().toString())).toList();
        SimpleTable.add(doc, ITEM_WIDTHS, List.of(t.get("feedback.col.number"), t.get("feedback.col.finding"),
                t.get("feedback.col.requirement"), t.get("feedback.col.due")), rows, TABLE_PT, 1, 2);
    }
}
