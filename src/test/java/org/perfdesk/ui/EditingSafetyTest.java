package org.perfdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.RectificationItem;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.ReportSection;
import org.perfdesk.domain.Role;
import org.perfdesk.evaluation.DemoOffice;
import org.perfdesk.store.Workspace;

/**
 * Issue 17, "the window that loses nothing": what a clerk types is saved on the row it was typed
 * for, whatever is clicked next (another row, another screen, closing the window), and is there
 * when the workspace is opened again; dates and numbers are read as clerks write them and what
 * cannot be saved is refused at the field; the keyboard reaches the details form and indents with
 * Alt+→ rather than Tab; self-assessment shows each item's indicator target and latest progress; the
 * office's review reason survives a passphrase not given.
 */
class EditingSafetyTest extends ShellTest {
    private Path dir;

    /**
     * A goal with a quantitative indicator (12 个, progress reported for the second quarter) that has
     * a task under it, and a qualitative indicator; two rectification items from the office.
     */
    @BeforeEach
    void workspace() {
        dir = home.resolve("TEST");
        try (Workspace ws = Workspace.create(dir, new Workspace.Setup(Role.UNIT,
                new OrgUnit("TEST", "测试厅", OrgKind.DEPARTMENT, "XNB"), 2008, "test"))) {
            ws.orgUnits().saveAll(List.of(new OrgUnit("TEST-A", "综合处", OrgKind.DIVISION, "TEST")));
            ws.goals().saveAll(List.of(
                    new GoalNode("g", "TEST", 2008, null, 0, NodeKind.GOAL, "目标一", null, "TEST", null, null,
                            new BigDecimal("100"), null, null, 1, false),
                    new GoalNode("i1", "TEST", 2008, "g", 0, NodeKind.INDICATOR, "完成项目数", null, "TEST-A", null,
                            LocalDate.of(2008, 12, 31), new BigDecimal("60"), new Measure.Quantitative(
                            new BigDecimal("12"), null, "个", Direction.HIGHER_BETTER), null, 1, false),
                    new GoalNode("t1", "TEST", 2008, "i1", 0, NodeKind.TASK, "项目甲开工", null, "TEST-A", null,
                            null, new BigDecimal("60"), null, null, 1, false),
                    new GoalNode("i2", "TEST", 2008, "g", 1, NodeKind.INDICATOR, "制度建设", null, "TEST-A", null,
                            null, new BigDecimal("40"), new Measure.Qualitative(List.of("好", "一般"), "好"),
                            null, 1, false)));
            ws.progress().save(new Progress("i1", 2, new BigDecimal("9"), new BigDecimal("75.0"), null, null, null,
                    null, null));
            for (int n = 1; n <= 2; n++) {
                ws.rectifications().save(new RectificationItem("r" + n, "TEST", 2008, n, "发现的问题" + n, "要求" + n,
                        LocalDate.of(2009, 6, 30), null, null, null, null, null, null, null, "feedback-1", List.of()));
            }
        }
    }

    // ---- typed text stays on its row -------------------------------------------------------

    @Test
    void detailsTypedForANodeAreSavedOnThatNodeWhenAnotherRowIsClickedOrTheScreenOrWindowChanges() {
        openGoals();
        clickTreeRow("i1");
        clickOn("#details-description").write("说明甲");
        clickOn("#details-quality").write("质量甲");
        clickTreeRow("i2"); // straight from the box, without leaving it first
        waitUntil("the quality requirement saved on 完成项目数", () -> "质量甲".equals(saved("i1").qualityRequirement()));
        assertThat(saved("i1").description()).isEqualTo("说明甲");
        assertThat(saved("i2").qualityRequirement()).isNull();
        assertThat(field("#details-quality").getText()).as("制度建设's own (empty) requirement").isEmpty();

        clickOn("#details-description").write("说明乙");
        ctrl(KeyCode.DIGIT1); // another screen, by the keyboard: the box never loses the keyboard
        waitUntil("the description saved on 制度建设", () -> "说明乙".equals(saved("i2").description()));
        ctrl(KeyCode.DIGIT2);
        clickOn("#details-title").press(KeyCode.END).release(KeyCode.END).write("（修订）");
        closeWindow();
        reopened(ws -> {
            assertThat(node(ws, "i2").title()).isEqualTo("制度建设（修订）");
            assertThat(node(ws, "i2").description()).isEqualTo("说明乙");
            assertThat(node(ws, "i1").qualityRequirement()).isEqualTo("质量甲");
        });
    }

