package org.perfdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SelfScoreTest {
    private static final EvaluationScheme SCHEME = EvaluationScheme.defaults(2008);

    private static GoalNode node(String id, String parent, String weight, Measure m) {
        return new GoalNode(id, "U", 2008, parent, 0, NodeKind.INDICATOR, id, null, "U", null, null,
                weight == null ? null : new BigDecimal(weight), m, null, 1, false);
    }

    @Test
    void scoresAndLevelsAddUpPerGoalAndInAll() {
        Measure.Qualitative levels = new Measure.Qualitative(List.of("好", "较好", "一般", "差"), "较好");
        GoalTree tree = new GoalTree(List.of(node("G1", null, "60", null), node("a", "G1", "40", null),
                node("b", "G1", "20", levels), node("G2", null, "40", null), node("c", "G2", "40", null)));
        Map<String, SelfAssessment> given = Map.of(
                "a", new SelfAssessment("a", new BigDecimal("36.5"), null, "基本完成"),
                "b", new SelfAssessment("b", null, "较好", "制度较健全"));

        List<SelfScore.Sum> sums = SelfScore.sums(tree, given, Map.of(), SCHEME);

        assertThat(sums).hasSize(3);
        assertThat(sums.get(0).given()).isEqualByComparingTo("56.5"); // 36.5 + 20 (较好 reaches the target 较好)
        assertThat(sums.get(0).available()).isEqualByComparingTo("60");
        assertThat(sums.get(0).assessed()).isEqualTo(2);
        assertThat(sums.get(1).given()).isEqualByComparingTo("0");
        assertThat(sums.get(1).assessed()).isZero();
        SelfScore.Sum all = sums.get(2);
        assertThat(all.goalId()).isNull();
        assertThat(all.given()).isEqualByComparingTo("56.5");
        assertThat(all.available()).isEqualByComparingTo("100");
        assertThat(all.assessed()).isEqualTo(2);
        assertThat(all.total()).isEqualTo(3);
    }

    @Test
    void aLevelOutsideTheListGivesNoPoints() {
        GoalNode n = node("b", null, "20", new Measure.Qualitative(List.of("好", "差"), "好"));
        assertThat(SelfScore.points(n, new SelfAssessment("b", null, "优秀", null), SCHEME)).isNull();
        assertThat(SelfScore.points(n, new SelfAssessment("b", null, "好", null), SCHEME)).isEqualByComparingTo("20");
        // One level below the target 好: the scheme's 60 %.
        assertThat(SelfScore.points(n, new SelfAssessment("b", null, "差", null), SCHEME)).isEqualByComparingTo("12");
        assertThat(SelfScore.points(n, null, SCHEME)).isNull();
    }

    @Test
    void anIndicatorWithTasksUnderItCountsAsTheOfficeScoresIt() {
        // The 满分 97 against a 100-point tree: an indicator whose tasks carry no points was left out.
        GoalTree tree = new GoalTree(List.of(node("G", null, "100", null), node("i", "G", "97", null),
                node("j", "G", "3", new Measure.Quantitative(new BigDecimal("10"), null, "个", Direction.HIGHER_BETTER)),
                node("t", "j", null, null)));
        SelfScore.Sum all = SelfScore.sums(tree, Map.of(), Map.of("j", List.of(new Progress("j", 4,
                new BigDecimal("5"), new BigDecimal("100"), null, null, null, null, null))), SCHEME).get(1);
        assertThat(all.available()).isEqualByComparingTo("100");
        assertThat(all.total()).isEqualTo(2);
        // The rule gives the unit's own figure 5 of 10: 50 % of 3 = 1.5, whatever percentage it typed.
        assertThat(all.computed()).isEqualByComparingTo("1.5");
    }
}
