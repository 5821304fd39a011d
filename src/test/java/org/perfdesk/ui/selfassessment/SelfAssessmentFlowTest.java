package org.perfdesk.ui.selfassessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.Evidence;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.ShellTest;

/** A unit scores itself, gives the reason and attaches evidence, which is kept in the workspace. */
class SelfAssessmentFlowTest extends ShellTest {
    private Path dir;

    @BeforeEach
    void workspace() {
        dir = home.resolve("TEST");
        try (Workspace ws = Workspace.create(dir, new Workspace.Setup(Role.UNIT,
                new OrgUnit("TEST", "测试厅", OrgKind.DEPARTMENT, "XNB"), 2008, "test"))) {
            ws.goals().saveAll(List.of(
                    new GoalNode("g", "TEST", 2008, null, 0, NodeKind.GOAL, "目标", null, "TEST", null, null,
                            new BigDecimal("100"), null, null, 1, false),
                    new GoalNode("i1", "TEST", 2008, "g", 0, NodeKind.INDICATOR, "完成项目数", null, "TEST", null, null,
                            new BigDecimal("60"), new Measure.Quantitative(new BigDecimal("12"), null, "个",
                            Direction.HIGHER_BETTER), null, 1, false),
                    new GoalNode("i2", "TEST", 2008, "g", 1, NodeKind.INDICATOR, "制度建设", null, "TEST", null, null,
                            new BigDecimal("40"), new Measure.Qualitative(List.of("好", "较好", "一般", "差"), "好"),
                            null, 1, false)));
        }
    }

    @Test
    void scoreReasonAndEvidence() throws Exception {
        open(dir);
        clickOn("#nav-selfassessment");
        @SuppressWarnings("unchecked")
        TableView<SelfAssessmentViewModel.Row> table = lookup("#self-table").queryAs(TableView.class);
        waitUntil("the indicators", () -> table.getItems().size() == 2);

        interact(() -> {
            table.getSelectionModel().select(0);
            table.edit(0, table.getColumns().get(6)); // 自评分 (after 按规则得分)
        });
        waitUntil("the score being edited", () -> lookup("#self-table .text-field").tryQuery().isPresent());
        write("55").type(KeyCode.ENTER);
        clickOn("#self-reason").write("完成 11 个，1 个延期");
        clickOn(table);
        Workspace ws = shell.current().workspace();
        waitUntil("the score and reason saved", () -> ws.selfAssessments().find("i1")
                .map(a -> "完成 11 个，1 个延期".equals(a.narrative())).orElse(false));
        assertThat(ws.selfAssessments().find("i1").orElseThrow().score()).isEqualByComparingTo("55");
        // No figure reported yet: the rule gives 0 of the 100 points, whatever the unit gives itself.
        assertThat(lookup("#self-total").queryAs(Label.class).getText()).isEqualTo(
                "自评得分合计 55 分（满分 100 分），已自评 1 / 2 项；按评分规则由本单位数据计算为 0 分");

        Path file = Files.writeString(home.resolve("项目验收单.txt"), "验收合格");
        EvidencePane pane = lookup("#self-evidence-pane").queryAs(EvidencePane.class);
        interact(() -> pane.attach(List.of(file)));
        @SuppressWarnings("unchecked")
        ListView<Evidence> evidence = lookup("#self-evidence").queryAs(ListView.class);
        waitUntil("the evidence listed", () -> evidence.getItems().size() == 1);
        Evidence e = evidence.getItems().get(0);
        assertThat(e.fileName()).isEqualTo("项目验收单.txt");
        assertThat(e.sha256()).isEqualTo(Hashing.sha256(file));
        Path stored = dir.resolve("attachments").resolve(e.sha256());
        assertThat(stored).exists();
        Files.delete(file); // the workspace keeps its own copy
        assertThat(Files.readString(stored)).isEqualTo("验收合格");
        assertThat(table.getItems().get(0).evidenceCount()).isEqualTo(1);

        // A score above the indicator's points is refused with a message, nothing saved.
        interact(() -> table.edit(0, table.getColumns().get(6)));
        waitUntil("the score being edited", () -> lookup("#self-table .text-field").tryQuery().isPresent());
        write("70").type(KeyCode.ENTER);
        waitUntil("the message", () -> lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(ws.selfAssessments().find("i1").orElseThrow().score()).isEqualByComparingTo("55");
    }
}
