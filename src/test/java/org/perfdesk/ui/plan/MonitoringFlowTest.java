package org.perfdesk.ui.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.MonitoringRecord;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.ui.ShellTest;

/**
 * A department records its first quarter's 汇报 (refused without a date, then with the date as a clerk types
 * it and an indicator discussed), removes it by mistake and undoes that.
 */
class MonitoringFlowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    private static DemoBuilder demo;

    @BeforeAll
    static void buildDemo() {
        demo = DemoBuilder.bundled();
        demo.build(demoDir, "test");
    }

    @Test
    void recordAQuarterlyReportRemoveItAndUndo() {
        open(demo.folderOf(demoDir, "SLT"));
        clickOn("#nav-monitoring");
        @SuppressWarnings("unchecked")
        TableView<MonitoringRecord> table = lookup("#monitoring-table").queryAs(TableView.class);
        @SuppressWarnings("unchecked")
        ListView<GoalNode> indicators = lookup("#monitoring-indicators").queryAs(ListView.class);
        waitUntil("the tree's indicators", () -> !indicators.getItems().isEmpty());
        assertThat(table.getItems()).isEmpty();

        @SuppressWarnings("unchecked")
        ComboBox<Integer> quarter = lookup("#monitoring-quarter").queryAs(ComboBox.class);
        interact(() -> quarter.setValue(1));
        clickOn("#monitoring-add");
        assertThat(lookup("#monitoring-message").queryAs(Label.class).getText()).isEqualTo("请填写召开日期。");

        clickOn("#monitoring-date").write("4月10日");
        clickOn("#monitoring-chair").write("厅长");
        clickOn("#monitoring-decisions").write("督促病险水库除险加固进度");
        interact(() -> indicators.getSelectionModel().select(indicators.getItems().stream()
                .filter(n -> n.title().equals("中型病险水库除险加固完工数")).findFirst().orElseThrow()));
        clickOn("#monitoring-add");
        waitUntil("the record", () -> table.getItems().size() == 1);
        MonitoringRecord r = table.getItems().get(0);
        assertThat(r.label()).isEqualTo("第 1 季度绩效情况汇报");
        assertThat(r.heldOn()).isEqualTo(LocalDate.of(2008, 4, 10));
        assertThat(r.chairedBy()).isEqualTo("厅长");
        assertThat(shell.current().workspace().planStage().monitoring().findByUnit("SLT", 2008))
                .singleElement().satisfies(saved -> assertThat(saved.nodeIds()).hasSize(1));

        interact(() -> table.getSelectionModel().select(0));
        clickOn("#monitoring-remove");
        waitUntil("removed", () -> table.getItems().isEmpty());
        clickOn("#monitoring-undo");
        waitUntil("back", () -> table.getItems().size() == 1);
        assertThat(shell.current().workspace().planStage().monitoring().findByUnit("SLT", 2008)).hasSize(1);
    }
}
