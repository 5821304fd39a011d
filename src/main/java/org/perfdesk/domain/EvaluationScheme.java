package org.perfdesk.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * and units are ranked within their ranking group. Each indicator is scored by {@link IndicatorRule}
 * from the figures for the {@code period} (the verified figure where there is one): a quantitative
 * one earns its points × completion ({@link Completion}, capped at {@code quantitativeCap} %); a
 * qualitative one full points at or above its target level and {@code levelShares} below it; a
 * milestone its points when done by its quarter, less {@code latePenalty} % per quarter late. The
 * office's own score, where it gave one, replaces the computed one. A public-appraisal round scores
 * Σ(count × level value) ÷ sample size. A unit lacking the {@code required} material is not ranked
 * unless the office decides so.
 *
 * @param version         1, 2, … per year; a change after results were frozen makes a new version
 * @param appraisalLevels the satisfaction levels of the survey, best first, with their values
 * @param period          the quarter whose figures are evaluated: 4 for the year (the default)
 * @param levelShares     percent of a qualitative indicator's points one, two, three … levels below its
 *                        target level (60, 30, 0 by default); further below earns the last share
 * @param appraisalRounds how many public-appraisal rounds the year has (2: July and November)
 * @param required        the material a unit must have for the period to be ranked
 * @param appraisalBodies who reports the public appraisal of each ranking group (the plan: 国家统计局
 *                        福建调查总队 for the city governments, 省统计局 for the provincial departments)
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
        String note,
        int period,
        List<BigDecimal> levelShares,
        int appraisalRounds,
        Set<Material> required,
        Map<RankingGroup, String> appraisalBodies) {

    /** The largest number of appraisal rounds a year may have (the form and the database agree). */
    public static final int MAX_ROUNDS = 12;

    /** What a unit must have for the period to be ranked among the others. */
    public enum Material {
        /** A figure, level or done status for every scored indicator (reported or verified). */
        FIGURES,
        /** Every public-appraisal round of the year. */
        APPRAISAL,
        /** A self-assessment of every scored indicator. */
        SELF_ASSESSMENT
    }

    /** One answer of the satisfaction survey and what it is worth (满意 = 100 …). */
    public record AppraisalLevel(String name, BigDecimal value) {
    }

    public EvaluationScheme {
        appraisalLevels = List.copyOf(appraisalLevels == null ? List.of() : appraisalLevels);
        note = note == null ? "" : note;
        // Schemes saved before these fields existed read as the defaults.
        period = period == 0 ? 4 : period;
        // Not List.copyOf: a share typed as something else than a number is null, and problems() names it.
        levelShares = Collections.unmodifiableList(new ArrayList<>(levelShares == null ? DEFAULT_LEVEL_SHARES
                : levelShares));
        appraisalRounds = appraisalRounds == 0 ? 2 : appraisalRounds;
        required = required == null ? DEFAULT_REQUIRED : Collections.unmodifiableSet(EnumSet.copyOf(
                required.isEmpty() ? EnumSet.noneOf(Material.class) : required));
        appraisalBodies = Collections.unmodifiableMap(new EnumMap<>(appraisalBodies == null || appraisalBodies.isEmpty()
                ? DEFAULT_BODIES : appraisalBodies));
    }

    private static final List<BigDecimal> DEFAULT_LEVEL_SHARES = List.of(new BigDecimal("60"), new BigDecimal("30"),
            BigDecimal.ZERO);
    private static final Set<Material> DEFAULT_REQUIRED = Collections.unmodifiableSet(
            EnumSet.of(Material.FIGURES, Material.APPRAISAL));
    private static final Map<RankingGroup, String> DEFAULT_BODIES = Map.of(
            RankingGroup.CITY_GOVERNMENTS, "国家统计局福建调查总队",
            RankingGroup.PROVINCIAL_DEPARTMENTS, "省统计局");

    /** The same scheme with values the older form of the record did not have left at their defaults. */
    public EvaluationScheme(int year, int version, BigDecimal indicatorWeight, BigDecimal appraisalWeight,
                            BigDecimal inspectionCap, BigDecimal bonusCap, BigDecimal quantitativeCap,
                            BigDecimal latePenalty, BigDecimal spotCheckShare, List<AppraisalLevel> appraisalLevels,
                            String note) {
        this(year, version, indicatorWeight, appraisalWeight, inspectionCap, bonusCap, quantitativeCap, latePenalty,
                spotCheckShare, appraisalLevels, note, 4, null, 2, null, null);
    }

    /** Who reports the public appraisal of a group's units (the statistics body named by the scheme). */
    public String appraisalBody(RankingGroup group) {
        return group == null ? "" : appraisalBodies.getOrDefault(group, "");
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
        return withVersion(version + 1);
    }

    /** The same values under another version number. */
    public EvaluationScheme withVersion(int v) {
        return new EvaluationScheme(year, v, indicatorWeight, appraisalWeight, inspectionCap, bonusCap,
                quantitativeCap, latePenalty, spotCheckShare, appraisalLevels, note, period, levelShares,
                appraisalRounds, required, appraisalBodies);
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
        if (period < 1 || period > 4) {
            out.add(new Problem("scheme.problem.period", String.valueOf(period)));
        }
        if (appraisalRounds < 1 || appraisalRounds > MAX_ROUNDS) {
            out.add(new Problem("scheme.problem.rounds", String.valueOf(appraisalRounds), String.valueOf(MAX_ROUNDS)));
        }
        BigDecimal previous = BigDecimal.valueOf(100);
        for (BigDecimal share : levelShares) {
            if (share == null || share.signum() < 0 || share.compareTo(previous) > 0) {
                out.add(new Problem("scheme.problem.levelShares", levelSharesText()));
                break;
            }
            previous = share;
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

    /** "60、30、0" — the shares below the target level, as the scheme screen and sheets write them. */
    public String levelSharesText() {
        return String.join("、", levelShares.stream().map(Numbers::plain).toList());
    }

    /** A problem with a scheme value: a text key and its arguments ("scheme.field.…" name a field). */
    public record Problem(String key, Object... args) {
    }
}
