package org.perfdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The editor's operations on a small tree, checked by the tree they leave. */
class TreeEditsTest {
    private List<GoalNode> all;

    private static GoalNode node(String id, String parent, int pos, NodeKind kind) {
        return new GoalNode(id, "U", 2008, parent, pos, kind, id, null, null, null, null, null, null, null, 1, false);
    }

    @BeforeEach
    void setUp() {
        all = new ArrayList<>(List.of(node("A", null, 0, NodeKind.GOAL), node("A1", "A", 0, NodeKind.SUB_GOAL),
                node("A2", "A", 1, NodeKind.SUB_GOAL), node("A3", "A", 2, NodeKind.SUB_GOAL),
                node("A2x", "A2", 0, NodeKind.INDICATOR), node("B", null, 1, NodeKind.GOAL)));
    }

    private GoalTree tree() {
        return new GoalTree(all);
    }

    private void apply(List<GoalNode> changed) {
        all = TreeEdits.applied(all, changed);
    }

    /** The tree as an outline: "A(A1,A2(A2x),A3),B". */
    private String outline() {
        GoalTree t = tree();
        StringBuilder out = new StringBuilder();
        outline(t, t.roots(), out);
        return out.toString();
    }

    private void outline(GoalTree t, List<GoalNode> level, StringBuilder out) {
        for (int i = 0; i < level.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            GoalNode n = level.get(i);
            out.append(n.title());
            if (!t.children(n.id()).isEmpty()) {
                out.append('(');
                outline(t, t.children(n.id()), out);
                out.append(')');
            }
        }
    }

    @Test
    void addChildAndSiblingWithTheUsualKinds() {
        List<GoalNode> child = TreeEdits.addChild(tree(), "U", 2008, "A2x", "T");
        assertThat(child).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NodeKind.TASK);
            assertThat(n.parentId()).isEqualTo("A2x");
        });
        apply(child);
        apply(TreeEdits.addSiblingAfter(tree(), "A1", "S"));
        assertThat(outline()).isEqualTo("A(A1,S,A2(A2x(T)),A3),B");
        apply(TreeEdits.addChild(tree(), "U", 2008, null, "C"));
        assertThat(outline()).endsWith(",B,C");
        assertThat(tree().find(all.get(all.size() - 1).id()).orElseThrow().kind()).isEqualTo(NodeKind.GOAL);
    }

    @Test
    void indentAndOutdent() {
        apply(TreeEdits.indent(tree(), "A3"));
        assertThat(outline()).isEqualTo("A(A1,A2(A2x,A3)),B");
        apply(TreeEdits.outdent(tree(), "A2x"));
        assertThat(outline()).isEqualTo("A(A1,A2(A3),A2x),B");
        assertThat(TreeEdits.indent(tree(), "A1")).isEmpty();
        assertThat(TreeEdits.outdent(tree(), "A")).isEmpty();
    }

    @Test
    void moveAmongSiblingsAndAcrossTheTree() {
        apply(TreeEdits.move(tree(), "A3", -1));
        assertThat(outline()).isEqualTo("A(A1,A3,A2(A2x)),B");
        assertThat(TreeEdits.move(tree(), "A1", -1)).isEmpty();
        apply(TreeEdits.moveTo(tree(), "A2", "B", 0));
        assertThat(outline()).isEqualTo("A(A1,A3),B(A2(A2x))");
        // Not into itself or below itself.
        assertThat(TreeEdits.moveTo(tree(), "B", "A2x", 0)).isEmpty();
        assertThat(TreeEdits.moveTo(tree(), "B", "B", 0)).isEmpty();
    }

    @Test
    void positionsStayDenseAndOnlyChangedNodesAreReturned() {
        List<GoalNode> changed = TreeEdits.move(tree(), "A3", -1);
        assertThat(changed).extracting(GoalNode::id).containsExactlyInAnyOrder("A2", "A3");
        apply(changed);
        assertThat(tree().children("A")).extracting(GoalNode::position).containsExactly(0, 1, 2);
    }

    @Test
    void deleteTombstonesTheSubtreeAndBeforeGivesTheOldStates() {
        List<GoalNode> changed = TreeEdits.delete(tree(), "A2");
        assertThat(changed).extracting(GoalNode::id).containsExactlyInAnyOrder("A2", "A2x");
        List<GoalNode> before = TreeEdits.before(all, changed);
        apply(changed);
        assertThat(outline()).isEqualTo("A(A1,A3),B");
        apply(before);
        assertThat(outline()).isEqualTo("A(A1,A2(A2x),A3),B");
        // A node that did not exist before an edit comes back as a tombstone on undo.
        List<GoalNode> added = TreeEdits.addChild(tree(), "U", 2008, "B", "new");
        assertThat(TreeEdits.before(all, added)).singleElement().satisfies(n -> assertThat(n.deleted()).isTrue());
    }

    @Test
    void rollupSumsPointsAndWeighsCompletion() {
        all = new ArrayList<>(List.of(node("G", null, 0, NodeKind.GOAL).withWeight(new BigDecimal("10")),
                node("i1", "G", 0, NodeKind.INDICATOR).withWeight(new BigDecimal("6")),
                node("i2", "G", 1, NodeKind.INDICATOR).withWeight(new BigDecimal("4")),
                node("H", null, 1, NodeKind.GOAL),
                node("t1", "H", 0, NodeKind.TASK), node("t2", "H", 1, NodeKind.TASK)));
        Rollup r = new Rollup(tree(), Map.of("i1", new BigDecimal("50"), "i2", new BigDecimal("100"),
                "t1", new BigDecimal("20")));
        assertThat(r.childWeights("G")).isEqualByComparingTo("10");
        assertThat(r.completion("G")).isEqualByComparingTo("70.0"); // (50×6 + 100×4) / 10
        assertThat(r.childWeights("H")).isNull();
        assertThat(r.completion("H")).isEqualByComparingTo("20.0"); // t2 not reported
        assertThat(r.completion("i1")).isEqualByComparingTo("50");
        assertThat(r.completion("t2")).isNull();
    }
}