    @Test
    void gapAnalysisTypedForAnIndicatorStaysWithThatIndicator() {
        open(dir);
        clickOn("#nav-progress");
        TableView<?> table = table("#progress-table");
        waitUntil("the two indicators", () -> table.getItems().size() == 2);
        clickTableRow("#progress-table", 0);
        clickOn("#progress-problems").write("两个项目未开工");
        clickTableRow("#progress-table", 1); // the next indicator: the text must not go there
        waitUntil("the problems saved on 完成项目数", () -> entry("i1", 2) != null
                && "两个项目未开工".equals(entry("i1", 2).problems()));
        assertThat(entry("i2", 2)).as("nothing saved on 制度建设").isNull();
        assertThat(field("#progress-problems").getText()).isEmpty();

        clickOn("#progress-causes").write("制度草案待审");
        ctrl(KeyCode.DIGIT1);
        waitUntil("the causes saved on 制度建设", () -> entry("i2", 2) != null
                && "制度草案待审".equals(entry("i2", 2).causes()));
        ctrl(KeyCode.DIGIT3);
        clickTableRow("#progress-table", 0);
        clickOn("#progress-measures").write("督促开工");
        closeWindow();
        reopened(ws -> {
            Progress p = ws.progress().findByNode("i1").stream().filter(x -> x.quarter() == 2).findFirst()
                    .orElseThrow();
            assertThat(p.problems()).isEqualTo("两个项目未开工");
            assertThat(p.measures()).isEqualTo("督促开工");
            assertThat(p.actualValue()).isEqualByComparingTo("9");
        });
    }

    @Test
    void reportSectionTextIsSavedWhenTheWindowCloses() {
        open(dir);
        clickOn("#nav-reports");
        waitUntil("the sections", () -> lookup("#reports-sections .list-cell").queryAll().stream()
                .anyMatch(c -> ((ListCell<?>) c).getItem() != null));
        clickOn(listCell("#reports-sections", 1));
        clickOn("#reports-body").press(KeyCode.CONTROL).press(KeyCode.END).release(KeyCode.END)
                .release(KeyCode.CONTROL).write("下半年再开工两个项目。");
        closeWindow();
        reopened(ws -> assertThat(ws.reports().find("TEST", 2008, ReportKind.MIDYEAR))
                .extracting(ReportSection::body).anyMatch(b -> b.endsWith("下半年再开工两个项目。")));
    }

    @Test
    void selfAssessmentReasonStaysWithItsItem() {
        open(dir);
        clickOn("#nav-selfassessment");
        TableView<?> table = table("#self-table");
        waitUntil("the scored items", () -> table.getItems().size() == 2);
        clickTableRow("#self-table", 0);
        clickOn("#self-reason").write("已开工");
        clickTableRow("#self-table", 1);
        waitUntil("the reason saved on 项目甲开工", () -> shell.current().workspace().selfAssessments().find("t1")
                .map(a -> "已开工".equals(a.narrative())).orElse(false));
        assertThat(shell.current().workspace().selfAssessments().find("i2")).isEmpty();
        clickOn("#self-reason").write("制度已印发");
        closeWindow();
        reopened(ws -> assertThat(ws.selfAssessments().find("i2").orElseThrow().narrative()).isEqualTo("制度已印发"));
    }

    @Test
    void rectificationAnswerIsSavedOnItsItemWithoutPressingSave() {
        open(dir);
        clickOn("#nav-rectification");
        TableView<?> table = table("#rectification-items");
        waitUntil("the two items", () -> table.getItems().size() == 2);
        clickTableRow("#rectification-items", 0);
        clickOn("#rectification-measure").write("建立台账");
        clickTableRow("#rectification-items", 1);
        waitUntil("the measure saved on item 1", () -> "建立台账".equals(item("r1").measure()));
        assertThat(item("r2").measure()).isEmpty();
        clickOn("#rectification-note").write("月底前完成");
        closeWindow();
        reopened(ws -> assertThat(ws.rectifications().find("r2").orElseThrow().note()).isEqualTo("月底前完成"));
    }

    @Test
    void theOfficesReviewReasonIsKeptWhenThePassphraseIsNotGiven(@TempDir Path demoDir, @TempDir Path copy)
            throws Exception {
        open(DemoOffice.importedCopy(demoDir, copy));
        clickOn("#nav-review");
        TableView<?> table = table("#review-table");
        waitUntil("the units", () -> table.getItems().size() == 7);
        clickOn("厦门市人民政府");
        clickOn("#review-return");
        waitUntil("the reason dialog", () -> !lookup("#review-dialog").queryAll().isEmpty());
        clickOn("#review-dialog-reason").write("第三项指标缺少量化目标，请补充后重报。");
        clickOn(defaultButton("#review-dialog"));
        waitUntil("the passphrase asked", () -> !lookup("#unlock-passphrase").queryAll().isEmpty());
        type(KeyCode.ESCAPE); // no passphrase at hand: nothing is sent
        waitUntil("the passphrase dialog gone", () -> lookup("#unlock-passphrase").queryAll().isEmpty());
        clickOn("#review-return");
        waitUntil("the reason dialog again", () -> !lookup("#review-dialog-reason").queryAll().isEmpty());
        assertThat(field("#review-dialog-reason").getText()).isEqualTo("第三项指标缺少量化目标，请补充后重报。");
        type(KeyCode.ESCAPE);
        assertThat(shell.current().workspace().reviews().latest("XM", 2008)).isEmpty();
    }

