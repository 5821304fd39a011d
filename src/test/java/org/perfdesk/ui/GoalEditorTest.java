package org.perfdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.progress.ProgressViewModel;

/** A unit builds its tree with the keyboard, moves a node, undoes and redoes, as staff would. */
class GoalEditorTest extends ShellTest {
    private Path dir;

    @BeforeEach
    void workspace() {
        dir = home.resolve("TEST");
        try (Workspace ws = Workspace.create(dir, new Workspace.Setup(Role.UNIT,
                new OrgUnit("TEST", "测试厅", OrgKind.DEPARTMENT, "XNB"), 2008, "test"))) {
            ws.orgUnits().saveAll(List.of(new OrgUnit("TEST-A", "综合处", OrgKind.DIVISION, "TEST")));
        }
    }

    /** The saved tree as an outline, read from the database the way the next start would. */
    private String savedOutline() {
        GoalTree t = new GoalTree(shell.current().workspace().goals().findAll("TEST", 2008));
        StringBuilder out = new StringBuilder();
        outline(t, t.roots(), out);
        return out.toString();
    }

    private static void outline(GoalTree t, List<GoalNode> level, StringBuilder out) {
        for (int i = 0; i < level.size(); i++) {
            out.append(i > 0 ? "," : "").append(level.get(i).title());
            List<GoalNode> children = t.children(level.get(i).id());
            if (!children.isEmpty()) {
                out.append('(');
                outline(t, children, out);
                out.append(')');
            }
        }
    }

    private GoalNode savedNode(String title) {
        return shell.current().workspace().goals().findAll("TEST", 2008).stream()
                .filter(n -> n.title().equals(title)).findFirst().orElseThrow();
    }

    private void typeTitle(String title) {
        waitUntil("a title being edited", () -> lookup("#goals-table .text-field").tryQuery().isPresent());
        write(title).type(KeyCode.ENTER);
    }

    private void waitForSaves(String expected) {
        try {
            waitUntil("the saved tree " + expected, () -> savedOutline().equals(expected));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; saved: " + savedOutline(), e);
        }
    }

    @Test
    void buildAThreeLevelTreeWithTheKeyboardMoveUndoRedo() {
        open(dir);
        clickOn("#nav-goals");
        @SuppressWarnings("unchecked")
        TreeTableView<GoalNode> table = lookup("#goals-table").queryAs(TreeTableView.class);
        waitUntil("the empty tree", () -> table.getRoot() != null);
        clickOn(table);

        type(KeyCode.INSERT);
        typeTitle("目标一");
        press(KeyCode.CONTROL).type(KeyCode.INSERT).release(KeyCode.CONTROL);
        typeTitle("子目标一");
        press(KeyCode.CONTROL).type(KeyCode.INSERT).release(KeyCode.CONTROL);
        typeTitle("指标一");
        type(KeyCode.INSERT);
        typeTitle("指标二");
        waitForSaves("目标一(子目标一(指标一,指标二))");

        GoalTree saved = new GoalTree(shell.current().workspace().goals().findAll("TEST", 2008));
        assertThat(saved.inOrder()).extracting(GoalNode::kind).containsExactly(NodeKind.GOAL, NodeKind.SUB_GOAL,
                NodeKind.INDICATOR, NodeKind.INDICATOR);

        press(KeyCode.ALT).type(KeyCode.UP).release(KeyCode.ALT);
        waitForSaves("目标一(子目标一(指标二,指标一))");

        press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitForSaves("目标一(子目标一(指标一,指标二))");
        press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        waitForSaves("目标一(子目标一(指标二,指标一))");

        // Alt+→ makes 指标一 a task of 指标二; Alt+← takes it back out.
        type(KeyCode.DOWN);
        press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        waitForSaves("目标一(子目标一(指标二(指标一)))");
        press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
        waitForSaves("目标一(子目标一(指标二,指标一))");

        // Delete asks first; undo brings the node back.
        type(KeyCode.DELETE);
        waitUntil("the question", () -> lookup(".dialog-pane").tryQuery().isPresent());
        type(KeyCode.ENTER);
        waitForSaves("目标一(子目标一(指标二))");
        clickOn("#goals-undo");
        waitForSaves("目标一(子目标一(指标二,指标一))");
    }

    @Test
    void anIndicatorAddedInTheTreeShowsOnTheProgressScreenVisitedBefore() {
        open(dir);
        clickOn("#nav-progress");
        @SuppressWarnings("unchecked")
        TableView<ProgressViewModel.Row> progress = lookup("#progress-table").queryAs(TableView.class);
        waitUntil("the empty progress table", () -> lookup("#screen-progress").tryQuery().isPresent());
        assertThat(progress.getItems()).isEmpty();

        clickOn("#nav-goals");
        @SuppressWarnings("unchecked")
        TreeTableView<GoalNode> table = lookup("#goals-table").queryAs(TreeTableView.class);
        waitUntil("the empty tree", () -> table.getRoot() != null);
        clickOn(table);
        type(KeyCode.INSERT);
        typeTitle("目标一");
        press(KeyCode.CONTROL).type(KeyCode.INSERT).release(KeyCode.CONTROL);
        typeTitle("子目标一");
        press(KeyCode.CONTROL).type(KeyCode.INSERT).release(KeyCode.CONTROL);
        typeTitle("指标一");
        waitForSaves("目标一(子目标一(指标一))");
        // A target makes it a quantitative indicator, which progress is reported on.
        var target = table.getColumns().stream().filter(c -> c.getText().equals("目标值")).findFirst().orElseThrow();
        interact(() -> table.edit(table.getSelectionModel().getSelectedIndex(), target));
        waitUntil("the target being edited", () -> lookup("#goals-table .text-field").tryQuery().isPresent());
        write("20 个").type(KeyCode.ENTER);
        waitUntil("the saved target", () -> savedNode("指标一").measure() != null);

        clickOn("#nav-progress");
        waitUntil("the new indicator on the progress screen", () -> progress.getItems().size() == 1);
        assertThat(progress.getItems().get(0).node().title()).isEqualTo("指标一");
    }
}
