package org.perfdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class YearCopyTest {
    private final GoalNode goal = new GoalNode("g", "U", 2008, null, 0, NodeKind.GOAL, "目标", "说明", "U", "质量",
            LocalDate.of(2008, 12, 31), new BigDecimal("100"), null, null, 4, false);
    private final GoalNode quantitative = new GoalNode("q", "U", 2008, "g", 0, NodeKind.INDICATOR, "指标", null, "U-A",
            null, LocalDate.of(2008, 2, 29), new BigDecimal("60"),
            new Measure.Quantitative(new BigDecimal("13"), new BigDecimal("12"), "%", Direction.HIGHER_BETTER),
            null, 2, false);
    private final GoalNode milestone = new GoalNode("m", "U", 2008, "g", 1, NodeKind.TASK, "节点", null, "U-A", null,
            null, new BigDecimal("40"), new Measure.Milestone(LocalDate.of(2008, 10, 31)), null, 1, false);

    @Test
    void copiesTheLiveTreeWithLinksToLastYearAndDatesMoved() {
        List<GoalNode> copy = YearCopy.copy(new GoalTree(List.of(goal, quantitative, milestone,
                new GoalNode("x", "U", 2008, "g", 2, NodeKind.TASK, "已删", null, null, null, null, null, null, null, 1,
                        true))), 2009, true);
        assertThat(copy).hasSize(3);
        GoalNode g = copy.get(0);
        assertThat(g.year()).isEqualTo(2009);
        assertThat(g.originId()).isEqualTo("g");
        assertThat(g.id()).isNotEqualTo("g");
        assertThat(g.revision()).isEqualTo(1);
        assertThat(g.deadline()).isEqualTo(LocalDate.of(2009, 12, 31));
        GoalNode q = copy.get(1);
        assertThat(q.parentId()).isEqualTo(g.id());
        assertThat(q.deadline()).isEqualTo(LocalDate.of(2009, 2, 28));
        assertThat(q.measure()).isEqualTo(quantitative.measure());
        assertThat(((Measure.Milestone) copy.get(2).measure()).due()).isEqualTo(LocalDate.of(2009, 10, 31));
        assertThat(copy).extracting(GoalNode::title).containsExactly("目标", "指标", "节点");
    }

    @Test
    void targetsCanBeClearedWhileUnitsAndBaselinesStay() {
        List<GoalNode> copy = YearCopy.copy(new GoalTree(List.of(goal, quantitative, milestone)), 2009, false);
        assertThat(copy.get(1).measure()).isEqualTo(
                new Measure.Quantitative(null, new BigDecimal("12"), "%", Direction.HIGHER_BETTER));
        assertThat(((Measure.Milestone) copy.get(2).measure()).due()).isNull();
        assertThat(copy.get(1).weight()).isEqualByComparingTo("60");
    }
}
