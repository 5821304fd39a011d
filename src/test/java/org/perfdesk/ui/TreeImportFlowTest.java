package org.perfdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.report.xlsx.Field;
import org.perfdesk.report.xlsx.GoalTreeXlsx;
import org.perfdesk.report.xlsx.OrgXlsx;
import org.perfdesk.report.xlsx.TreeWorkbook;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.goaltree.GoalTreeView;
import org.perfdesk.ui.xlsximport.TreeImportViewModel;

/**
 * A unit whose goals live in its own workbook brings them in from the goal-tree screen: it chooses
 * the sheets, corrects a column, sees the tree and the divisions that will be created, confirms, and
 * finds the tree, the divisions and — the next time — the corrected column mapping remembered.
 */
class TreeImportFlowTest extends ShellTest {
    private static final Path CORPUS = Path.of("src/test/resources/org/perfdesk/report/xlsx/corpus");
    private Path dir;

    @BeforeEach
    void workspace() {
        dir = home.resolve("JSJ");
        Workspace.create(dir, new Workspace.Setup(Role.UNIT, new OrgUnit("JSJ", "市交通运输局", OrgKind.DEPARTMENT, "XNB"),
                2026, "test")).close();
    }

    private GoalTreeView goalScreen() {
        clickOn("#nav-goals");
        waitUntil("the goal tree", () -> !lookup("#goals-table").queryAll().isEmpty());
        return (GoalTreeView) lookup("#screen-goals").query().getProperties().get(Screen.class);
    }

    private DialogPane dialog() {
        waitUntil("the import dialog", () -> lookup("#xlsx-import").tryQuery().isPresent());
        return lookup("#xlsx-import").queryAs(DialogPane.class);
    }

    private Label header(DialogPane pane) {
        return (Label) pane.lookup(".dialog-step");
    }

    @Test
    void departmentsSheetsAreChosenAColumnCorrectedTheTreeAndDivisionsPreviewedConfirmedAndTheMappingRemembered() {
        open(dir);
        GoalTreeView screen = goalScreen();
        Path file = CORPUS.resolve("departments.xlsx");
        interact(() -> screen.importXlsx(file));
        DialogPane pane = dialog();

        // The sheet choice: the two divisions' sheets, not the empty formatted one nor the hidden copy.
        @SuppressWarnings("unchecked")
        TableView<TreeImportViewModel.SheetChoice> sheets = lookup("#xlsx-sheets").queryAs(TableView.class);
        assertThat(sheets.getItems()).extracting(s -> s.info().name(), s -> s.chosenProperty().get())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("办公室", true),
                        org.assertj.core.groups.Tuple.tuple("财务处", true),
                        org.assertj.core.groups.Tuple.tuple("Sheet3", false),
                        org.assertj.core.groups.Tuple.tuple("办公室 (2)", false));
        CheckBox oneGoal = lookup("#xlsx-one-goal").queryAs(CheckBox.class);
        assertThat(oneGoal.isSelected()).as("one goal per department's sheet").isTrue();
        clickOn("#xlsx-next");

        // The mapping step: the guess per column, and one correction (完成时限 of 办公室 not imported).
        waitUntil("the mapping", () -> lookup("#xlsx-mapping").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<TreeImportViewModel.ColumnChoice> mapping = lookup("#xlsx-mapping").queryAs(TableView.class);
        assertThat(mapping.getItems()).extracting(c -> c.info().letter() + " " + c.info().heading() + " → "
                + c.fieldProperty().get()).containsExactly("A 指标名称 → NAME", "B 分值 → WEIGHT", "C 目标值 → TARGET",
                "D 完成时限 → DEADLINE");
        @SuppressWarnings("unchecked")
        ComboBox<Field> deadline = lookup("#xlsx-field-D").queryAs(ComboBox.class);
        interact(() -> deadline.setValue(Field.IGNORE));
        clickOn("#xlsx-next");

        // The preview: the tree as it will be, and the divisions that will be created; nothing written yet.
        waitUntil("the preview", () -> lookup("#xlsx-preview-tree").tryQuery().isPresent());
        assertThat(header(pane).getText()).startsWith("可以导入：新增 6、修改 0、未变 0、删除 0 个节点。 将新建组织 2 个。");
        @SuppressWarnings("unchecked")
        TreeTableView<GoalNode> tree = lookup("#xlsx-preview-tree").queryAs(TreeTableView.class);
        List<TreeItem<GoalNode>> goals = tree.getRoot().getChildren();
        assertThat(goals).extracting(g -> g.getValue().title()).containsExactly("办公室2026年度绩效目标", "财务处");
        assertThat(goals.get(0).getChildren()).extracting(i -> i.getValue().deadline()).containsOnlyNulls();
        assertThat(goals.get(1).getChildren()).extracting(i -> String.valueOf(i.getValue().deadline()))
                .containsExactly("2026-12-31", "2026-03-31");
        @SuppressWarnings("unchecked")
        ListView<String> orgs = lookup("#xlsx-new-orgs").queryAs(ListView.class);
        assertThat(orgs.getItems()).containsExactly("处室 办公室（上级：市交通运输局）", "处室 财务处（上级：市交通运输局）");
        @SuppressWarnings("unchecked")
        ListView<String> lines = lookup("#xlsx-lines").queryAs(ListView.class);
        assertThat(lines.getItems()).anySatisfy(l -> assertThat(l).isEqualTo("「办公室 (2)」工作表“办公室 (2)”是隐藏的，未导入。"))
                .anySatisfy(l -> assertThat(l).startsWith("「财务处」第 2 行「完成时限」：“12月31日”读作 2026-12-31。"));
        assertThat(shell.current().workspace().goals().findAll("JSJ", 2026)).as("nothing before confirming").isEmpty();
        assertThat(shell.current().workspace().orgUnits().findAll()).hasSize(1);

        // The confirmation and the result.
        clickOn("#xlsx-import-button");
        waitUntil("the result", () -> lookup("#xlsx-result").tryQuery().isPresent());
        assertThat(lookup("#xlsx-result").queryAs(Label.class).getText())
                .isEqualTo("目标分解：新增 6、修改 0、未变 0、删除 0 个节点；新建组织 2 个。");
        Workspace ws = shell.current().workspace();
        assertThat(ws.goals().findAll("JSJ", 2026)).hasSize(6);
        assertThat(ws.orgUnits().findSubtree("JSJ")).extracting(OrgUnit::name).containsExactly("市交通运输局", "办公室", "财务处");
        assertThat(ws.backupsDir().toFile().list()).isNotEmpty();
        clickOn(lookup("#xlsx-import .button").match(b -> b instanceof Button bt && bt.isCancelButton()).queryButton());
        @SuppressWarnings("unchecked")
        TreeTableView<GoalNode> goalsTable = lookup("#goals-table").queryAs(TreeTableView.class);
        waitUntil("the imported tree on screen", () -> goalsTable.getRoot() != null
                && goalsTable.getRoot().getChildren().size() == 2);

        // The correction is remembered for the next import of the same form.
        TreeWorkbook again = GoalTreeXlsx.open(ws, file);
        assertThat(again.sheet("办公室").remembered()).isTrue();
        assertThat(again.mapping("办公室").field(3)).isEqualTo(Field.IGNORE);
        assertThat(again.mapping("财务处").field(3)).isEqualTo(Field.DEADLINE);
    }

