package org.perfdesk.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.store.GoalNodeRepository.WithFigures;

/** Units put together while the year is read hold all of each unit's nodes and figures, in whatever order they came. */
class UnitAssemblyTest {
    private static GoalNode node(String unit, String id, String parent, int position) {
        return new GoalNode(id, unit, 2008, parent, position, parent == null ? NodeKind.GOAL : NodeKind.INDICATOR,
                "标题" + id, null, null, null, null, null, null, null, 1, false);
    }

    @Test
    void aUnitWhoseNodesComeBackLaterIsPutTogetherFromAllOfThem() {
        GoalNode a1 = node("A", "a1", null, 0);
        GoalNode a2 = node("A", "a2", "a1", 1);
        GoalNode b1 = node("B", "b1", null, 0);
        GoalNode a3 = node("A", "a3", "a1", 0);
        SelfAssessment self = new SelfAssessment("a3", new BigDecimal("4.5"), null, null);
        UnitAssembly<UnitAssembly.Unit> assembly = new UnitAssembly<>((code, unit) -> unit);
        List.of(new WithFigures(a1, null, null), new WithFigures(a2, "2::50:;1:12.5::ON_TRACK", null),
                new WithFigures(b1, null, null), new WithFigures(a3, "4:7::", self)).forEach(assembly::add);

        assertThat(assembly.has("A")).isTrue();
        assertThat(assembly.has("B")).isTrue();
        assertThat(assembly.has("C")).isFalse();
        UnitAssembly.Unit a = assembly.unit("A");
        assertThat(a.tree().inOrder()).containsExactly(a1, a3, a2)
                .isEqualTo(new GoalTree(List.of(a1, a2, a3)).inOrder());
        // Packed progress as rows in quarter order, an empty field null.
        assertThat(a.progress().get("a2")).containsExactly(
                new Progress("a2", 1, new BigDecimal("12.5"), null, ProgressStatus.ON_TRACK, null, null, null, null),
                new Progress("a2", 2, null, new BigDecimal("50"), null, null, null, null, null));
        assertThat(a.progress().get("a3")).containsExactly(
                new Progress("a3", 4, new BigDecimal("7"), null, null, null, null, null, null));
        assertThat(a.progress()).doesNotContainKey("a1");
        assertThat(a.self()).containsExactly(java.util.Map.entry("a3", self));
        assertThat(assembly.unit("B").tree().inOrder()).containsExactly(b1);
        assertThat(assembly.unit("C").tree().size()).isZero();
    }

    @Test
    void eachUnitIsFinishedFromAllItsNodesAndWhatGoesWrongThereComesBackAsItWas() {
        GoalNode a1 = node("A", "a1", null, 0);
        GoalNode b1 = node("B", "b1", null, 0);
        GoalNode a2 = node("A", "a2", "a1", 0);
        GoalNode c1 = node("C", "c1", null, 0);
        UnitAssembly<String> assembly = new UnitAssembly<>((code, unit) -> {
            if (code.equals("C")) {
                throw new org.perfdesk.domain.UserError("error.evaluation.noUnit", code);
            }
            return code + ":" + unit.nodes().stream().map(GoalNode::id).toList() + ":" + unit.tree().size();
        });
        List.of(a1, b1, a2, c1).forEach(n -> assembly.add(new WithFigures(n, null, null)));

        // A's second part came after B: A is finished again from both parts, in the order read.
        assertThat(assembly.unit("A")).isEqualTo("A:[a1, a2]:2");
        assertThat(assembly.unit("B")).isEqualTo("B:[b1]:1");
        // A unit without nodes is finished from an empty one.
        assertThat(assembly.unit("D")).isEqualTo("D:[]:0");
        // Thrown on the other thread, it reaches the caller as it was thrown (not wrapped).
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assembly.unit("C"))
                .isExactlyInstanceOf(org.perfdesk.domain.UserError.class)
                .hasMessage(new org.perfdesk.domain.UserError("error.evaluation.noUnit", "C").getMessage());
    }
}
