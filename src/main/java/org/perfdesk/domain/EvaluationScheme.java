package org.perfdesk.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the office turns a year's material into one score per unit (评估方案). A unit's total is
 *
 * <pre>
 *   indicatorWeight % × indicator score (0–100)
 * + appraisalWeight % × public-appraisal score (0–100)
 * − inspection deductions (at most inspectionCap points)
 * + bonus points (at most bonusCap points)
 * </pre>
 *
 * and units are ranked within their ranking group. Per indicator: a quantitative one earns its
 * points × completion (capped at {@code quantitativeCap} %); a qualitative one its points × the share
 * of its level (best of n levels n/n, next (n−1)/n, …); a milestone its points when done by its
 * quarter, less {@code latePenalty} % per quarter late. The office's own score, where it gave one,
 * replaces the computed one. A public-appraisal round scores Σ(count × level value) ÷ sample size.
 *
 * @param version         1, 2, … per year; a change after results were frozen makes a new version
 * @param appraisalLevels the satisfaction levels of the survey, best first, with their values
 */
public record EvaluationScheme(
        int year,
        int version,
        BigDecimal indicatorWeight,
        BigDecimal appraisalWeight,
        BigDecimal inspectionCap,
        BigDecimal bonusCap,
        BigDecimal quantitativeCap,
        BigDecimal latePenalty,
        BigDecimal spotCheckShare,
        List<AppraisalLevel> appraisalLevels,
        String note) {

    /** One answer of the satisfaction survey and what it is worth (满意 = 100 …). */
    public record AppraisalLevel(String name, BigDecimal value) {
    }

    public EvaluationScheme {
        appraisalLevels = List.copyOf(appraisalLevels == null ? List.of() : appraisalLevels);
        note = note == null ? "" : note;
    }

    /**
     * The defaults, documented in the README: indicators 70, appraisal 30, inspections up to 10
     * points off, bonus up to 3, completion counted up to 100 %, 20 % off per quarter late, a third
     * of each unit's indicators spot-checked, the four usual survey answers.
     */
    public static EvaluationScheme defaults(int year) {
        return new EvaluationScheme(year, 1, new BigDecimal("70"), new BigDecimal("30"), new BigDecimal("10"),
                new BigDecimal("3"), new BigDecimal("100"), new BigDecimal("20"), new BigDecimal("30"),
                List.of(new AppraisalLevel("满意", new BigDecimal("100")),
                        new AppraisalLevel("比较满意", new BigDecimal("80")),
                        new AppraisalLevel("基本满意", new BigDecimal("60")),
                        new AppraisalLevel("不满意", BigDecimal.ZERO)),
                "");
    }

    /** The same scheme as the next version (for a change after results were frozen). */
    public EvaluationScheme nextVersion() {
        return new EvaluationScheme(year, version + 1, indicatorWeight, appraisalWeight, inspectionCap, bonusCap,
                quantitativeCap, latePenalty, spotCheckShare, appraisalLevels, note);
    }

    /** What is wrong with the values, as text keys with arguments; empty when the scheme can be used. */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        if (indicatorWeight == null || appraisalWeight == null
                || indicatorWeight.signum() < 0 || appraisalWeight.signum() < 0
                || indicatorWeight.add(appraisalWeight).compareTo(BigDecimal.valueOf(100)) != 0) {
            out.add(new Problem("scheme.problem.weights", Numbers.plain(indicatorWeight),
                    Numbers.plain(appraisalWeight)));
        }
        if (inspectionCap == null || inspectionCap.signum() < 0) {
            out.add(new Problem("scheme.problem.negative", "scheme.field.inspectionCap", Numbers.plain(inspectionCap)));
        }
        if (bonusCap == null || bonusCap.signum() < 0) {
            out.add(new Problem("scheme.problem.negative", "scheme.field.bonusCap", Numbers.plain(bonusCap)));
        }
        if (quantitativeCap == null || quantitativeCap.compareTo(BigDecimal.valueOf(100)) < 0
                || quantitativeCap.compareTo(BigDecimal.valueOf(200)) > 0) {
            out.add(new Problem("scheme.problem.cap", Numbers.plain(quantitativeCap)));
        }
        if (latePenalty == null || latePenalty.signum() < 0 || latePenalty.compareTo(BigDecimal.valueOf(100)) > 0) {
            out.add(new Problem("scheme.problem.percent", "scheme.field.latePenalty", Numbers.plain(latePenalty)));
        }
        if (spotCheckShare == null || spotCheckShare.signum() <= 0
                || spotCheckShare.compareTo(BigDecimal.valueOf(100)) > 0) {
            out.add(new Problem("scheme.problem.percent", "scheme.field.spotCheckShare", Numbers.plain(spotCheckShare)));
        }
        if (appraisalLevels.isEmpty()) {
            out.add(new Problem("scheme.problem.noLevels"));
        }
        Set<String> names = new HashSet<>();
        for (AppraisalLevel l : appraisalLevels) {
            if (l.name() == null || l.name().isBlank() || !names.add(l.name().strip())) {
                out.add(new Problem("scheme.problem.levelName", String.valueOf(l.name())));
            }
            if (l.value() == null || l.value().signum() < 0 || l.value().compareTo(BigDecimal.valueOf(100)) > 0) {
                out.add(new Problem("scheme.problem.levelValue", String.valueOf(l.name()), Numbers.plain(l.value())));
            }
        }
        return out;
    }

    /** A problem with a scheme value: a text key and its arguments ("scheme.field.…" name a field). */
    public record Problem(String key, Object... args) {
    }
}
