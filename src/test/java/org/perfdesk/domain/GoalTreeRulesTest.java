package org.perfdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The goal-tree rules on small hand-made trees. */
class GoalTreeRulesTest {
    private static final int YEAR = 2008;
    private static final Set<String> OWNERS = Set.of("SLT", "SLT-NSC", "SLT-NSC-01");
    private final List<GoalNode> nodes = new ArrayList<>();

    private GoalNode add(String id, String parent, NodeKind kind, String weight, String owner) {
        GoalNode n = new GoalNode(id, "SLT", YEAR, parent, nodes.size(), kind, "节点 " + id, null, owner, null,
                null, weight == null ? null : new BigDecimal(weight), null, null, 1, false);
        nodes.add(n);
        return n;
    }

    private void replace(GoalNode n) {
        nodes.replaceAll(x -> x.id().equals(n.id()) ? n : x);
    }

    private List<Problem> check() {
        return new GoalTreeRules(YEAR, OWNERS).check(new GoalTree(nodes));
    }

    private void cleanTree() {
        add("g1", null, NodeKind.GOAL, "60", "SLT");
        add("i1", "g1", NodeKind.INDICATOR, "35", "SLT-NSC-01");
        add("i2", "g1", NodeKind.INDICATOR, "25", "SLT-NSC");
        add("g2", null, NodeKind.GOAL, "40", "SLT");
        add("i3", "g2", NodeKind.INDICATOR, "40", "SLT-NSC-01");
    }

    @Test
    void aCompleteTreeHasNoProblems() {
        cleanTree();
        assertThat(check()).isEmpty();
    }

    @Test
    void childrenWhoseWeightsMissTheParentAreReportedOnTheParent() {
        cleanTree();
        replace(nodes.get(2).withWeight(new BigDecimal("24.5")));
        assertThat(check()).containsExactly(Problem.of("g1", ProblemType.CHILD_WEIGHTS_MISMATCH, "59.5", "60"));
    }

    @Test
    void topLevelGoalsMustShareTheFullScore() {
        cleanTree();
        replace(nodes.get(3).withWeight(new BigDecimal("30")));
        replace(nodes.get(4).withWeight(new BigDecimal("30")));
        assertThat(check()).containsExactly(Problem.of(null, ProblemType.TOP_WEIGHTS_MISMATCH, "90", "100"));
    }

    @Test
    void childrenWithoutAnyWeightsAreNotAMismatch() {
        cleanTree();
        add("t1", "i3", NodeKind.TASK, null, "SLT-NSC-01");
        add("t2", "i3", NodeKind.TASK, null, "SLT-NSC-01");
        // i3 is no longer a leaf, its tasks carry no points: nothing to report
        assertThat(check()).isEmpty();
    }

    @Test
    void decimalsAddUpExactly() {
        add("g1", null, NodeKind.GOAL, "100", "SLT");
        add("a", "g1", NodeKind.INDICATOR, "33.3", "SLT-NSC");
        add("b", "g1", NodeKind.INDICATOR, "33.3", "SLT-NSC");
        add("c", "g1", NodeKind.INDICATOR, "33.4", "SLT-NSC");
        assertThat(check()).isEmpty();
    }

    @Test
    void quantitativeIndicatorsNeedATargetAndAUnit() {
        cleanTree();
        replace(nodes.get(1).withMeasure(new Measure.Quantitative(null, null, "万亩", Direction.HIGHER_BETTER)));
        replace(nodes.get(2).withMeasure(new Measure.Quantitative(new BigDecimal("95"), null, " ", null)));
        assertThat(check()).containsExactly(
                Problem.of("i1", ProblemType.MISSING_TARGET),
                Problem.of("i2", ProblemType.MISSING_UNIT_OF_MEASURE));
    }

    @Test
    void deadlinesAndMilestonesMustFallInTheYear() {
        cleanTree();
        replace(nodes.get(1).withDeadline(LocalDate.of(2009, 1, 10)));
        replace(nodes.get(2).withDeadline(LocalDate.of(2008, 12, 31))
                .withMeasure(new Measure.Milestone(LocalDate.of(2007, 12, 1))));
        assertThat(check()).containsExactly(
                Problem.of("i1", ProblemType.DEADLINE_OUTSIDE_YEAR, "2009-01-10", "2008"),
                Problem.of("i2", ProblemType.DEADLINE_OUTSIDE_YEAR, "2007-12-01", "2008"));
    }

    @Test
    void everyLeafNeedsAnOwnerButGoalsAboveDoNot() {
        cleanTree();
        replace(nodes.get(0).withOwner(null));
        replace(nodes.get(4).withOwner(" "));
        assertThat(check()).containsExactly(Problem.of("i3", ProblemType.LEAF_WITHOUT_OWNER));
    }

    @Test
    void ownersMustBeKnownToTheUnit() {
        cleanTree();
        replace(nodes.get(1).withOwner("NYT-ZZC"));
        assertThat(check()).containsExactly(Problem.of("i1", ProblemType.UNKNOWN_OWNER, "NYT-ZZC"));
        // Without a list of owners, the check is skipped.
        assertThat(new GoalTreeRules(YEAR, null).check(new GoalTree(nodes))).isEmpty();
    }

    @Test
    void tombstonedNodesDoNotCount() {
        cleanTree();
        add("x", "g2", NodeKind.INDICATOR, "10", null);
        replace(nodes.get(5).withDeleted(true));
        assertThat(check()).isEmpty();
    }

    @Test
    void problemsHaveTextInBothLanguages() {
        Problem p = Problem.of("g1", ProblemType.CHILD_WEIGHTS_MISMATCH, "59.5", "60");
        assertThat(Texts.of(Texts.CHINESE).get(p.messageKey(), p.args().toArray()))
                .isEqualTo("下级分值合计 59.5，与本项分值 60 不一致");
        assertThat(Texts.of(java.util.Locale.ENGLISH).get(p.messageKey(), p.args().toArray()))
                .isEqualTo("Children's points add up to 59.5, not to this node's 60");
    }
}
