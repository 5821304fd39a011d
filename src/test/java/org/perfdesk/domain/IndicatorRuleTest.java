package org.perfdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one scoring rule, per kind of indicator, worked by hand. */
class IndicatorRuleTest {
    private static final EvaluationScheme SCHEME = EvaluationScheme.defaults(2008);

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static GoalNode node(String id, String weight, Measure m) {
        return new GoalNode(id, "U", 2008, "g", 0, NodeKind.INDICATOR, id, null, null, null,
                LocalDate.of(2008, 12, 31), d(weight), m, null, 1, false);
    }

    private static Progress progress(String id, int q, String actual, String typed, ProgressStatus s) {
        return new Progress(id, q, actual == null ? null : d(actual), typed == null ? null : d(typed), s, null, null,
                null, null);
    }

    private static final Measure.Quantitative GDP = new Measure.Quantitative(d("13"), null, "%",
            Direction.HIGHER_BETTER);

    @Test
    void pointsComeFromTheActualValueNeverFromTheTypedPercentage() {
        GoalNode n = node("gdp", "6", GDP);
        // Q4: 11.7 % against 13 % → 90.0 %, 6 × 90 % = 5.40, although the unit typed 50 %.
        IndicatorRule.Line l = IndicatorRule.score(n, List.of(progress("gdp", 2, "11.8", "44", null),
                progress("gdp", 4, "11.7", "50", null)), null, null, null, SCHEME);
        assertThat(l.points()).isEqualByComparingTo("5.40");
        assertThat(l.completion()).isEqualByComparingTo("90.0");
        assertThat(l.claimed()).as("the claim is kept, to show").isEqualByComparingTo("50");
        assertThat(l.source()).isEqualTo(IndicatorRule.Source.COMPLETION);
        // A typed percentage without an actual value is no figure at all.
        IndicatorRule.Line typedOnly = IndicatorRule.score(n, List.of(progress("gdp", 4, null, "100", null)), null,
                null, null, SCHEME);
        assertThat(typedOnly.points()).isEqualByComparingTo("0");
        assertThat(typedOnly.source()).isEqualTo(IndicatorRule.Source.NONE);
    }

    @Test
    void onlyTheFiguresForTheSchemesPeriodCount() {
        GoalNode n = node("gdp", "6", GDP);
        // Half-year figures are not the year's: without a Q4 figure the indicator has no figure.
        IndicatorRule.Line l = IndicatorRule.score(n, List.of(progress("gdp", 2, "13", null, null)), null, null, null,
                SCHEME);
        assertThat(l.reported()).isNull();
        assertThat(l.points()).isEqualByComparingTo("0");
        // A scheme evaluating the half year reads Q2.
        EvaluationScheme half = new EvaluationScheme(2008, 1, d("70"), d("30"), d("10"), d("3"), d("100"), d("20"),
                d("30"), SCHEME.appraisalLevels(), "", 2, null, 2, null, null);
        assertThat(IndicatorRule.score(n, List.of(progress("gdp", 2, "13", null, null)), null, null, null, half)
                .points()).isEqualByComparingTo("6.00");
    }

    @Test
    void targetZeroCeilingExactAndRangeEarnTheirCompletion() {
        GoalNode outbreaks = node("z", "4", new Measure.Quantitative(d("0"), null, "起", Direction.LOWER_BETTER));
        assertThat(IndicatorRule.score(outbreaks, List.of(progress("z", 4, "0", null, null)), null, null, null, SCHEME)
                .points()).as("target 0, actual 0").isEqualByComparingTo("4.00");
        GoalNode prices = node("c", "5", new Measure.Quantitative(d("4.8"), null, "%", Direction.LOWER_BETTER));
        assertThat(IndicatorRule.score(prices, List.of(progress("c", 4, "3.8", null, null)), null, null, null, SCHEME)
                .points()).as("控制在 4.8, 3.8").isEqualByComparingTo("5.00");
        GoalNode exact = node("e", "5", new Measure.Quantitative(d("4.8"), null, "%", Direction.AT_TARGET));
        // 89.6 % of 5 = 4.48.
        assertThat(IndicatorRule.score(exact, List.of(progress("e", 4, "5.3", null, null)), null, null, null, SCHEME)
                .points()).isEqualByComparingTo("4.48");
        GoalNode range = node("r", "10", new Measure.Quantitative(d("3"), null, "%", Direction.AT_TARGET, d("5")));
        assertThat(IndicatorRule.score(range, List.of(progress("r", 4, "4.2", null, null)), null, null, null, SCHEME)
                .points()).isEqualByComparingTo("10.00");
        // 5 ÷ 5.5 = 90.9 % of 10 = 9.09.
        assertThat(IndicatorRule.score(range, List.of(progress("r", 4, "5.5", null, null)), null, null, null, SCHEME)
                .points()).isEqualByComparingTo("9.09");
    }

