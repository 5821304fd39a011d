package org.perfdesk.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.Bonus;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.IndicatorScore;
import org.perfdesk.domain.Inspection;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.StandingDecision;

/**
 * A unit's total, its standing and its rank, worked by hand (the per-indicator rule is
 * {@code domain/IndicatorRuleTest}).
 */
class EvaluationTest {
    private static final EvaluationScheme SCHEME = EvaluationScheme.defaults(2008);

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static final Measure.Quantitative INVEST = new Measure.Quantitative(d("95"), null, "亿元",
            Direction.HIGHER_BETTER);

    /** Every unit's material needs nothing but its figures here, unless a test says otherwise. */
    private static final EvaluationScheme FIGURES_ONLY = new EvaluationScheme(2008, 1, d("70"), d("30"), d("10"),
            d("3"), d("100"), d("20"), d("30"), SCHEME.appraisalLevels(), "", 4, null, 2,
            Set.of(EvaluationScheme.Material.FIGURES), null);

    @Test
    void anAppraisalRoundIsTheWeightedMeanOfItsAnswers() {
        // (600×100 + 300×80 + 80×60 + 20×0) ÷ 1000 = 88.80.
        Appraisal a = appraisal("U", 1, 1000, 600, 300, 80, 20);
        assertThat(AppraisalScore.of(a, SCHEME)).isEqualByComparingTo("88.80");
    }

