package org.perfdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.Role;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.progress.ProgressViewModel;

/** Entering Q3 progress: the value, the completion worked out from the target, the gap analysis, undo. */
class ProgressEditTest extends ShellTest {
    private Path dir;

    @BeforeEach
    void workspace() {
        dir = home.resolve("TEST");
        try (Workspace ws = Workspace.create(dir, new Workspace.Setup(Role.UNIT,
                new OrgUnit("TEST", "测试厅", OrgKind.DEPARTMENT, "XNB"), 2008, "test"))) {
            ws.orgUnits().saveAll(List.of(new OrgUnit("TEST-A", "综合处", OrgKind.DIVISION, "TEST")));
            ws.goals().save(new GoalNode("i1", "TEST", 2008, null, 0, NodeKind.INDICATOR, "完成项目数", null, "TEST-A",
                    null, null, new BigDecimal("100"),
                    new Measure.Quantitative(new BigDecimal("12"), null, "个", Direction.HIGHER_BETTER), null, 1, false));
        }
    }

    private Progress saved(int quarter) {
        return shell.current().workspace().progress().findByNode("i1").stream().filter(p -> p.quarter() == quarter)
                .findFirst().orElse(null);
    }

    @Test
    void enterThirdQuarterProgress() {
        open(dir);
        clickOn("#nav-progress");
        @SuppressWarnings("unchecked")
        TableView<ProgressViewModel.Row> table = lookup("#progress-table").queryAs(TableView.class);
        waitUntil("the indicator", () -> table.getItems().size() == 1);
        @SuppressWarnings("unchecked")
        ComboBox<Integer> quarter = lookup("#progress-quarter").queryAs(ComboBox.class);
        interact(() -> quarter.setValue(3));

        interact(() -> {
            table.getSelectionModel().select(0);
            table.edit(0, table.getColumns().get(3)); // 累计完成
        });
        waitUntil("the value being edited", () -> lookup("#progress-table .text-field").tryQuery().isPresent());
        write("9").type(KeyCode.ENTER);
        waitUntil("the saved value", () -> saved(3) != null);
        assertThat(saved(3).actualValue()).isEqualByComparingTo("9");
        assertThat(saved(3).completionPercent()).isEqualByComparingTo("75.0");
        assertThat(table.getItems().get(0).completion()).isEqualTo("75.0%");

        clickOn("#progress-problems").write("两个项目未开工");
        clickOn("#progress-causes").write("资金未到位");
        clickOn("#progress-measures");
        waitUntil("the gap analysis saved", () -> saved(3) != null && "资金未到位".equals(saved(3).causes()));
        assertThat(saved(3).problems()).isEqualTo("两个项目未开工");

        clickOn(table);
        press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil("the causes undone", () -> saved(3) != null && saved(3).causes() == null);
        assertThat(saved(3).problems()).isEqualTo("两个项目未开工");
    }
}
