package org.perfdesk.ui.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.IndicatorSystem;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.ShellTest;

/**
 * A department links its goal tree to the office's indicator system: by name in one go, one indicator by hand
 * (undone and done again), the one it lacks added under a goal; the screen counts what is linked and missing.
 */
class SystemLinkFlowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    private static DemoBuilder demo;

    @BeforeAll
    static void buildDemo() {
        demo = DemoBuilder.bundled();
        demo.build(demoDir, "test");
    }

    @Test
    void linkByNameByHandAndAddTheMissingOne() throws Exception {
        Path slt = demo.folderOf(demoDir, "SLT");
        // The system as the office's INDICATORS package leaves it at the unit.
        try (Workspace ws = Workspace.open(slt)) {
            ws.planStage().systems().save(new IndicatorSystem(2008, RankingGroup.PROVINCIAL_DEPARTMENTS, List.of(
                    item("D1", "水利建设", 1, null),
                    item("D1.1", "全省水利建设完成投资", 2, "D1"),
                    item("D1.2", "病险水库除险加固完工座数", 2, "D1"),
                    item("D1.3", "水利工程建设质量抽检合格率", 2, "D1"))), null);
        }
        open(slt);
        clickOn("#nav-system");
        @SuppressWarnings("unchecked")
        TableView<SystemLinkViewModel.Row> table = lookup("#system-table").queryAs(TableView.class);
        waitUntil("the system", () -> table.getItems().size() == 4);
        Label summary = lookup("#system-summary").queryAs(Label.class);
        assertThat(row(table, "D1.1").state()).isEqualTo("建议：全省水利建设完成投资");

        clickOn("#system-link-by-name");
        waitUntil("linked by name", () -> row(table, "D1.1").linked() != null);
        assertThat(node(slt, "全省水利建设完成投资").systemCode()).isEqualTo("D1.1");

        // By hand: 病险水库除险加固完工座数 is the department's 中型病险水库除险加固完工数.
        interact(() -> table.getSelectionModel().select(row(table, "D1.2")));
        @SuppressWarnings("unchecked")
        ComboBox<GoalNode> indicator = lookup("#system-indicator").queryAs(ComboBox.class);
        interact(() -> indicator.setValue(indicator.getItems().stream()
                .filter(n -> n.title().equals("中型病险水库除险加固完工数")).findFirst().orElseThrow()));
        clickOn("#system-link");
        waitUntil("linked by hand", () -> row(table, "D1.2").linked() != null);
        assertThat(row(table, "D1.2").state()).isEqualTo("中型病险水库除险加固完工数");
        clickOn("#system-undo");
        waitUntil("undone", () -> row(table, "D1.2").linked() == null);
        assertThat(node(slt, "中型病险水库除险加固完工数").systemCode()).isNull();
        assertThat(row(table, "D1.1").linked()).as("the earlier link stays").isNotNull();
        interact(() -> table.getSelectionModel().select(row(table, "D1.2")));
        clickOn("#system-link");
        waitUntil("linked again", () -> row(table, "D1.2").linked() != null);

        // The one the tree lacks, added under a goal, linked to its code.
        assertThat(row(table, "D1.3").state()).isEqualTo("未对应：目标分解中缺少");
        @SuppressWarnings("unchecked")
        ComboBox<GoalNode> goal = lookup("#system-goal").queryAs(ComboBox.class);
        interact(() -> goal.setValue(goal.getItems().stream().filter(n -> n.title().equals("水利基础设施建设"))
                .findFirst().orElseThrow()));
        clickOn("#system-add-missing");
        waitUntil("the missing one added", () -> row(table, "D1.3").linked() != null);
        assertThat(node(slt, "水利工程建设质量抽检合格率").systemCode()).isEqualTo("D1.3");
        assertThat(summary.getText()).contains("3/3");
    }

    private static IndicatorSystem.Item item(String code, String name, int level, String parent) {
        return new IndicatorSystem.Item(code, name, level, parent, BigDecimal.valueOf(5), null, null, "省统计局", "");
    }

    private static SystemLinkViewModel.Row row(TableView<SystemLinkViewModel.Row> t, String code) {
        return t.getItems().stream().filter(r -> r.item().code().equals(code)).findFirst().orElseThrow();
    }

    private GoalNode node(Path slt, String title) {
        return shell.current().workspace().goals().findAll("SLT", 2008).stream()
                .filter(n -> !n.deleted() && n.title().equals(title)).findFirst().orElseThrow();
    }
}
