package org.perfdesk.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's evaluation result as the office feeds it back (反馈): what the plan says the feedback
 * gives — 考核指标实现情况、公众评议结果及察访核验情况 — with the total and the rank in its group and
 * the approval (审定) the results rest on. Words are the office's, as sent; figures are numbers, so the
 * unit's screen and its printout show exactly what the office's workbook and notice show.
 *
 * @param group       the ranking group in words, or empty
 * @param rank        the rank in the group, or null when not ranked
 * @param rankText    the rank in words: "3", "并列 2", "材料不全", "未报送", "不排名"
 * @param rankedUnits how many units were ranked in the group
 * @param standing    empty when complete; else 材料不全 / 未报送 with what was missing and the office's decision
 * @param total       null for a unit 未报送 that was not ranked
 */
public record FeedbackResult(String unitCode, String unitName, int year, String group, Integer rank, String rankText,
                             int rankedUnits, String standing, BigDecimal total, BigDecimal indicatorScore,
                             BigDecimal appraisalScore, BigDecimal deductions, BigDecimal bonus,
                             BigDecimal indicatorWeight, BigDecimal appraisalWeight, int schemeVersion,
                             String approvedOn, String approvalReference, String approvedBy, String frozenAt,
                             List<Indicator> indicators, List<Round> rounds, List<Finding> inspections,
                             List<BonusLine> bonuses, List<String> remarks) {

    public FeedbackResult {
        indicators = List.copyOf(indicators == null ? List.of() : indicators);
        rounds = List.copyOf(rounds == null ? List.of() : rounds);
        inspections = List.copyOf(inspections == null ? List.of() : inspections);
        bonuses = List.copyOf(bonuses == null ? List.of() : bonuses);
        remarks = List.copyOf(remarks == null ? List.of() : remarks);
    }

    /**
     * One indicator: its target, the unit's reported figure and the verified one (with who verified it),
     * the completion the rule computed, the completion the unit claimed, the points and why.
     */
    public record Indicator(String title, BigDecimal weight, String target, String reported, String verified,
                            String verifiedBy, String completion, String claimed, BigDecimal points, String why) {
    }

    /** One public-appraisal round and the body that reported it. */
    public record Round(int round, int sampleSize, BigDecimal score, String body) {
    }

    /** One inspection finding (察访核验) with its deduction. */
    public record Finding(String date, String kind, String finding, BigDecimal deduction) {
    }

    public record BonusLine(BigDecimal points, String reason) {
    }
}
