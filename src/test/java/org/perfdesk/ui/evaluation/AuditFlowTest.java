package org.perfdesk.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Inspection;
import org.perfdesk.evaluation.DemoOffice;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.store.AuditLog;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.ShellTest;

/** The audit log viewer lists what was done and its check finds a row edited behind the program's back. */
class AuditFlowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    @TempDir
    Path copy;

    @Test
    void theCheckNamesTheEntryThatWasEditedInTheDatabase() throws Exception {
        Path office = DemoOffice.evaluatedCopy(demoDir, copy);
        try (Workspace ws = Workspace.open(office)) {
            Evaluator e = new Evaluator(ws);
            e.saveInspection(new Inspection("i1", "XM", 2008, LocalDate.of(2008, 9, 3), Inspection.Kind.OPEN,
                    "窗口服务不规范", new BigDecimal("0.5"), null), "明查");
            e.saveInspection(new Inspection("i2", "NP", 2008, LocalDate.of(2008, 9, 4), Inspection.Kind.UNANNOUNCED,
                    "工作时间脱岗", new BigDecimal("1"), null), "暗访");
            e.approve(2008, LocalDate.of(2009, 3, 10), "第十四次会议", "省机关效能建设领导小组", "");
            e.freeze(2008, "领导小组审定");
        }

        open(office);
        clickOn("#nav-audit");
        waitUntil("the audit screen", () -> !lookup("#audit-table").queryAll().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<AuditLog.Entry> table = lookup("#audit-table").queryAs(TableView.class);
        waitUntil("the entries", () -> table.getItems().size() >= 3);
        // Newest first: the freeze, the approval it rests on, then the two inspections.
        assertThat(AuditView.action(table.getItems().get(0).action())).isEqualTo("冻结结果");
        assertThat(AuditView.action(table.getItems().get(1).action())).isEqualTo("领导小组审定");
        assertThat(table.getItems().get(0).reason()).isEqualTo("领导小组审定");
        clickOn("#audit-search").write("脱岗");
        waitUntil("the search", () -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).reason()).isEqualTo("暗访");

        clickOn("#audit-check");
        waitUntil("the verdict", () -> !lookup("#audit-verdict").queryAs(Label.class).getText().isEmpty());
        assertThat(lookup("#audit-verdict").queryAs(Label.class).getText()).startsWith("审计日志完整");
        long tampered = table.getItems().get(0).seq();
        assertThat(table.getItems().get(0).after()).contains("工作时间脱岗");

        // Someone edits the NP record's text with an SQLite tool, beside the running program.
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + office.resolve("perfdesk.db"));
             var ps = c.prepareStatement("UPDATE audit_log SET after = replace(after, '工作时间脱岗', '无') WHERE seq = ?")) {
            ps.setLong(1, tampered);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        clickOn("#audit-check");
        waitUntil("the verdict", () -> lookup("#audit-verdict").queryAs(Label.class).getText().startsWith("⚠"));
        assertThat(lookup("#audit-verdict").queryAs(Label.class).getText())
                .isEqualTo("⚠ 审计日志第 " + tampered + " 条记录在写入后被改动过（内容与其哈希不符）。请保留本工作区原样，并从备份中查找原记录。");
        @SuppressWarnings("unchecked")
        TableView<AuditLog.Entry> again = lookup("#audit-table").queryAs(TableView.class);
        assertThat(again.getSelectionModel().getSelectedItem().seq()).isEqualTo(tampered);
    }
}
