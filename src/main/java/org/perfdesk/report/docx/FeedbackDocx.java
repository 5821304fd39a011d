package org.perfdesk.report.docx;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.perfdesk.domain.DocumentIdentity;
import org.perfdesk.domain.FeedbackResult;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RectificationItem;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.Documents;
import org.perfdesk.report.FeedbackResults;
import org.perfdesk.report.Issue;
import org.perfdesk.report.ResultsTexts;
import org.perfdesk.store.Workspace;

/**
 * The feedback of a year's results to one unit (关于反馈厦门市人民政府2008年度绩效评估结果的函), in the order
 * the plan gives: the result and the approval (审定) it rests on, 考核指标实现情况 (per indicator target,
 * reported and verified figure, completion, points and why), 公众评议结果 (per round), 察访核验情况
 * (findings with deductions), bonus points, and the rectification items — or that there are none. The
 * office issues it with its 版头 and 文号 beside the feedback package; the unit prints it from 考核结果 as
 * received, without them (the office's name and the date signed).
 */
public final class FeedbackDocx {
    /** 指标 | 分值 | 目标 | 单位报送 | 核定值 | 完成率 | 得分 | 说明, in twips (they add up to the text width). */
    static final int[] INDICATOR_WIDTHS = {1900, 560, 900, 900, 900, 760, 660, 2264};
    static final int[] ROUND_WIDTHS = {1200, 1600, 1600, 4444};
    static final int[] FINDING_WIDTHS = {1500, 1200, 4844, 1300};
    static final int[] ITEM_WIDTHS = {700, 3600, 3044, 1500};

    private final FeedbackResult r;
    private final List<RectificationItem> items;
    private final Issue issue;
    private final Texts t;

    private FeedbackDocx(FeedbackResult r, List<RectificationItem> items, Issue issue, Texts t) {
        this.r = r;
        this.items = List.copyOf(items);
        this.issue = issue;
        this.t = t;
    }

    /** The unit's copy of a received result: signed by the office, dated as chosen, without 版头. */
    public static void write(FeedbackResult r, List<RectificationItem> items, String office, LocalDate date, Texts t,
                             Path out) {
        Documents.writeFile(toBytes(r, items, office, date, t), out);
    }

    /** The office's letter for a unit, issued as chosen; its 文号 is recorded with the file. */
    public static void export(Workspace ws, String unitCode, int year, Issue issue, Path out) {
        Texts t = Texts.current();
        FeedbackResult r = FeedbackResults.approved(ws, unitCode, year);
        List<RectificationItem> items = new org.perfdesk.evaluation.Rectifications(ws).of(unitCode, year);
        Documents.write(ws, issue, Documents.FEEDBACK, title(r, t), r.unitName(), toBytes(r, items, issue, t), out);
    }

    public static byte[] toBytes(FeedbackResult r, List<RectificationItem> items, String office, LocalDate date,
                                 Texts t) {
        OrgUnit issuer = new OrgUnit("OFFICE", office.isBlank() ? "—" : office, OrgKind.OFFICE, null);
        DocumentIdentity copy = DocumentIdentity.defaults(issuer, r.unitName(), List.of());
        return toBytes(r, items, Issue.unnumbered(copy, date), t);
    }

    public static byte[] toBytes(FeedbackResult r, List<RectificationItem> items, Issue issue, Texts t) {
        return new FeedbackDocx(r, items, issue, t).bytes();
    }

    public static String title(FeedbackResult r, Texts t) {
        return t.get("feedbackDoc.title", String.valueOf(r.year()), r.unitName());
    }

    private byte[] bytes() {
        String title = title(r, t);
        DocumentIdentity id = issue.identity();
        try (OfficialDocument d = new OfficialDocument(t, title, String.join("、", id.issuerNames()))) {
            d.letterhead(id, issue.number(), false);
            d.title(OfficialDocument.breakAfter(title, r.unitName()));
            d.mainTo(r.unitName());
            d.paragraph(summary());
            d.heading(1, t.get("feedbackDoc.indicators"));
            indicators(d);
            d.heading(1, t.get("feedbackDoc.appraisal"));
            appraisal(d);
            d.heading(1, t.get("feedbackDoc.inspections"));
            inspections(d);
            if (!r.bonuses().isEmpty()) {
                d.heading(1, t.get("feedbackDoc.bonus"));
                for (FeedbackResult.BonusLine b : r.bonuses()) {
                    d.paragraph(t.get("feedbackDoc.bonusLine", Numbers.plain(b.points()), b.reason()));
                }
            }
            d.heading(1, t.get("feedbackDoc.rectification"));
            rectification(d);
            d.signature(id.issuerNames(), issue.date());
            if (id.letterhead()) {
                d.imprint(id.copyTo(), id.printedBy(), issue.date());
            }
            return d.toBytes();
        }
    }

