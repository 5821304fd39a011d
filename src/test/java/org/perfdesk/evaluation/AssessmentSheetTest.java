package org.perfdesk.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.IndicatorScore;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.domain.SpotCheck;

/** Self score beside the office's, differences worked by hand. */
class AssessmentSheetTest {
    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static GoalNode node(String id, String parent, String weight) {
        return new GoalNode(id, "U", 2008, parent, 0, parent == null ? NodeKind.GOAL : NodeKind.INDICATOR,
                "标题" + id, null, null, null, null, d(weight), new Measure.Quantitative(d("100"), null, "%",
                Direction.HIGHER_BETTER), null, 1, false);
    }

    private static SelfAssessment self(String id, String score) {
        return new SelfAssessment(id, d(score), null, "自评");
    }

    @Test
    void eachIndicatorShowsSelfComputedOfficeAndTheNotableDifferences() {
        GoalTree tree = new GoalTree(List.of(node("g", null, "20"), node("a", "g", "10"), node("b", "g", "5"),
                node("c", "g", "5")));
        // The actual values of the year (Q4); the completion typed (100) is only the unit's claim.
        Map<String, List<Progress>> progress = Map.of(
                "a", List.of(new Progress("a", 4, d("80"), d("100"), null, null, null, null, null)),
                "b", List.of(new Progress("b", 4, d("96"), d("100"), null, null, null, null, null)));
        Evaluation.UnitMaterial m = new Evaluation.UnitMaterial(new OrgUnit("U", "某单位", OrgKind.DEPARTMENT, "XNB"),
                tree, progress, Map.of("a", self("a", "10"), "b", self("b", "5")),
                Map.of("c", new IndicatorScore("c", d("2"), "抽查发现台账不全")), List.of(), List.of(), List.of());

        List<AssessmentSheet.Row> rows = AssessmentSheet.of(m, EvaluationScheme.defaults(2008),
                Optional.of(new SpotCheck("U", 2008, 42L, d("30"), List.of("c"))));

        assertThat(rows).extracting(r -> r.node().id()).containsExactly("a", "b", "c");
        AssessmentSheet.Row a = rows.get(0);
        // a: 80 of 100, 80 % of 10 = 8.00 against a self score of 10: 2 points lower, 20 % of its points: notable.
        assertThat(a.path()).isEqualTo("标题g › 标题a");
        assertThat(a.counted()).isEqualByComparingTo("8");
        assertThat(a.difference()).isEqualByComparingTo("-2");
        assertThat(a.notable()).isTrue();
        assertThat(a.computed().claimed()).isEqualByComparingTo("100");
        // b: 96 % of 5 = 4.80 against 5: 0.2 lower, 4 % of its points: not notable.
        assertThat(rows.get(1).difference()).isEqualByComparingTo("-0.2");
        assertThat(rows.get(1).notable()).isFalse();
        // c: no progress and no self score; the office scored 2 with a reason; it was drawn.
        AssessmentSheet.Row c = rows.get(2);
        assertThat(c.computed().source()).isEqualTo(IndicatorRule.Source.NONE);
        assertThat(c.counted()).isEqualByComparingTo("2");
        assertThat(c.self()).isNull();
        assertThat(c.difference()).isNull();
        assertThat(c.notable()).isFalse();
        assertThat(c.spotChecked()).isTrue();
        assertThat(a.spotChecked()).isFalse();
    }
}
