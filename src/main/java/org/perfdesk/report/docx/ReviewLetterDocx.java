package org.perfdesk.report.docx;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.perfdesk.domain.DocumentIdentity;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.report.Sentences;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.report.Documents;
import org.perfdesk.report.Issue;
import org.perfdesk.store.Workspace;

/**
 * The office's answer to a unit's plan as a letter to print beside the signed answer package: a 批复
 * (关于同意…年度绩效管理工作方案的批复, ending 此复) when it was approved, a 函 with the review's opinion
 * (关于…年度绩效管理工作方案审核意见的函, ending 特此函告) when it was returned. Addressed to the unit, with
 * the office's 版头, 文号, 署名, 成文日期 and 版记; the reason is the one the office gave with its decision.
 */
public final class ReviewLetterDocx {
    private ReviewLetterDocx() {
    }

    /** The letter for the unit's latest answer of the year, issued as chosen; its 文号 is recorded with the file. */
    public static Path export(Workspace ws, String unitCode, int year, Issue issue, Path out) {
        OrgUnit unit = ws.orgUnits().find(unitCode).orElseThrow(() -> new UserError("report.error.unknownUnit", unitCode));
        PlanReview review = ws.reviews().latest(unitCode, year)
                .orElseThrow(() -> new UserError("review.letter.noReview", unit.name(), String.valueOf(year)));
        LocalDate received = ws.packages().find(review.planPackageId()).map(PackageRecord::processedAt)
                .map(i -> i.atZone(ZoneId.systemDefault()).toLocalDate()).orElse(null);
        Texts t = Texts.current();
        Documents.write(ws, issue, Documents.REVIEW, title(unit, year, review.decision(), t), unit.name(),
                toBytes(unit, year, review, received, issue, t), out);
        return out;
    }

    public static String title(OrgUnit unit, int year, PlanReview.Decision decision, Texts t) {
        return t.get("review.letter.title." + decision.name(), unit.name(), String.valueOf(year));
    }

    /**
     * @param received the day the plan package was received, or null when it is not known
     */
    public static byte[] toBytes(OrgUnit unit, int year, PlanReview review, LocalDate received, Issue issue, Texts t) {
        String title = title(unit, year, review.decision(), t);
        DocumentIdentity id = issue.identity();
        String decision = review.decision().name();
        try (OfficialDocument d = new OfficialDocument(t, title, String.join("、", id.issuerNames()))) {
            d.letterhead(id, issue.number(), false);
            d.title(OfficialDocument.breakAfter(title, unit.name()));
            d.mainTo(unit.name());
            String plan = received == null ? t.get("review.letter.received", String.valueOf(year))
                    : t.get("review.letter.receivedOn", d.date(received), String.valueOf(year));
            d.paragraph(plan + t.get("review.letter.lead." + decision));
            if (review.decision() == PlanReview.Decision.APPROVED) {
                d.paragraph(t.get("review.letter.approve", String.valueOf(year)));
            }
            d.paragraph(t.get("review.letter.reason", Sentences.close(review.reason().strip(), t)));
            d.paragraph(t.get("review.letter.next." + decision));
            d.paragraph(t.get("review.letter.end." + decision));
            d.signature(id.issuerNames(), issue.date());
            if (id.letterhead()) {
                d.imprint(id.copyTo(), id.printedBy(), issue.date());
            }
            return d.toBytes();
        }
    }
}