    private static Appraisal appraisal(String unit, int round, int sample, int... counts) {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            c.put(SCHEME.appraisalLevels().get(i).name(), counts[i]);
        }
        return new Appraisal(unit, 2008, round, sample, c);
    }

    private static Evaluation.UnitMaterial unit(String code, OrgKind kind, String earnedOfTen, List<Appraisal> appraisals,
                                                List<Inspection> inspections, List<Bonus> bonuses) {
        OrgUnit u = new OrgUnit(code, code + "单位", kind, "XNB", RankingGroup.defaultFor(kind), null);
        GoalNode g = new GoalNode(code + "-g", code, 2008, null, 0, NodeKind.GOAL, "目标", null, null, null, null,
                d("10"), null, null, 1, false);
        GoalNode i = new GoalNode(code + "-i", code, 2008, g.id(), 0, NodeKind.INDICATOR, "指标", null, null, null, null,
                d("10"), INVEST, null, 1, false);
        return new Evaluation.UnitMaterial(u, new GoalTree(List.of(g, i)), Map.of(), Map.of(),
                Map.of(i.id(), new IndicatorScore(i.id(), d(earnedOfTen), "")), appraisals, inspections, bonuses);
    }

    private static Inspection deduction(String unit, String points) {
        return new Inspection(unit + points, unit, 2008, LocalDate.of(2008, 10, 8), Inspection.Kind.UNANNOUNCED,
                "窗口工作人员离岗", d(points), null);
    }

    @Test
    void aUnitsTotalAddsUpFromItsPrintedComponents() {
        Evaluation.UnitMaterial m = unit("XM", OrgKind.CITY, "7.5",
                List.of(appraisal("XM", 1, 1000, 600, 300, 80, 20), appraisal("XM", 2, 500, 320, 150, 20, 10)),
                List.of(deduction("XM", "4"), deduction("XM", "8")),
                List.of(new Bonus("b", "XM", 2008, d("1"), "国家级表彰")));
        Evaluation.UnitResult r = Evaluation.evaluate(SCHEME, List.of(m)).get(0);
        assertThat(r.standing()).isEqualTo(Evaluation.Standing.COMPLETE);
        // Indicators 7.5 of 10 → 75.00. Rounds 88.80 and (32000+12000+1200)/500 = 90.40 → 89.60.
        assertThat(r.indicatorScore()).isEqualByComparingTo("75.00");
        assertThat(r.rounds()).extracting(Evaluation.RoundLine::score).containsExactly(d("88.80"), d("90.40"));
        assertThat(r.appraisalScore()).isEqualByComparingTo("89.60");
        // Deductions 4 + 8 = 12, capped at 10. Total 0.7×75 + 0.3×89.60 = 52.50 + 26.88 = 79.38 − 10 + 1 = 70.38.
        assertThat(r.deductions()).isEqualByComparingTo("10.00");
        assertThat(r.notes()).contains("results.note.deductionCapped");
        assertThat(r.total()).isEqualByComparingTo("70.38");
        assertThat(r.rank()).isEqualTo(1);
    }

    @Test
    void equalTotalsShareARankAndTheNextIsSkippedWithinEachGroup() {
        List<Evaluation.UnitMaterial> units = new ArrayList<>();
        units.add(unit("A", OrgKind.DEPARTMENT, "9", List.of(), List.of(), List.of()));   // 63.00
        units.add(unit("B", OrgKind.DEPARTMENT, "8", List.of(), List.of(), List.of()));   // 56.00
        units.add(unit("C", OrgKind.DEPARTMENT, "8", List.of(), List.of(), List.of()));   // 56.00
        units.add(unit("D", OrgKind.DEPARTMENT, "7", List.of(), List.of(), List.of()));   // 49.00
        units.add(unit("XM", OrgKind.CITY, "5", List.of(), List.of(), List.of()));        // 35.00, own group
        units.add(unit("Z", OrgKind.DIVISION, "10", List.of(), List.of(), List.of()));    // not ranked

        List<Evaluation.UnitResult> results = Evaluation.evaluate(FIGURES_ONLY, units);

        assertThat(results).extracting(r -> r.unit().code() + ":" + r.rank())
                .containsExactly("XM:1", "A:1", "B:2", "C:2", "D:4", "Z:null");
        Evaluation.UnitResult b = results.stream().filter(r -> r.unit().code().equals("B")).findFirst().orElseThrow();
        assertThat(b.total()).isEqualByComparingTo("56.00");
        assertThat(b.tiedWith()).containsExactly("C");
        assertThat(b.notes()).contains("results.note.noAppraisal");
        // The same material gives the same results, every time.
        assertThat(Evaluation.evaluate(FIGURES_ONLY, units)).isEqualTo(results);
    }

    @Test
    void aUnitWithoutAGoalTreeIsNotSubmittedNotZeroAndNotRanked() {
        OrgUnit np = new OrgUnit("NP", "南平市人民政府", OrgKind.CITY, "XNB", RankingGroup.CITY_GOVERNMENTS, null);
        Evaluation.UnitMaterial empty = new Evaluation.UnitMaterial(np, new GoalTree(List.of()), Map.of(), Map.of(),
                Map.of(), List.of(appraisal("NP", 1, 100, 50, 30, 10, 10)), List.of(), List.of());
        Evaluation.UnitMaterial xm = unit("XM", OrgKind.CITY, "5", List.of(), List.of(), List.of());
        List<Evaluation.UnitResult> results = Evaluation.evaluate(FIGURES_ONLY, List.of(empty, xm));
        Evaluation.UnitResult r = results.stream().filter(x -> x.unit().code().equals("NP")).findFirst().orElseThrow();
        assertThat(r.standing()).isEqualTo(Evaluation.Standing.NOT_SUBMITTED);
        assertThat(r.total()).as("no total, rather than 0.00").isNull();
        assertThat(r.indicatorScore()).isNull();
        assertThat(r.rank()).isNull();
        assertThat(r.undecided()).isTrue();
        // The other city is first, and alone: the one that sent nothing is listed after it.
        assertThat(results).extracting(x -> x.unit().code() + ":" + x.rank()).containsExactly("XM:1", "NP:null");
        // Ranked only when the office decides so, then with its zero.
        Evaluation.UnitMaterial decided = new Evaluation.UnitMaterial(np, new GoalTree(List.of()), Map.of(), Map.of(),
                Map.of(), Map.of(), List.of(), List.of(), List.of(), new StandingDecision("NP", 2008,
                StandingDecision.Decision.RANK, "领导小组决定按零分排名", Instant.EPOCH));
        Evaluation.UnitResult ranked = Evaluation.evaluate(FIGURES_ONLY, List.of(decided, xm)).stream()
                .filter(x -> x.unit().code().equals("NP")).findFirst().orElseThrow();
        assertThat(ranked.rank()).isEqualTo(2);
        assertThat(ranked.total()).isEqualByComparingTo("0.00");
        assertThat(ranked.undecided()).isFalse();
    }

    @Test
    void aUnitLackingTheRequiredMaterialIsIncompleteWithWhatIsMissing() {
        OrgUnit u = new OrgUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB", RankingGroup.PROVINCIAL_DEPARTMENTS,
                null);
        GoalNode g = new GoalNode("g", "SLT", 2008, null, 0, NodeKind.GOAL, "目标", null, null, null, null, d("10"),
                null, null, 1, false);
        GoalNode a = new GoalNode("a", "SLT", 2008, "g", 0, NodeKind.INDICATOR, "有效灌溉面积", null, null, null, null,
                d("6"), INVEST, null, 1, false);
        GoalNode b = new GoalNode("b", "SLT", 2008, "g", 1, NodeKind.INDICATOR, "水利投资", null, null, null, null,
                d("4"), INVEST, null, 1, false);
        Map<String, List<Progress>> progress = Map.of("a", List.of(new Progress("a", 4, d("95"), null, null, null,
                null, null, null)), "b", List.of(new Progress("b", 2, d("50"), null, null, null, null, null, null)));
        Evaluation.UnitMaterial m = new Evaluation.UnitMaterial(u, new GoalTree(List.of(g, a, b)), progress, Map.of(),
                Map.of(), List.of(appraisal("SLT", 1, 100, 50, 30, 10, 10)), List.of(), List.of());
        Evaluation.UnitResult r = Evaluation.evaluate(SCHEME, List.of(m)).get(0);
        assertThat(r.standing()).isEqualTo(Evaluation.Standing.INCOMPLETE);
        assertThat(r.rank()).isNull();
        // 水利投资 has only a half-year figure; the second appraisal round has not come in.
        assertThat(r.missing()).extracting(Evaluation.Missing::material, Evaluation.Missing::count,
                Evaluation.Missing::of).containsExactly(tuple(EvaluationScheme.Material.FIGURES, 1, 2),
                tuple(EvaluationScheme.Material.APPRAISAL, 1, 2));
        assertThat(r.missing().get(0).which()).containsExactly("水利投资");
        assertThat(r.missing().get(1).which()).containsExactly("2");
        // Its score is still computed from what it has (6 of 10 points → 60.00), and printed as incomplete.
        assertThat(r.indicatorScore()).isEqualByComparingTo("60.00");
        assertThat(r.notes()).contains("results.note.missingFigures");
        // Listed without a rank by decision: no longer waiting, still unranked.
        Evaluation.UnitMaterial listed = new Evaluation.UnitMaterial(u, m.tree(), progress, Map.of(), Map.of(),
                Map.of(), m.appraisals(), List.of(), List.of(), new StandingDecision("SLT", 2008,
                StandingDecision.Decision.UNRANKED, "数据未按期报送", Instant.EPOCH));
        Evaluation.UnitResult l = Evaluation.evaluate(SCHEME, List.of(listed)).get(0);
        assertThat(l.rank()).isNull();
        assertThat(l.undecided()).isFalse();
    }

    @Test
    void schemeValuesThatCannotWorkAreNamed() {
        EvaluationScheme bad = new EvaluationScheme(2008, 1, d("70"), d("20"), d("-1"), d("3"), d("90"), d("120"),
                d("0"), List.of(new EvaluationScheme.AppraisalLevel("满意", d("100")),
                        new EvaluationScheme.AppraisalLevel("满意", d("150"))), "", 5, List.of(d("30"), d("60")), 13,
                null, null);
        assertThat(bad.problems()).extracting(EvaluationScheme.Problem::key).containsExactlyInAnyOrder(
                "scheme.problem.weights", "scheme.problem.negative", "scheme.problem.cap", "scheme.problem.percent",
                "scheme.problem.percent", "scheme.problem.levelName", "scheme.problem.levelValue",
                "scheme.problem.period", "scheme.problem.rounds", "scheme.problem.levelShares");
        assertThat(SCHEME.problems()).isEmpty();
    }
}
