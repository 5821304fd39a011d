package org.perfdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GoalTreeTest {
    private static GoalNode node(String id, String parent, int position) {
        return new GoalNode(id, "U", 2008, parent, position, NodeKind.GOAL, id, null, null, null, null, null, null,
                null, 1, false);
    }

    @Test
    void readingOrderFollowsPositionsAtEveryLevel() {
        GoalTree tree = new GoalTree(List.of(node("b", null, 1), node("a2", "a", 1), node("a", null, 0),
                node("a1", "a", 0), node("a1x", "a1", 0)));
        assertThat(tree.inOrder()).extracting(GoalNode::id).containsExactly("a", "a1", "a1x", "a2", "b");
        assertThat(tree.depth("a1x")).isEqualTo(3);
        assertThat(tree.height()).isEqualTo(3);
        assertThat(tree.isLeaf("a2")).isTrue();
        assertThat(tree.isLeaf("a")).isFalse();
    }

    @Test
    void aNodeWhoseParentIsMissingStillShowsAsARoot() {
        GoalTree tree = new GoalTree(List.of(node("a", null, 0), node("orphan", "gone", 0)));
        assertThat(tree.roots()).extracting(GoalNode::id).containsExactly("a", "orphan");
        assertThat(tree.size()).isEqualTo(2);
    }

    @Test
    void emptyTree() {
        GoalTree tree = new GoalTree(List.of());
        assertThat(tree.height()).isZero();
        assertThat(tree.inOrder()).isEmpty();
    }

    @Test
    void numbersReadAsOfficialsWriteThem() {
        assertThat(Numbers.plain(new java.math.BigDecimal("12.50"))).isEqualTo("12.5");
        assertThat(Numbers.plain(new java.math.BigDecimal("1E+2"))).isEqualTo("100");
        assertThat(Numbers.percent(new java.math.BigDecimal("87.46"))).isEqualTo("87.5%");
        assertThat(Numbers.parse(" ")).isNull();
    }
}
