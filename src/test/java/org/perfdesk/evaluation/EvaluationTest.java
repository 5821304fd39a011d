package org.perfdesk.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.SelfAssessment;

/** Every rule worked by hand: the figures in the comments are what an official would compute. */
class EvaluationTest {
    private static final EvaluationScheme SCHEME = EvaluationScheme.defaults(2008);

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static GoalNode node(String id, String parent, String weight, Measure m) {
        return new GoalNode(id, "U", 2008, parent, 0, parent == null ? NodeKind.GOAL : NodeKind.INDICATOR, id, null,
                null, null, null, weight == null ? null : d(weight), m, null, 1, false);
    }

    private static Progress progress(String id, int q, String actual, String completion, ProgressStatus s) {
        return new Progress(id, q, actual == null ? null : d(actual), completion == null ? null : d(completion), s,
                null, null, null, null);
    }

    private static IndicatorRule.Line score(GoalNode n, List<Progress> p, SelfAssessment self, IndicatorScore office,
                                            EvaluationScheme scheme) {
        return IndicatorRule.score(n, p, self, office, scheme);
    }

    private static final Measure.Quantitative INVEST = new Measure.Quantitative(d("95"), null, "亿元",
            Direction.HIGHER_BETTER);

    @Test
    void quantitativeEarnsPointsTimesCompletionUpToTheCap() {
        GoalNode n = node("i", "g", "10", INVEST);
        // 46.9 % of 10 points = 4.69.
        assertThat(score(n, List.of(progress("i", 2, "44.6", "46.9", null)), null, null, SCHEME).points())
                .isEqualByComparingTo("4.69");
        // The latest quarter counts, and over 100 % counts as 100 % under the default cap.
        IndicatorRule.Line over = score(n, List.of(progress("i", 2, null, "46.9", null),
                progress("i", 4, null, "120", null)), null, null, SCHEME);
        assertThat(over.points()).isEqualByComparingTo("10.00");
        assertThat(over.source()).isEqualTo(IndicatorRule.Source.COMPLETION);
        assertThat(over.basis()).isEqualTo("120");
        // A scheme that counts up to 110 % gives 11.
        EvaluationScheme generous = new EvaluationScheme(2008, 1, d("70"), d("30"), d("10"), d("3"), d("110"),
                d("20"), d("30"), SCHEME.appraisalLevels(), "");
        assertThat(score(n, List.of(progress("i", 4, null, "120", null)), null, null, generous).points())
                .isEqualByComparingTo("11.00");
    }

    @Test
    void withoutACompletionTheActualValueIsMeasuredAgainstTheTargetInItsDirection() {
        GoalNode energy = node("e", "g", "6", new Measure.Quantitative(d("0.9"), null, "吨标煤/万元",
                Direction.LOWER_BETTER));
        // target 0.9 ÷ actual 1.0 = 90 % of 6 = 5.40.
        assertThat(score(energy, List.of(progress("e", 4, "1.0", null, null)), null, null, SCHEME).points())
                .isEqualByComparingTo("5.40");
    }

    @Test
    void qualitativeEarnsTheShareOfItsLevel() {
        GoalNode n = node("q", "g", "8", new Measure.Qualitative(List.of("好", "较好", "一般", "差"), "好"));
        // 较好 is second of four: 3/4 of 8 = 6.00.
        assertThat(score(n, List.of(), new SelfAssessment("q", null, "较好", null), null, SCHEME).points())
                .isEqualByComparingTo("6.00");
        IndicatorRule.Line unknown = score(n, List.of(), new SelfAssessment("q", null, "优秀", null), null, SCHEME);
        assertThat(unknown.points()).isEqualByComparingTo("0");
        assertThat(unknown.source()).isEqualTo(IndicatorRule.Source.NONE);
    }

    @Test
    void aMilestoneLosesTheSchemesShareForEachQuarterLate() {
        GoalNode n = node("m", "g", "5", new Measure.Milestone(LocalDate.of(2008, 6, 30)));
        assertThat(score(n, List.of(progress("m", 2, null, null, ProgressStatus.DONE)), null, null, SCHEME).points())
                .isEqualByComparingTo("5.00");
        // Done in Q3: one quarter late, 20 % off: 4.00. Q4: 3.00.
        assertThat(score(n, List.of(progress("m", 2, null, null, ProgressStatus.BEHIND),
                progress("m", 3, null, null, ProgressStatus.DONE)), null, null, SCHEME).points())
                .isEqualByComparingTo("4.00");
        IndicatorRule.Line q4 = score(n, List.of(progress("m", 4, null, null, ProgressStatus.DONE)), null, null, SCHEME);
        assertThat(q4.points()).isEqualByComparingTo("3.00");
        assertThat(q4.basis()).isEqualTo("2");
        assertThat(score(n, List.of(progress("m", 4, null, null, ProgressStatus.AT_RISK)), null, null, SCHEME).points())
                .isEqualByComparingTo("0");
    }

    @Test
    void theOfficesScoreReplacesTheComputedOne() {
        GoalNode n = node("i", "g", "10", INVEST);
        IndicatorRule.Line line = score(n, List.of(progress("i", 4, null, "100", null)), null,
                new IndicatorScore("i", d("7.5"), "抽查发现数据口径不一致"), SCHEME);
        assertThat(line.points()).isEqualByComparingTo("7.50");
        assertThat(line.source()).isEqualTo(IndicatorRule.Source.OFFICE);
        assertThat(line.basis()).isEqualTo("抽查发现数据口径不一致");
    }

    @Test
    void theScoredIndicatorsAreThoseWithPointsWhoseChildrenHaveNone() {
        GoalTree tree = new GoalTree(List.of(node("g", null, "20", null), node("i1", "g", "12", INVEST),
                node("t1", "i1", null, null), node("i2", "g", "8", null)));
        assertThat(Evaluation.scoredIndicators(tree)).extracting(GoalNode::id).containsExactly("i1", "i2");
    }

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

        List<Evaluation.UnitResult> results = Evaluation.evaluate(SCHEME, units);

        assertThat(results).extracting(r -> r.unit().code() + ":" + r.rank())
                .containsExactly("XM:1", "A:1", "B:2", "C:2", "D:4", "Z:null");
        Evaluation.UnitResult b = results.stream().filter(r -> r.unit().code().equals("B")).findFirst().orElseThrow();
        assertThat(b.total()).isEqualByComparingTo("56.00");
        assertThat(b.tiedWith()).containsExactly("C");
        assertThat(b.notes()).contains("results.note.noAppraisal");
        // The same material gives the same results, every time.
        assertThat(Evaluation.evaluate(SCHEME, units)).isEqualTo(results);
    }

    @Test
    void schemeValuesThatCannotWorkAreNamed() {
        EvaluationScheme bad = new EvaluationScheme(2008, 1, d("70"), d("20"), d("-1"), d("3"), d("90"), d("120"),
                d("0"), List.of(new EvaluationScheme.AppraisalLevel("满意", d("100")),
                        new EvaluationScheme.AppraisalLevel("满意", d("150"))), "");
        assertThat(bad.problems()).extracting(EvaluationScheme.Problem::key).containsExactlyInAnyOrder(
                "scheme.problem.weights", "scheme.problem.negative", "scheme.problem.cap", "scheme.problem.percent",
                "scheme.problem.percent", "scheme.problem.levelName", "scheme.problem.levelValue");
        assertThat(SCHEME.problems()).isEmpty();
    }
}
