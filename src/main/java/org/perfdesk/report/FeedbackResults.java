package org.perfdesk.report;

import java.util.ArrayList;
import java.util.List;

import org.perfdesk.domain.FeedbackResult;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.ResultApproval;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluation;

/**
 * One unit's result as the feedback carries it, worded as the results workbook and the notice word
 * it ({@link ResultsTexts}), so the three never read differently.
 */
public final class FeedbackResults {
    private FeedbackResults() {
    }

    /**
     * The unit's result to feed back, from the year's results as approved (审定) and frozen. Refused before
     * the approval and the freeze, or when the results changed since, so no provisional total or rank goes out.
     */
    public static FeedbackResult approved(org.perfdesk.store.Workspace ws, String unitCode, int year) {
        ResultsData data = ResultsData.load(ws, year, java.time.LocalDate.now());
        if (data.comparison().isEmpty() || data.comparison().get().freeze().approvalId() == null) {
            throw new org.perfdesk.domain.UserError("error.feedback.notApproved", String.valueOf(year));
        }
        if (!data.frozenUnchanged() || data.currentApproval().isEmpty()) {
            throw new org.perfdesk.domain.UserError("error.feedback.changedSinceFreeze", String.valueOf(year));
        }
        return of(data, unitCode, Texts.current()).orElseThrow(() -> new org.perfdesk.domain.UserError(
                "error.feedback.notEvaluated", unitCode, String.valueOf(year)));
    }

    /** The unit's result from the year's data; empty when the unit is not among the evaluated. */
    public static java.util.Optional<FeedbackResult> of(ResultsData data, String unitCode, Texts t) {
        ResultsTexts words = new ResultsTexts(t);
        return data.results().stream().filter(r -> r.unit().code().equals(unitCode)).findFirst().map(r -> {
            java.util.Map<String, String> names = new java.util.HashMap<>();
            data.results().forEach(x -> names.put(x.unit().code(), x.unit().name()));
            List<FeedbackResult.Indicator> indicators = new ArrayList<>();
            for (IndicatorRule.Line l : r.indicators()) {
                String differs = words.difference(l);
                String why = words.why(l, data.scheme());
                indicators.add(new FeedbackResult.Indicator(l.title(), l.weight(), words.target(l, data.year()),
                        words.figure(l.reported(), l), words.figure(l.verified(), l),
                        l.verifiedBy() == null ? "" : l.verifiedBy(),
                        l.completion() == null ? "" : Numbers.percent(l.completion()),
                        l.claimed() == null ? "" : Numbers.percent(l.claimed()), l.points(),
                        differs.isEmpty() ? why : why + "；" + differs));
            }
            List<FeedbackResult.Round> rounds = r.rounds().stream().map(x -> new FeedbackResult.Round(x.round(),
                    x.sampleSize(), x.score(), data.scheme().appraisalBody(r.group()))).toList();
            List<FeedbackResult.Finding> findings = r.inspections().stream().map(i -> new FeedbackResult.Finding(
                    String.valueOf(i.date()), t.of(i.kind()), i.finding(), i.deduction())).toList();
            List<FeedbackResult.BonusLine> bonuses = r.bonuses().stream()
                    .map(b -> new FeedbackResult.BonusLine(b.points(), b.reason())).toList();
            int ranked = (int) data.inGroup(r.group()).stream().filter(Evaluation.UnitResult::ranked).count();
            ResultApproval a = data.currentApproval().orElse(null);
            List<String> remarks = new ArrayList<>();
            String remark = words.remarks(r, code -> names.getOrDefault(code, code));
            if (!remark.isEmpty()) {
                remarks.add(remark);
            }
            return new FeedbackResult(r.unit().code(), r.unit().name(), data.year(),
                    r.group() == null ? "" : t.of(r.group()), r.rank(), words.rank(r), ranked,
                    r.standing() == Evaluation.Standing.COMPLETE ? "" : words.rank(r) + "：" + words.missing(r),
                    r.total(), r.indicatorScore(), r.appraisalScore(), r.deductions(), r.bonus(),
                    data.scheme().indicatorWeight(), data.scheme().appraisalWeight(), data.scheme().version(),
                    a == null ? "" : a.approvedOn().toString(), a == null ? "" : a.reference(),
                    a == null ? "" : a.approvedBy(),
                    data.comparison().map(c -> ResultsTexts.when(c.freeze().frozenAt())).orElse(""),
                    indicators, rounds, findings, bonuses, remarks);
        });
    }
}
