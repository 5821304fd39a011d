package org.perfdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A unit's tree against its group's indicator system, as 福建省水利厅's tree met the departments' system of the
 * demo: 依法行政 is a leaf of the system but a sub-goal in the tree, 行政能力建设 a first-level indicator and a goal.
 */
class IndicatorSystemCoverageTest {
    private static final IndicatorSystem SYSTEM = new IndicatorSystem(2008, RankingGroup.PROVINCIAL_DEPARTMENTS, List.of(
            new IndicatorSystem.Item("D1", "行政能力建设", 1, null, null, null, null, "", ""),
            new IndicatorSystem.Item("D1.1", "依法行政", 2, "D1", new BigDecimal("3"), null, null, "", ""),
            new IndicatorSystem.Item("D1.2", "效能投诉件按期办结率", 2, "D1", new BigDecimal("2"), null, "%", "", "")));

    private static final GoalNode GOAL = GoalNode.create("SLT", 2008, null, 0, NodeKind.GOAL, "行政能力建设");
    private static final GoalNode SUB_GOAL = GoalNode.create("SLT", 2008, GOAL.id(), 0, NodeKind.SUB_GOAL, "依法行政");
    private static final GoalNode CASES = GoalNode.create("SLT", 2008, SUB_GOAL.id(), 0, NodeKind.INDICATOR,
            "水行政执法案件查处结案率");
    private static final GoalNode COMPLAINTS = GoalNode.create("SLT", 2008, GOAL.id(), 1, NodeKind.INDICATOR,
            "效能投诉件按期办结率");

    @Test
    void aLeafOfTheSystemIsSuggestedOnlyAnIndicatorAndAGoalItsFirstLevel() {
        IndicatorSystem.Coverage c = SYSTEM.coverage(List.of(GOAL, SUB_GOAL, CASES, COMPLAINTS));
        assertThat(c.suggestions()).containsOnlyKeys("D1", "D1.2");
        assertThat(c.suggestions().get("D1")).isEqualTo(GOAL);
        assertThat(c.suggestions().get("D1.2")).isEqualTo(COMPLAINTS);
    }

    @Test
    void theLinkedCountIsOfLeavesNotOfEveryLink() {
        List<GoalNode> linked = IndicatorSystem.linkSuggested(SYSTEM.coverage(List.of(GOAL, SUB_GOAL, CASES, COMPLAINTS)));
        IndicatorSystem.Coverage c = SYSTEM.coverage(List.of(linked.get(0), SUB_GOAL, CASES, linked.get(1)));
        // Two links (the goal and one indicator), one of the two leaves: "1/2", with 依法行政 missing.
        assertThat(c.linked()).hasSize(2);
        assertThat(c.linkedLeaves(SYSTEM)).isEqualTo(1);
        assertThat(c.missing(SYSTEM)).extracting(IndicatorSystem.Item::code).containsExactly("D1.1");

        IndicatorSystem.Coverage byHand = SYSTEM.coverage(List.of(linked.get(0), SUB_GOAL, CASES.withSystemCode("D1.1"),
                linked.get(1)));
        assertThat(byHand.linkedLeaves(SYSTEM)).isEqualTo(2);
        assertThat(byHand.missing(SYSTEM)).isEmpty();
    }
}
