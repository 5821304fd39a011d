package org.perfdesk.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.NodeKind;

/** Trees built while the year is read are the trees of all of each unit's nodes, in whatever order they came. */
class UnitTreesTest {
    private static GoalNode node(String unit, String id, String parent, int position) {
        return new GoalNode(id, unit, 2008, parent, position, parent == null ? NodeKind.GOAL : NodeKind.INDICATOR,
                "标题" + id, null, null, null, null, null, null, null, 1, false);
    }

    @Test
    void aUnitWhoseNodesComeBackLaterGetsOneTreeOfAllOfThem() {
        GoalNode a1 = node("A", "a1", null, 0);
        GoalNode a2 = node("A", "a2", "a1", 1);
        GoalNode b1 = node("B", "b1", null, 0);
        GoalNode a3 = node("A", "a3", "a1", 0);
        UnitTrees trees = new UnitTrees();
        List.of(a1, a2, b1, a3).forEach(trees::add);

        assertThat(trees.has("A")).isTrue();
        assertThat(trees.has("B")).isTrue();
        assertThat(trees.has("C")).isFalse();
        assertThat(trees.tree("A").inOrder()).containsExactly(a1, a3, a2)
                .isEqualTo(new GoalTree(List.of(a1, a2, a3)).inOrder());
        assertThat(trees.tree("B").inOrder()).containsExactly(b1);
        assertThat(trees.tree("C").size()).isZero();
    }
}
