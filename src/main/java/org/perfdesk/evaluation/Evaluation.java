package org.perfdesk.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.Bonus;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.IndicatorScore;
import org.perfdesk.domain.Inspection;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.SelfAssessment;

/**
 * A year's evaluation: every unit's components and total under one scheme, and its rank in its
 * group. Pure: the same material always gives the same results. Each component is rounded to two
 * decimals before it is combined, so a reader can add up the printed figures and get the total.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** Everything the office holds on one unit for the year. */
    public record UnitMaterial(OrgUnit unit, GoalTree tree, Map<String, List<Progress>> progress,
                               Map<String, SelfAssessment> self, Map<String, IndicatorScore> office,
                               List<Appraisal> appraisals, List<Inspection> inspections, List<Bonus> bonuses) {
    }

    /** One appraisal round's score: Σ(count × value) ÷ sample size. */
    public record RoundLine(int round, int sampleSize, BigDecimal score) {
    }

    /**
     * One unit's result.
     *
     * @param indicatorScore  Σ points ÷ Σ weights × 100, of the scored indicators
     * @param appraisalScore  the mean of its rounds (0 when there were none: see {@code notes})
     * @param deductions      inspection deductions as counted (capped)
     * @param bonus           bonus points as counted (capped)
     * @param rank            1 = best in its group; equal totals share a rank; null for units not ranked
     * @param tiedWith        codes of the units with the same total in its group
     * @param notes           text keys of what the reader should know (no appraisal, caps applied, …)
     */
    public record UnitResult(OrgUnit unit, RankingGroup group, BigDecimal indicatorScore, BigDecimal appraisalScore,
                             BigDecimal deductions, BigDecimal bonus, BigDecimal total, Integer rank,
                             List<String> tiedWith, List<IndicatorRule.Line> indicators, List<RoundLine> rounds,
                             List<Inspection> inspections, List<Bonus> bonuses, List<String> notes) {
    }

    public static List<UnitResult> evaluate(EvaluationScheme scheme, List<UnitMaterial> material) {
        List<UnitResult> scored = new ArrayList<>();
        for (UnitMaterial m : material) {
            scored.add(score(scheme, m));
        }
        return Ranking.rank(scored);
    }

    static UnitResult score(EvaluationScheme scheme, UnitMaterial m) {
        List<String> notes = new ArrayList<>();
        List<IndicatorRule.Line> lines = new ArrayList<>();
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal available = BigDecimal.ZERO;
        for (GoalNode n : scoredIndicators(m.tree())) {
            IndicatorRule.Line line = IndicatorRule.score(n, m.progress().getOrDefault(n.id(), List.of()),
                    m.self().get(n.id()), m.office().get(n.id()), scheme);
            lines.add(line);
            earned = earned.add(line.points());
            available = available.add(n.weight());
        }
        BigDecimal indicatorScore = available.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : round(earned.multiply(IndicatorRule.HUNDRED).divide(available, MathContext.DECIMAL64));
        if (lines.isEmpty()) {
            notes.add("results.note.noIndicators");
        }

        List<RoundLine> rounds = new ArrayList<>();
        for (Appraisal a : m.appraisals().stream().sorted(Comparator.comparingInt(Appraisal::round)).toList()) {
            rounds.add(new RoundLine(a.round(), a.sampleSize(), AppraisalScore.of(a, scheme)));
        }
        BigDecimal appraisalScore = rounds.isEmpty() ? BigDecimal.ZERO.setScale(2)
                : round(rounds.stream().map(RoundLine::score).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(rounds.size()), MathContext.DECIMAL64));
        if (rounds.isEmpty()) {
            notes.add("results.note.noAppraisal");
        }

        BigDecimal deductions = m.inspections().stream().map(Inspection::deduction).filter(d -> d != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (deductions.compareTo(scheme.inspectionCap()) > 0) {
            notes.add("results.note.deductionCapped");
            deductions = scheme.inspectionCap();
        }
        BigDecimal bonus = m.bonuses().stream().map(Bonus::points).filter(b -> b != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (bonus.compareTo(scheme.bonusCap()) > 0) {
            notes.add("results.note.bonusCapped");
            bonus = scheme.bonusCap();
        }
        BigDecimal total = round(scheme.indicatorWeight().multiply(indicatorScore)
                .add(scheme.appraisalWeight().multiply(appraisalScore)).divide(IndicatorRule.HUNDRED, MathContext.DECIMAL64))
                .subtract(round(deductions)).add(round(bonus));
        return new UnitResult(m.unit(), m.unit().group(), indicatorScore, appraisalScore, round(deductions),
                round(bonus), total, null, List.of(), List.copyOf(lines), List.copyOf(rounds),
                List.copyOf(m.inspections()), List.copyOf(m.bonuses()), List.copyOf(notes));
    }

    /**
     * The indicators that carry the score: nodes with points none of whose children have points
     * (an indicator whose tasks carry no points is scored as one; a goal split into weighted
     * indicators is not scored itself).
     */
    public static List<GoalNode> scoredIndicators(GoalTree tree) {
        List<GoalNode> out = new ArrayList<>();
        for (GoalNode n : tree.inOrder()) {
            if (n.weight() != null && n.weight().signum() > 0
                    && tree.children(n.id()).stream().noneMatch(c -> c.weight() != null && c.weight().signum() > 0)) {
                out.add(n);
            }
        }
        return out;
    }

    static BigDecimal round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
