package org.perfdesk.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Inspection;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.evaluation.DemoOffice;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.store.AuditLog;
import org.perfdesk.ui.ShellTest;

/** The office records an unannounced inspection's deduction and sees the city ranking change. */
class InspectionFlowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    @TempDir
    Path copy;

    @Test
    void aDeductionEnteredOnInspectionChangesTheRankInResults() throws Exception {
        open(DemoOffice.evaluatedCopy(demoDir, copy));

        // Before: the city governments' ranking as the results screen shows it.
        clickOn("#nav-results");
        TableView<Evaluation.UnitResult> results = resultsTable();
        waitUntil("the results", () -> results.getItems().size() == 7);
        int xmBefore = rankOf(results, "XM");
        int npBefore = rankOf(results, "NP");
        assertThat(xmBefore).isEqualTo(1);
        assertThat(npBefore).isEqualTo(2);
        String leader = unit(results, "XM").unit().name();

        // An unannounced visit finds a problem at the leader: 2 points off, evidence attached.
        clickOn("#nav-inspection");
        waitUntil("the inspection screen", () -> !lookup("#inspection-table").queryAll().isEmpty());
        Path photo = Files.writeString(copy.resolve("暗访照片说明.txt"), "窗口无人值守，14:20 拍摄");
        clickOn("#inspection-table");
        press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil("the inspection dialog", () -> !lookup("#inspection-dialog").queryAll().isEmpty());
        Button ok = okButton();
        assertThat(ok.isDisabled()).as("nothing filled in yet").isTrue();
        assertThat(lookup("#inspection-problem").queryAs(Label.class).getText()).isEqualTo("请选择单位。");

        @SuppressWarnings("unchecked")
        ComboBox<OrgUnit> unit = lookup("#inspection-unit").queryAs(ComboBox.class);
        interact(() -> unit.setValue(unit.getItems().stream().filter(u -> u.code().equals("XM")).findFirst()
                .orElseThrow()));
        @SuppressWarnings("unchecked")
        ComboBox<Inspection.Kind> kind = lookup("#inspection-kind").queryAs(ComboBox.class);
        interact(() -> kind.setValue(Inspection.Kind.UNANNOUNCED));
        clickOn("#inspection-finding").write("行政服务中心窗口工作时间无人值守");
        clickOn("#inspection-deduction").write("-1");
        assertThat(lookup("#inspection-problem").queryAs(Label.class).getText()).isEqualTo("扣分须是不小于 0 的数，如 0.5。");
        assertThat(ok.isDisabled()).isTrue();
        doubleClickOn("#inspection-deduction").eraseText(2).write("2");
        interact(() -> chooseEvidence(photo));
        assertThat(lookup("#inspection-problem").queryAs(Label.class).getText()).isEmpty();
        clickOn(ok);

        @SuppressWarnings("unchecked")
        TableView<Inspection> table = lookup("#inspection-table").queryAs(TableView.class);
        waitUntil("the saved record", () -> table.getItems().size() == 1);
        Inspection saved = table.getItems().get(0);
        assertThat(saved.unitCode()).isEqualTo("XM");
        assertThat(saved.kind()).isEqualTo(Inspection.Kind.UNANNOUNCED);
        assertThat(saved.deduction()).isEqualByComparingTo("2");
        assertThat(saved.evidenceSha256()).isNotNull();
        assertThat(Files.readString(shell.current().workspace().evidence().file(saved.evidenceSha256()).orElseThrow()))
                .isEqualTo("窗口无人值守，14:20 拍摄");

        // After: the results screen recomputes; the leader drops to second, 2 points lower.
        clickOn("#nav-results");
        TableView<Evaluation.UnitResult> after = resultsTable();
        waitUntil("the new ranking", () -> after.getItems().size() == 7 && rankOf(after, "XM") == 2);
        assertThat(rankOf(after, "NP")).isEqualTo(1);
        assertThat(unit(after, "XM").deductions()).isEqualByComparingTo("2");
        clickOn(unit(after, "XM").unit().name());
        waitUntil("the drill-down", () -> lookup("#results-others").queryAs(Label.class).getText().contains("无人值守"));
        assertThat(leader).isEqualTo("厦门市人民政府");

        // The audit log has it, and its chain is whole.
        AuditLog audit = shell.current().workspace().audit();
        assertThat(audit.check()).isEmpty();
    }

    /** What choosing a file in the file dialog does (the system's file dialog cannot be driven headless). */
    private void chooseEvidence(Path file) {
        var pane = lookup("#inspection-dialog").queryAs(javafx.scene.control.DialogPane.class);
        ((InspectionDialog) pane.getProperties().get(InspectionDialog.class)).chosen(file);
    }

    private Button okButton() {
        return lookup("#inspection-dialog .button").match(b -> b instanceof Button bt && bt.isDefaultButton())
                .queryButton();
    }

    @SuppressWarnings("unchecked")
    private TableView<Evaluation.UnitResult> resultsTable() {
        waitUntil("the results screen", () -> !lookup("#results-table").queryAll().isEmpty());
        return lookup("#results-table").queryAs(TableView.class);
    }

    private static Evaluation.UnitResult unit(TableView<Evaluation.UnitResult> t, String code) {
        return t.getItems().stream().filter(r -> r.unit().code().equals(code)).findFirst().orElseThrow();
    }

    private static int rankOf(TableView<Evaluation.UnitResult> t, String code) {
        Integer rank = unit(t, code).rank();
        return rank == null ? -1 : rank;
    }
}