    @Test
    void overFulfilmentCountsUpToTheSchemesCap() {
        GoalNode n = node("i", "10", new Measure.Quantitative(d("200"), null, "亿元", Direction.HIGHER_BETTER));
        IndicatorRule.Line over = IndicatorRule.score(n, List.of(progress("i", 4, "230", null, null)), null, null,
                null, SCHEME);
        assertThat(over.completion()).isEqualByComparingTo("115.0");
        assertThat(over.points()).isEqualByComparingTo("10.00");
        assertThat(over.capped()).isTrue();
        EvaluationScheme generous = new EvaluationScheme(2008, 1, d("70"), d("30"), d("10"), d("3"), d("110"),
                d("20"), d("30"), SCHEME.appraisalLevels(), "");
        assertThat(IndicatorRule.score(n, List.of(progress("i", 4, "230", null, null)), null, null, null, generous)
                .points()).isEqualByComparingTo("11.00");
    }

    @Test
    void aQualitativeIndicatorEarnsFullPointsAtItsTargetLevelAndTheSchemesSharesBelow() {
        GoalNode n = node("q", "8", new Measure.Qualitative(List.of("好", "较好", "一般", "差"), "较好"));
        // Reaching the target 较好 earns all 8 (it earned 75 % before), 好 too.
        assertThat(score(n, "较好").points()).isEqualByComparingTo("8.00");
        assertThat(score(n, "好").points()).isEqualByComparingTo("8.00");
        // One level below: 60 % = 4.80; two below (差): 30 % = 2.40 (not 25 % of the places).
        assertThat(score(n, "一般").points()).isEqualByComparingTo("4.80");
        assertThat(score(n, "差").points()).isEqualByComparingTo("2.40");
        GoalNode strict = node("s", "8", new Measure.Qualitative(List.of("好", "较好", "一般", "差"), "好"));
        // Three below the target 好: the last share, 0.
        assertThat(score(strict, "差").points()).isEqualByComparingTo("0");
        IndicatorRule.Line unknown = score(n, "优秀");
        assertThat(unknown.points()).isEqualByComparingTo("0");
        assertThat(unknown.source()).isEqualTo(IndicatorRule.Source.NONE);
    }

    private static IndicatorRule.Line score(GoalNode n, String level) {
        return IndicatorRule.score(n, List.of(), new SelfAssessment(n.id(), null, level, null), null, null, SCHEME);
    }

    @Test
    void aMilestoneLosesTheSchemesShareForEachQuarterLate() {
        GoalNode n = node("m", "5", new Measure.Milestone(LocalDate.of(2008, 6, 30)));
        assertThat(IndicatorRule.score(n, List.of(progress("m", 2, null, null, ProgressStatus.DONE)), null, null,
                null, SCHEME).points()).isEqualByComparingTo("5.00");
        IndicatorRule.Line q4 = IndicatorRule.score(n, List.of(progress("m", 4, null, null, ProgressStatus.DONE)), null,
                null, null, SCHEME);
        // Done in Q4: two quarters late, 40 % off: 3.00.
        assertThat(q4.points()).isEqualByComparingTo("3.00");
        assertThat(q4.late()).isEqualTo(2);
        IndicatorRule.Line notDone = IndicatorRule.score(n, List.of(progress("m", 4, null, "90",
                ProgressStatus.AT_RISK)), null, null, null, SCHEME);
        assertThat(notDone.points()).isEqualByComparingTo("0");
        assertThat(notDone.reported()).isEqualTo(IndicatorRule.Figure.notDone());
    }

