package org.perfdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.Texts;
import org.perfdesk.store.Workspace;
import org.perfdesk.exchange.demo.DemoBuilder;

/** The demo opened headless, as a person would walk through it. */
class MainWindowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    private static DemoBuilder demo;

    @BeforeAll
    static void buildDemo() {
        demo = DemoBuilder.bundled();
        demo.build(demoDir, "test");
    }

    private void open(String code) {
        open(demo.folderOf(demoDir, code));
    }

    private static void waitUntil(BooleanSupplier condition) {
        waitUntil("the expected state", condition);
    }

    private GoalTree treeOf(String code) {
        try (Workspace ws = Workspace.open(demo.folderOf(demoDir, code))) {
            return ws.goals().loadTree(code, 2008);
        }
    }

    @Test
    void headerAndStatusBarNameTheUnitYearAndRole() {
        GoalTree expected = treeOf("SLT");
        open("SLT");
        assertThat(lookup("#header-unit").queryAs(Label.class).getText()).isEqualTo("福建省水利厅");
        assertThat(lookup("#header-role").queryAs(Label.class).getText()).isEqualTo("单位");
        assertThat(lookup("#header-year").queryAs(ComboBox.class).getValue()).isEqualTo(2008);
        assertThat(lookup("#status-context").queryAs(Label.class).getText()).isEqualTo("福建省水利厅 · 2008 年度 · 单位");
        assertThat(lookup("#status-workspace").queryAs(Label.class).getText()).contains(demoDir.toString());
        assertThat(stage.getTitle()).contains("福建省水利厅");
        assertThat(expected.size()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void navigationWalksEveryScreenOfAUnit() {
        open("SLT");
        @SuppressWarnings("unchecked")
        ListView<Object> nav = lookup("#nav").queryAs(ListView.class);
        List<String> ids = List.of("overview", "goals", "progress", "reports", "selfassessment", "result",
                "rectification", "exchange", "settings");
        assertThat(nav.getItems()).hasSize(ids.size());
        for (String id : ids) {
            clickOn("#nav-" + id);
            waitUntil("screen " + id, () -> !lookup("#screen-" + id).queryAll().isEmpty());
            assertThat(lookup("#screen-" + id).query().isVisible()).as(id).isTrue();
        }
        // Keyboard: Ctrl+2 goes to the goal tree.
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> !lookup("#screen-goals").queryAll().isEmpty());
        assertThat(nav.getSelectionModel().getSelectedIndex()).isEqualTo(1);
    }

    @Test
    void goalTreeShowsTheWholeDemoTree() {
        GoalTree expected = treeOf("SLT");
        open("SLT");
        clickOn("#nav-goals");
        @SuppressWarnings("unchecked")
        TreeTableView<GoalNode> table = lookup("#goals-table").queryAs(TreeTableView.class);
        waitUntil(() -> table.getRoot() != null && !table.getRoot().getChildren().isEmpty());

        assertThat(table.getRoot().getChildren()).extracting(TreeItem::getValue).extracting(GoalNode::title)
                .containsExactlyElementsOf(expected.roots().stream().map(GoalNode::title).toList());
        assertThat(countItems(table.getRoot()) - 1).isEqualTo(expected.size());
        assertThat(lookup("#goals-summary").queryAs(Label.class).getText())
                .startsWith("共 " + expected.size() + " 个节点，" + expected.height() + " 级");
        // The demo's owners are resolved to names, not codes.
        GoalNode firstIndicator = expected.inOrder().stream().filter(n -> n.kind().isMeasurable()).findFirst().orElseThrow();
        String owner = (String) column(table, "责任单位 / 责任人").getCellData(findItem(table.getRoot(), firstIndicator.id()));
        assertThat(owner).isNotBlank().isNotEqualTo(firstIndicator.ownerCode());
    }

    @Test
    void problemListJumpsToTheNode() {
        open("NYT");
        clickOn("#nav-goals");
        @SuppressWarnings("unchecked")
        ListView<Object> problems = lookup("#goals-problems").queryAs(ListView.class);
        waitUntil(() -> !problems.getItems().isEmpty());
        assertThat(problems.getItems()).hasSize(1);

        clickOn(lookup("#goals-problems .list-cell").nth(0).queryAs(Node.class));
        @SuppressWarnings("unchecked")
        TreeTableView<GoalNode> table = lookup("#goals-table").queryAs(TreeTableView.class);
        waitUntil(() -> table.getSelectionModel().getSelectedItem() != null);
        GoalNode selected = table.getSelectionModel().getSelectedItem().getValue();
        assertThat(problems.getItems().get(0).toString()).contains(selected.id());
        assertThat(column(table, "问题").getCellData(table.getSelectionModel().getSelectedItem())).isEqualTo("⚠ 1");
    }

    @Test
    void statusFilterShowsTheAtRiskIndicatorsInTheirPlace() {
        java.util.Set<String> atRisk = new java.util.HashSet<>();
        try (Workspace ws = Workspace.open(demo.folderOf(demoDir, "SLT"))) {
            var progress = ws.progress().findByUnit("SLT", 2008);
            int latest = progress.stream().mapToInt(p -> p.quarter()).max().orElseThrow();
            // The year is over: what is left behind (滞后) is what missed its target.
            progress.stream().filter(p -> p.quarter() == latest && p.status() == ProgressStatus.BEHIND)
                    .forEach(p -> atRisk.add(p.nodeId()));
        }
        assertThat(atRisk).isNotEmpty();
        GoalTree tree = treeOf("SLT");
        open("SLT");
        clickOn("#nav-goals");
        @SuppressWarnings("unchecked")
        TreeTableView<GoalNode> table = lookup("#goals-table").queryAs(TreeTableView.class);
        waitUntil(() -> table.getRoot() != null && !table.getRoot().getChildren().isEmpty());
        @SuppressWarnings("unchecked")
        ComboBox<ProgressStatus> status = lookup("#goals-filter-status").queryAs(ComboBox.class);
        interact(() -> status.setValue(ProgressStatus.BEHIND));
        waitUntil(() -> countItems(table.getRoot()) - 1 < tree.size());

        List<GoalNode> shown = new java.util.ArrayList<>();
        collect(table.getRoot(), shown);
        // The matches, and above them only their goals and sub-goals (so they keep their place).
        assertThat(shown).filteredOn(n -> n.kind().isMeasurable() && atRisk.contains(n.id()))
                .extracting(GoalNode::id).containsExactlyInAnyOrderElementsOf(atRisk);
        assertThat(shown).filteredOn(n -> !atRisk.contains(n.id())).allSatisfy(n ->
                assertThat(tree.inOrder()).anySatisfy(d -> {
                    assertThat(atRisk).contains(d.id());
                    assertThat(isAncestor(tree, n.id(), d)).isTrue();
                }));
        assertThat(status.getConverter().toString(ProgressStatus.AT_RISK)).isEqualTo("有风险");

        interact(() -> status.setValue(null));
        waitUntil(() -> countItems(table.getRoot()) - 1 == tree.size());
    }

    private static boolean isAncestor(GoalTree tree, String ancestorId, GoalNode node) {
        for (String p = node.parentId(); p != null; p = tree.find(p).map(GoalNode::parentId).orElse(null)) {
            if (p.equals(ancestorId)) {
                return true;
            }
        }
        return false;
    }

    private static void collect(TreeItem<GoalNode> item, List<GoalNode> out) {
        for (TreeItem<GoalNode> c : item.getChildren()) {
            out.add(c.getValue());
            collect(c, out);
        }
    }

    @Test
    void progressShowsTheLatestQuarter() {
        long indicators = treeOf("SLT").inOrder().stream().filter(n -> n.measure() != null).count();
        long onTrack;
        long atRisk;
        try (Workspace ws = Workspace.open(demo.folderOf(demoDir, "SLT"))) {
            List<org.perfdesk.domain.Progress> q4 = ws.progress().findByUnit("SLT", 2008).stream()
                    .filter(p -> p.quarter() == 4).toList();
            onTrack = q4.stream().filter(p -> p.status() == org.perfdesk.domain.ProgressStatus.ON_TRACK).count();
            atRisk = q4.stream().filter(p -> p.status() == org.perfdesk.domain.ProgressStatus.AT_RISK).count();
        }
        open("SLT");
        clickOn("#nav-progress");
        @SuppressWarnings("unchecked")
        TableView<Object> table = lookup("#progress-table").queryAs(TableView.class);
        waitUntil(() -> !table.getItems().isEmpty());
        assertThat(lookup("#progress-quarter").queryAs(ComboBox.class).getValue()).isEqualTo(4);
        assertThat(lookup("#progress-summary").queryAs(Label.class).getText())
                .startsWith("第 4 季度：正常 " + onTrack + "，有风险 " + atRisk + "，");
        assertThat(table.getItems()).hasSize((int) indicators);
    }

    @Test
    void officeSeesItsUnits() {
        open(demo.office().code());
        assertThat(lookup("#header-role").queryAs(Label.class).getText()).isEqualTo("效能办");
        clickOn("#nav-units");
        @SuppressWarnings("unchecked")
        TableView<Object> units = lookup("#units-table").queryAs(TableView.class);
        waitUntil(() -> !units.getItems().isEmpty());
        assertThat(units.getItems()).hasSize(7);
        for (String id : List.of("inbox", "review", "assessment", "appraisal", "inspection", "results", "scheme", "audit")) {
            clickOn("#nav-" + id);
            waitUntil(() -> !lookup("#screen-" + id).queryAll().isEmpty());
        }
    }

    @Test
    void aCityCollectsFromItsSubUnits() {
        open("XM");
        clickOn("#nav-subunits");
        @SuppressWarnings("unchecked")
        TableView<Object> units = lookup("#units-table").queryAs(TableView.class);
        waitUntil(() -> !units.getItems().isEmpty());
        assertThat(units.getItems()).allSatisfy(u -> assertThat(u.toString()).doesNotContain("DIVISION", "PERSON"));
    }

    @Test
    void languageSwitchesToEnglishAndBack() {
        open("SLT");
        clickOn("#nav-settings");
        @SuppressWarnings("unchecked")
        ComboBox<String> language = lookup("#settings-language").queryAs(ComboBox.class);
        interact(() -> language.getSelectionModel().select(1));
        waitUntil(() -> lookup("#nav-goals").queryAll().stream().anyMatch(n -> n.isVisible()));
        assertThat(lookup("#header-role").queryAs(Label.class).getText()).isEqualTo("Unit");
        assertThat(lookup("#nav-goals").queryLabeled().getText()).isEqualTo("Goal tree");
        interact(() -> Texts.use(Texts.CHINESE));
    }

    @Test
    void switchingTheYearShowsThatYearsTreeAndIsRemembered(@TempDir Path other) {
        Path dir = other.resolve("TEST");
        try (Workspace ws = Workspace.create(dir, new Workspace.Setup(org.perfdesk.domain.Role.UNIT,
                new org.perfdesk.domain.OrgUnit("TEST", "测试单位", org.perfdesk.domain.OrgKind.DEPARTMENT, "XNB"),
                2008, "test"))) {
            ws.goals().save(GoalNode.create("TEST", 2008, null, 0, org.perfdesk.domain.NodeKind.GOAL, "二〇〇八年的目标"));
            ws.years().open(2009);
            ws.goals().save(GoalNode.create("TEST", 2009, null, 0, org.perfdesk.domain.NodeKind.GOAL, "二〇〇九年的目标"));
        }
        open(dir);
        clickOn("#nav-goals");
        @SuppressWarnings("unchecked")
        TreeTableView<GoalNode> table = lookup("#goals-table").queryAs(TreeTableView.class);
        waitUntil("the 2008 tree", () -> table.getRoot() != null && table.getRoot().getChildren().size() == 1
                && table.getRoot().getChildren().get(0).getValue().title().equals("二〇〇八年的目标"));

        @SuppressWarnings("unchecked")
        ComboBox<Integer> year = lookup("#header-year").queryAs(ComboBox.class);
        assertThat(year.getItems()).containsExactly(2008, 2009);
        interact(() -> year.setValue(2009));
        waitUntil("the 2009 tree", () -> table.getRoot().getChildren().size() == 1
                && table.getRoot().getChildren().get(0).getValue().title().equals("二〇〇九年的目标"));
        assertThat(lookup("#status-context").queryAs(Label.class).getText()).contains("2009 年度");

        interact(() -> shell.shutdown());
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.currentYear()).isEqualTo(2009);
        }
    }

    static javafx.scene.control.TreeTableColumn<GoalNode, ?> column(TreeTableView<GoalNode> table, String header) {
        return table.getColumns().stream().filter(c -> c.getText().equals(header)).findFirst().orElseThrow();
    }

    private static int countItems(TreeItem<?> item) {
        int n = 1;
        for (TreeItem<?> c : item.getChildren()) {
            n += countItems(c);
        }
        return n;
    }

    private static TreeItem<GoalNode> findItem(TreeItem<GoalNode> item, String id) {
        if (item.getValue() != null && item.getValue().id().equals(id)) {
            return item;
        }
        for (TreeItem<GoalNode> c : item.getChildren()) {
            TreeItem<GoalNode> found = findItem(c, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
