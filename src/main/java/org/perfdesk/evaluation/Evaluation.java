package org.perfdesk.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.Bonus;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.IndicatorScore;
import org.perfdesk.domain.Inspection;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.domain.StandingDecision;
import org.perfdesk.domain.VerifiedFigure;

/**
 * A year's evaluation: every unit's components and total under one scheme, and its rank in its
 * group. Pure: the same material always gives the same results. Each component is rounded to two
 * decimals before it is combined, so a reader can add up the printed figures and get the total.
 * A unit without a goal tree (未报送) or without the material the scheme requires (材料不全) is listed
 * as such and not ranked, unless the office decided to rank it.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * Everything the office holds on one unit for the year.
     *
     * @param verified the figures assessing bodies verified, per node id
     * @param decision the office's decision on an incomplete unit, or null
     */
    public record UnitMaterial(OrgUnit unit, GoalTree tree, Map<String, List<Progress>> progress,
                               Map<String, SelfAssessment> self, Map<String, IndicatorScore> office,
                               Map<String, VerifiedFigure> verified, List<Appraisal> appraisals,
                               List<Inspection> inspections, List<Bonus> bonuses, StandingDecision decision) {
        /** Material without verified figures or a decision. */
        public UnitMaterial(OrgUnit unit, GoalTree tree, Map<String, List<Progress>> progress,
                            Map<String, SelfAssessment> self, Map<String, IndicatorScore> office,
                            List<Appraisal> appraisals, List<Inspection> inspections, List<Bonus> bonuses) {
            this(unit, tree, progress, self, office, Map.of(), appraisals, inspections, bonuses, null);
        }
    }

    /** One appraisal round's score: Σ(count × value) ÷ sample size. */
    public record RoundLine(int round, int sampleSize, BigDecimal score) {
    }

    /** Whether a unit has what the scheme requires for the period. */
    public enum Standing {
        COMPLETE,
        /** 材料不全: a goal tree, but material the scheme requires is missing. */
        INCOMPLETE,
        /** 未报送: no goal tree with points for the year. */
        NOT_SUBMITTED
    }

    /**
     * Material the scheme requires that a unit lacks.
     *
     * @param count how many are missing (indicators without figures, rounds, …)
     * @param of    out of how many
     * @param which the missing rounds' numbers, or the first few indicators' titles
     */
    public record Missing(EvaluationScheme.Material material, int count, int of, List<String> which) {
        public Missing {
            which = List.copyOf(which);
        }
    }

    /**
     * One unit's result.
     *
     * @param indicatorScore  Σ points ÷ Σ weights × 100, of the scored indicators; null when 未报送
     * @param appraisalScore  the mean of its rounds (0 when there were none: see {@code notes})
     * @param deductions      inspection deductions as counted (capped)
     * @param bonus           bonus points as counted (capped)
     * @param total           null for a unit 未报送 that the office did not decide to rank
     * @param rank            1 = best in its group; equal totals share a rank; null for units not ranked
     * @param tiedWith        codes of the units with the same total in its group
     * @param notes           text keys of what the reader should know (no appraisal, caps applied, …)
     * @param standing        complete, 材料不全 or 未报送
     * @param missing         what the scheme requires and the unit lacks
     * @param decision        the office's decision on an incomplete unit, or null
     */
    public record UnitResult(OrgUnit unit, RankingGroup group, BigDecimal indicatorScore, BigDecimal appraisalScore,
                             BigDecimal deductions, BigDecimal bonus, BigDecimal total, Integer rank,
                             List<String> tiedWith, List<IndicatorRule.Line> indicators, List<RoundLine> rounds,
                             List<Inspection> inspections, List<Bonus> bonuses, List<String> notes,
                             Standing standing, List<Missing> missing, StandingDecision decision) {
        /** Ranked among its group: complete, or the office decided to rank it. */
        public boolean ranked() {
            return group != null && (standing == Standing.COMPLETE
                    || decision != null && decision.decision() == StandingDecision.Decision.RANK);
        }

        /** Incomplete or not submitted, and the office has not decided yet: the freeze waits for it. */
        public boolean undecided() {
            return standing != Standing.COMPLETE && decision == null;
        }

        UnitResult withRank(Integer newRank, List<String> tied) {
            return new UnitResult(unit, group, indicatorScore, appraisalScore, deductions, bonus, total, newRank, tied,
                    indicators, rounds, inspections, bonuses, notes, standing, missing, decision);
        }
    }

    public static List<UnitResult> evaluate(EvaluationScheme scheme, List<UnitMaterial> material) {
        // Units are scored independently (pure), so on every core; the results keep the material's order.
        return Ranking.rank(material.parallelStream().map(m -> score(scheme, m)).toList());
    }

    static UnitResult score(EvaluationScheme scheme, UnitMaterial m) {
        List<String> notes = new ArrayList<>();
        List<IndicatorRule.Line> lines = new ArrayList<>();
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal available = BigDecimal.ZERO;
        List<String> withoutFigures = new ArrayList<>();
        List<String> withoutSelf = new ArrayList<>();
        for (GoalNode n : IndicatorRule.scored(m.tree())) {
            IndicatorRule.Line line = IndicatorRule.score(n, m.progress().getOrDefault(n.id(), List.of()),
                    m.self().get(n.id()), m.office().get(n.id()), m.verified().get(n.id()), scheme);
            lines.add(line);
            earned = earned.add(line.points());
            available = available.add(n.weight());
            if (line.used() == null && line.source() != IndicatorRule.Source.OFFICE) {
                withoutFigures.add(n.title());
            }
            SelfAssessment s = m.self().get(n.id());
            if (s == null || s.score() == null && (s.level() == null || s.level().isBlank())) {
                withoutSelf.add(n.title());
            }
        }
        Standing standing = lines.isEmpty() ? Standing.NOT_SUBMITTED : Standing.COMPLETE;
        List<Missing> missing = new ArrayList<>();
        if (!lines.isEmpty() && scheme.required().contains(EvaluationScheme.Material.FIGURES) && !withoutFigures.isEmpty()) {
            missing.add(new Missing(EvaluationScheme.Material.FIGURES, withoutFigures.size(), lines.size(),
                    withoutFigures.subList(0, Math.min(3, withoutFigures.size()))));
        }
        if (!lines.isEmpty() && scheme.required().contains(EvaluationScheme.Material.SELF_ASSESSMENT)
                && !withoutSelf.isEmpty()) {
            missing.add(new Missing(EvaluationScheme.Material.SELF_ASSESSMENT, withoutSelf.size(), lines.size(),
                    withoutSelf.subList(0, Math.min(3, withoutSelf.size()))));
        }
        Set<Integer> roundsHad = new TreeSet<>();
        m.appraisals().forEach(a -> roundsHad.add(a.round()));
        if (scheme.required().contains(EvaluationScheme.Material.APPRAISAL)) {
            List<String> roundsMissing = new ArrayList<>();
            for (int r = 1; r <= scheme.appraisalRounds(); r++) {
                if (!roundsHad.contains(r)) {
                    roundsMissing.add(String.valueOf(r));
                }
            }
            if (!roundsMissing.isEmpty()) {
                missing.add(new Missing(EvaluationScheme.Material.APPRAISAL, roundsMissing.size(),
                        scheme.appraisalRounds(), roundsMissing));
            }
        }
        if (standing == Standing.COMPLETE && !missing.isEmpty()) {
            standing = Standing.INCOMPLETE;
        }
        boolean ranked = standing != Standing.NOT_SUBMITTED || m.decision() != null
                && m.decision().decision() == StandingDecision.Decision.RANK;
        BigDecimal indicatorScore = available.signum() == 0 ? (ranked ? BigDecimal.ZERO.setScale(2) : null)
                : round(earned.multiply(IndicatorRule.HUNDRED).divide(available, MathContext.DECIMAL64));
        if (!withoutFigures.isEmpty()) {
            notes.add("results.note.missingFigures");
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
        BigDecimal total = indicatorScore == null ? null : round(scheme.indicatorWeight().multiply(indicatorScore)
                .add(scheme.appraisalWeight().multiply(appraisalScore)).divide(IndicatorRule.HUNDRED, MathContext.DECIMAL64))
                .subtract(round(deductions)).add(round(bonus));
        return new UnitResult(m.unit(), m.unit().group(), indicatorScore, appraisalScore, round(deductions),
                round(bonus), total, null, List.of(), List.copyOf(lines), List.copyOf(rounds),
                List.copyOf(m.inspections()), List.copyOf(m.bonuses()), List.copyOf(notes), standing,
                List.copyOf(missing), m.decision());
    }

    /** The indicators that carry the score (see {@link IndicatorRule#scored}). */
    public static List<GoalNode> scoredIndicators(GoalTree tree) {
        return IndicatorRule.scored(tree);
    }

    static BigDecimal round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