    /** The result in one paragraph, as the document and the unit's 考核结果 screen state it. */
    public static String summaryOf(FeedbackResult r, Texts t) {
        return new FeedbackDocx(r, List.of(), null, t).summary();
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

    /** The deductions and the bonus, each only when there is one: no "扣0.00分". */
    private String extras() {
        String text = "";
        if (r.deductions() != null && r.deductions().signum() != 0) {
            text += t.get("feedbackDoc.summary.deductions", ResultsTexts.number(r.deductions()));
        }
        if (r.bonus() != null && r.bonus().signum() != 0) {
            text += t.get("feedbackDoc.summary.bonus", ResultsTexts.number(r.bonus()));
        }
        return text;
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
                Numbers.plain(r.appraisalWeight()), ResultsTexts.number(r.appraisalScore()), extras());
        for (String remark : r.remarks()) {
            text += t.get("notice.unit.note", remark);
        }
        return text;
    }

    private void indicators(OfficialDocument d) {
        d.paragraph(t.get("feedbackDoc.indicatorsIntro", r.indicators().size(),
                ResultsTexts.number(r.indicatorScore())));
        List<List<String>> rows = new ArrayList<>();
        for (FeedbackResult.Indicator i : r.indicators()) {
            rows.add(List.of(i.title(), Numbers.plain(i.weight()), i.target(), i.reported(), i.verified(),
                    i.completion(), ResultsTexts.number(i.points()), i.why()));
        }
        d.table(INDICATOR_WIDTHS, List.of(t.get("results.workbook.col.indicator"),
                t.get("results.workbook.col.weight"), t.get("results.workbook.col.target"),
                t.get("results.workbook.col.reported"), t.get("results.workbook.col.verified"),
                t.get("results.workbook.col.completion"), t.get("results.col.points"),
                t.get("results.workbook.col.reason")), rows, DocxFormat.SMALL_TABLE_PT, 0, 7);
    }

    private void appraisal(OfficialDocument d) {
        if (r.rounds().isEmpty()) {
            d.paragraph(t.get("feedbackDoc.noRounds"));
            return;
        }
        d.paragraph(t.get("feedbackDoc.appraisalIntro", r.rounds().size(), ResultsTexts.number(r.appraisalScore())));
        List<List<String>> rows = r.rounds().stream().map(x -> List.of(t.get("feedbackDoc.round", x.round()),
                String.valueOf(x.sampleSize()), ResultsTexts.number(x.score()), x.body())).toList();
        d.table(ROUND_WIDTHS, List.of(t.get("appraisal.ui.col.round"), t.get("appraisal.ui.col.sample"),
                t.get("appraisal.ui.col.score"), t.get("feedbackDoc.body")), rows, DocxFormat.TABLE_PT);
    }

    private void inspections(OfficialDocument d) {
        if (r.inspections().isEmpty()) {
            d.paragraph(t.get("feedbackDoc.noFindings"));
            return;
        }
        d.paragraph(t.get("feedbackDoc.inspectionsIntro", r.inspections().size(), ResultsTexts.number(r.deductions())));
        List<List<String>> rows = r.inspections().stream().map(f -> List.of(f.date(), f.kind(), f.finding(),
                Numbers.plain(f.deduction()))).toList();
        d.table(FINDING_WIDTHS, List.of(t.get("inspection.col.date"), t.get("inspection.col.kind"),
                t.get("inspection.col.finding"), t.get("inspection.col.deduction")), rows, DocxFormat.TABLE_PT, 2);
    }

    private void rectification(OfficialDocument d) {
        if (items.isEmpty()) {
            d.paragraph(t.get("feedbackDoc.noItems"));
            return;
        }
        d.paragraph(t.get("feedbackDoc.itemsIntro", items.size()));
        List<List<String>> rows = items.stream().map(i -> List.of(String.valueOf(i.number()), i.finding(),
                i.requirement(), i.due() == null ? "" : i.due().toString())).toList();
        d.table(ITEM_WIDTHS, List.of(t.get("feedback.col.number"), t.get("feedback.col.finding"),
                t.get("feedback.col.requirement"), t.get("feedback.col.due")), rows, DocxFormat.TABLE_PT, 1, 2);
    }
}