    @Test
    void aFormWithValuesThatCannotBeReadIsRefusedRowByRowAndNothingCanBeImported() {
        open(dir);
        GoalTreeView screen = goalScreen();
        interact(() -> screen.importXlsx(CORPUS.resolve("bad-values.xlsx")));
        DialogPane pane = dialog();
        waitUntil("the mapping", () -> lookup("#xlsx-mapping").tryQuery().isPresent());
        assertThat(lookup("#xlsx-sheets").tryQuery()).as("one sheet: no choice to make").isEmpty();
        clickOn("#xlsx-next");
        try {
            waitUntil("the refusal", () -> header(pane).getText().startsWith("表格中有 3 处问题"));
        } catch (AssertionError e) {
            throw new AssertionError("header: " + header(pane).getText(), e);
        }
        @SuppressWarnings("unchecked")
        ListView<String> lines = lookup("#xlsx-lines").queryAs(ListView.class);
        assertThat(lines.getItems()).startsWith("第 2 行「分值」：“三十”不是数字。此列只填数字，单位写在「计量单位」列。");
        assertThat(lookup("#xlsx-import-button").queryButton().isDisabled()).isTrue();
        clickOn("#xlsx-back");
        waitUntil("the mapping again", () -> lookup("#xlsx-mapping").tryQuery().isPresent());
        assertThat(shell.current().workspace().goals().findAll("JSJ", 2026)).isEmpty();
    }

    @Test
    void anotherUnitsOrganisationSheetIsPreviewedAndImportedFromTheOwnersDialog() throws Exception {
        Path source = home.resolve("SRC");
        Path sheet = home.resolve("org.xlsx");
        try (Workspace ws = Workspace.create(source, new Workspace.Setup(Role.UNIT,
                new OrgUnit("SRC", "原单位", OrgKind.DEPARTMENT, "XNB"), 2026, "test"))) {
            ws.orgUnits().saveAll(List.of(new OrgUnit("SRC-01", "综合处", OrgKind.DIVISION, "SRC"),
                    new OrgUnit("SRC-01-01", "赵敏（处长）", OrgKind.PERSON, "SRC-01")));
            OrgXlsx.export(ws, "SRC", sheet);
        }
        open(dir);
        goalScreen();
        clickOn("#goals-owners");
        waitUntil("the owners dialog", () -> lookup("#owners-tree").tryQuery().isPresent());
        DialogPane owners = lookup("#owners-dialog").queryAs(DialogPane.class);
        Object dialog = owners.getProperties().values().stream()
                .filter(v -> v.getClass().getSimpleName().equals("OwnersDialog")).findFirst().orElseThrow();
        var importXlsx = dialog.getClass().getDeclaredMethod("importXlsx", Path.class);
        importXlsx.setAccessible(true);
        interact(() -> {
            try {
                importXlsx.invoke(dialog, sheet);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        waitUntil("the organisation preview", () -> lookup("#org-import").tryQuery().isPresent());
        DialogPane preview = lookup("#org-import").queryAs(DialogPane.class);
        assertThat(preview.getHeaderText()).startsWith("将新建组织 2 个");
        @SuppressWarnings("unchecked")
        ListView<String> lines = lookup("#org-import-lines").queryAs(ListView.class);
        assertThat(lines.getItems()).containsExactly("处室 综合处（上级：市交通运输局）", "责任人 赵敏（处长）（上级：综合处）");
        clickOn(lookup("#org-import .button").match(b -> b instanceof Button bt && bt.isDefaultButton()).queryButton());
        waitUntil("the organisations", () -> shell.current().workspace().orgUnits().findAll().size() == 3);
        assertThat(shell.current().workspace().orgUnits().findSubtree("JSJ")).extracting(OrgUnit::name, OrgUnit::parentCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("市交通运输局", "XNB"),
                        org.assertj.core.groups.Tuple.tuple("综合处", "JSJ"),
                        org.assertj.core.groups.Tuple.tuple("赵敏（处长）", "SRC-01"));
    }
}