    @Test
    void missingFiguresEarnNothingAndSaySo() {
        IndicatorRule.Line l = IndicatorRule.score(node("gdp", "6", GDP), List.of(), null, null, null, SCHEME);
        assertThat(l.points()).isEqualByComparingTo("0");
        assertThat(l.source()).isEqualTo(IndicatorRule.Source.NONE);
        assertThat(l.used()).isNull();
    }

    @Test
    void aVerifiedFigureOverridesTheReportedOneAndBothAreKept() {
        GoalNode n = node("gdp", "6", GDP);
        VerifiedFigure v = new VerifiedFigure("gdp", "U", 2008, "省统计局", d("10.4"), null, null, false, "统计年报",
                "按年报口径");
        IndicatorRule.Line l = IndicatorRule.score(n, List.of(progress("gdp", 4, "11.7", null, null)), null, null, v,
                SCHEME);
        // 10.4 ÷ 13 = 80 % of 6 = 4.80 instead of 5.40.
        assertThat(l.points()).isEqualByComparingTo("4.80");
        assertThat(l.reported().actual()).isEqualByComparingTo("11.7");
        assertThat(l.verified().actual()).isEqualByComparingTo("10.4");
        assertThat(l.verifiedBy()).isEqualTo("省统计局");
        assertThat(l.differs()).isTrue();
        // A verified figure can stand where the unit reported nothing.
        assertThat(IndicatorRule.score(n, List.of(), null, null, v, SCHEME).points()).isEqualByComparingTo("4.80");
        // A verified level and a verified date count as well.
        GoalNode q = node("q", "8", new Measure.Qualitative(List.of("好", "较好", "一般", "差"), "好"));
        assertThat(IndicatorRule.score(q, List.of(), new SelfAssessment("q", null, "好", null), null,
                new VerifiedFigure("q", "U", 2008, "考核部门", null, "一般", null, false, "检查记录", "抽查"), SCHEME)
                .points()).isEqualByComparingTo("2.40");
        GoalNode m = node("m", "5", new Measure.Milestone(LocalDate.of(2008, 6, 30)));
        assertThat(IndicatorRule.score(m, List.of(progress("m", 2, null, null, ProgressStatus.DONE)), null, null,
                new VerifiedFigure("m", "U", 2008, "联合评估组", null, null, LocalDate.of(2008, 8, 15), false, "验收",
                        "实际8月验收"), SCHEME).points()).isEqualByComparingTo("4.00");
    }

    @Test
    void theOfficesScoreReplacesTheComputedOne() {
        GoalNode n = node("i", "10", GDP);
        IndicatorRule.Line line = IndicatorRule.score(n, List.of(progress("i", 4, "13", null, null)), null,
                new IndicatorScore("i", d("7.5"), "抽查发现数据口径不一致"), null, SCHEME);
        assertThat(line.points()).isEqualByComparingTo("7.50");
        assertThat(line.source()).isEqualTo(IndicatorRule.Source.OFFICE);
        assertThat(line.basis()).isEqualTo("抽查发现数据口径不一致");
    }

    @Test
    void theScoredIndicatorsAreThoseWithPointsWhoseChildrenHaveNone() {
        GoalNode g = new GoalNode("g", "U", 2008, null, 0, NodeKind.GOAL, "g", null, null, null, null, d("20"), null,
                null, 1, false);
        GoalNode t = new GoalNode("t1", "U", 2008, "i1", 0, NodeKind.TASK, "t1", null, null, null, null, null, null,
                null, 1, false);
        GoalTree tree = new GoalTree(List.of(g, node("i1", "12", GDP), t, node("i2", "8", null)));
        assertThat(IndicatorRule.scored(tree)).extracting(GoalNode::id).containsExactly("i1", "i2");
    }
}