    // ---- fields accept what clerks type ----------------------------------------------------

    @Test
    void eachDateFormIsReadAsTheDateMeant() {
        openGoals();
        clickTreeRow("i1");
        List<List<String>> forms = List.of(List.of("2026-09-30", "2026-09-30"), List.of("2026/9/30", "2026-09-30"),
                List.of("2026.9.29", "2026-09-29"), List.of("2026年9月28日", "2026-09-28"),
                List.of("9月27日", "2008-09-27"), List.of("２０２６／９／２６", "2026-09-26"));
        for (List<String> form : forms) {
            typeInto("#details-deadline .text-field", form.get(0));
            type(KeyCode.ENTER);
            waitUntil("the deadline " + form.get(0) + " saved as " + form.get(1),
                    () -> LocalDate.parse(form.get(1)).equals(saved("i1").deadline()));
        }
        // Typed without Enter, then another node: saved all the same.
        typeInto("#details-deadline .text-field", "2026/10/8");
        clickTreeRow("i2");
        waitUntil("the deadline saved on leaving", () -> LocalDate.of(2026, 10, 8).equals(saved("i1").deadline()));
        // Text that is no date stays in the field with the reason; the saved date is kept.
        clickTreeRow("i1");
        typeInto("#details-deadline .text-field", "下月底");
        type(KeyCode.ENTER);
        waitUntil("the reason", () -> label("#goals-message").getText().contains("下月底"));
        assertThat(field("#details-deadline .text-field").getText()).isEqualTo("下月底");
        assertThat(saved("i1").deadline()).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void aNegativeWeightIsRefusedAtTheFieldAndNotSaved() {
        openGoals();
        clickTreeRow("i1");
        typeInto("#details-weight", "-5");
        type(KeyCode.ENTER);
        waitUntil("the reason beside the form", () -> label("#goals-message").getText().contains("负数"));
        assertThat(label("#goals-message").isVisible()).isTrue();
        assertThat(lookup("#details-weight").query().getStyleClass()).contains("field-error");
        assertThat(field("#details-weight").getText()).isEqualTo("-5");
        // Clicking another node does not drop it: the form stays on 完成项目数 with the entry.
        clickTreeRow("i2");
        waitUntil("back on 完成项目数", () -> field("#details-title").getText().equals("完成项目数"));
        assertThat(field("#details-weight").getText()).isEqualTo("-5");
        assertThat(saved("i1").weight()).isEqualByComparingTo("60");

        typeInto("#details-weight", "abc");
        type(KeyCode.ENTER);
        waitUntil("the reason for text", () -> label("#goals-message").getText().contains("abc"));
        clickOn("#details-weight");
        type(KeyCode.ESCAPE); // cancel: the saved points come back
        assertThat(field("#details-weight").getText()).isEqualTo("60");
        assertThat(label("#goals-message").getText()).isEmpty();
        typeInto("#details-weight", "５５"); // full-width digits, as a Chinese input method types them
        type(KeyCode.ENTER);
        waitUntil("55 points saved", () -> saved("i1").weight().compareTo(new BigDecimal("55")) == 0);
        assertThat(lookup("#details-weight").query().getStyleClass()).doesNotContain("field-error");
    }

    // ---- keyboard --------------------------------------------------------------------------

    @Test
    void tabFromTheTreeReachesTheDetailsFormAndF6MovesBetweenPanes() {
        openGoals();
        clickTreeRow("i1");
        type(KeyCode.TAB);
        waitUntil("the keyboard in the details form", () -> isIn(focusOwner(), "#goals-details"));
        type(KeyCode.F6);
        waitUntil("the keyboard in the problems list", () -> isIn(focusOwner(), "#goals-problems"));
        type(KeyCode.F6);
        waitUntil("the keyboard in the navigation", () -> isIn(focusOwner(), "#nav"));
        type(KeyCode.F6);
        waitUntil("the keyboard back in the tree", () -> isIn(focusOwner(), "#goals-table"));
        press(KeyCode.SHIFT).type(KeyCode.F6).release(KeyCode.SHIFT);
        waitUntil("Shift+F6 goes back to the navigation", () -> isIn(focusOwner(), "#nav"));
    }

    @Test
    void altRightIndentsAndTabDoesNot() {
        openGoals();
        clickTreeRow("i2");
        type(KeyCode.TAB);
        sleep(300);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(saved("i2").parentId()).as("Tab does not indent").isEqualTo("g");
        // The row is selected already: a click would open its title for typing; the keyboard goes back.
        interact(() -> lookup("#goals-table").query().requestFocus());
        press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        waitUntil("制度建设 under 完成项目数", () -> "i1".equals(saved("i2").parentId()));
        press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
        waitUntil("制度建设 back under the goal", () -> "g".equals(saved("i2").parentId()));
    }

    // ---- self-assessment beside progress ---------------------------------------------------

    @Test
    void selfAssessmentShowsEachItemsIndicatorTargetAndLatestProgress() {
        open(dir);
        clickOn("#nav-selfassessment");
        TableView<?> table = table("#self-table");
        waitUntil("the scored items", () -> table.getItems().size() == 2);
        // Columns: item, owner, points, target, latest progress, score, level, evidence.
        assertThat(table.getColumns().get(0).getCellData(0)).isEqualTo("项目甲开工");
        assertThat(String.valueOf(table.getColumns().get(3).getCellData(0))).contains("12 个").contains("完成项目数");
        assertThat(String.valueOf(table.getColumns().get(4).getCellData(0))).isEqualTo("第 2 季度：实际 9 个，完成 75.0%");
        assertThat(String.valueOf(table.getColumns().get(3).getCellData(1))).isEqualTo("好");
        assertThat(String.valueOf(table.getColumns().get(4).getCellData(1))).isEqualTo("尚未报告进度");
        assertThat(table.getColumns().get(5).getText()).isEqualTo("自评分");
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void openGoals() {
        open(dir);
        clickOn("#nav-goals");
        TreeTableView<?> table = lookup("#goals-table").queryAs(TreeTableView.class);
        waitUntil("the tree", () -> table.getRoot() != null && !table.getRoot().getChildren().isEmpty());
    }

    private GoalNode saved(String id) {
        return node(shell.current().workspace(), id);
    }

    private static GoalNode node(Workspace ws, String id) {
        return ws.goals().find(id).orElseThrow();
    }

    private Progress entry(String id, int quarter) {
        return shell.current().workspace().progress().findByNode(id).stream().filter(p -> p.quarter() == quarter)
                .findFirst().orElse(null);
    }

    private RectificationItem item(String id) {
        return shell.current().workspace().rectifications().find(id).orElseThrow();
    }

    /** Closes the window as its close button does, then ends the program as PerfDeskApp.stop() does. */
    private void closeWindow() {
        interact(() -> Event.fireEvent(stage, new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        interact(() -> shell.shutdown());
    }

    /** The workspace as the next start of the program opens it. */
    private void reopened(Consumer<Workspace> check) {
        try (Workspace ws = Workspace.open(dir)) {
            check.accept(ws);
        }
    }

    private void ctrl(KeyCode key) {
        press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
    }

    private void typeInto(String query, String text) {
        clickOn(query);
        press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        type(KeyCode.BACK_SPACE);
        write(text);
    }

    private void clickTreeRow(String id) {
        Predicate<Node> row = n -> n instanceof TreeTableRow<?> r && r.getItem() instanceof GoalNode g
                && g.id().equals(id);
        waitUntil("the row of " + id, () -> lookup("#goals-table .tree-table-row-cell").match(row).tryQuery()
                .isPresent());
        clickOn(lookup("#goals-table .tree-table-row-cell").match(row).query().lookup(".tree-table-cell"));
    }

    private void clickTableRow(String tableId, int index) {
        Predicate<Node> row = n -> n instanceof TableRow<?> r && r.getIndex() == index && r.getItem() != null;
        waitUntil("row " + index, () -> lookup(tableId + " .table-row-cell").match(row).tryQuery().isPresent());
        clickOn(lookup(tableId + " .table-row-cell").match(row).query().lookup(".table-cell"));
    }

    private Node listCell(String listId, int index) {
        return lookup(listId + " .list-cell").match(n -> n instanceof ListCell<?> c && c.getIndex() == index
                && c.getItem() != null).query();
    }

    private javafx.scene.control.Button defaultButton(String dialog) {
        return lookup(dialog + " .button").match(b -> b instanceof javafx.scene.control.Button bt
                && bt.isDefaultButton()).queryButton();
    }

    private TableView<?> table(String id) {
        return lookup(id).queryAs(TableView.class);
    }

    private TextInputControl field(String query) {
        return lookup(query).queryAs(TextInputControl.class);
    }

    private Label label(String query) {
        return lookup(query).queryAs(Label.class);
    }

    private Node focusOwner() {
        return stage.getScene().getFocusOwner();
    }

    private boolean isIn(Node node, String query) {
        Node container = lookup(query).query();
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == container) {
                return true;
            }
        }
        return false;
    }
}
