package org.perfdesk.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.SpotCheck;
import org.perfdesk.evaluation.AssessmentSheet;
import org.perfdesk.evaluation.DemoOffice;
import org.perfdesk.store.AuditLog;
import org.perfdesk.ui.ShellTest;

/** The office draws a unit's spot check, scores a drawn indicator with a reason, and sees it counted. */
class AssessmentFlowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    @TempDir
    Path copy;

    @Test
    void drawASpotCheckThenScoreADrawnIndicator() throws Exception {
        open(DemoOffice.importedCopy(demoDir, copy));
        clickOn("#nav-assessment");
        waitUntil("the assessment screen", () -> !lookup("#assessment-units").queryAll().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<AssessmentViewModel.UnitLine> units = lookup("#assessment-units").queryAs(TableView.class);
        waitUntil("the units", () -> units.getItems().size() == 7);
        clickOn("福建省水利厅");
        @SuppressWarnings("unchecked")
        TableView<AssessmentSheet.Row> rows = lookup("#assessment-rows").queryAs(TableView.class);
        waitUntil("its indicators", () -> !rows.getItems().isEmpty());
        int indicators = rows.getItems().size();
        assertThat(lookup("#assessment-spot").queryAs(Label.class).getText()).isEqualTo("尚未抽查。");

        // The draw: 30 % of the indicators, rounded up, ticked; the seed shown.
        clickOn("#assessment-draw");
        waitUntil("the confirmation", () -> !lookup("#draw-dialog").queryAll().isEmpty());
        clickOn(lookup("#draw-dialog .button").match(b -> b instanceof Button bt && bt.isDefaultButton()).queryButton());
        waitUntil("the draw", () -> lookup("#assessment-spot").queryAs(Label.class).getText().startsWith("已抽查"));
        SpotCheck drawn = shell.current().workspace().evaluation().spotChecks().find("SLT", 2008).orElseThrow();
        assertThat(drawn.drawn()).hasSize((int) Math.ceil(indicators * 0.3));
        assertThat(lookup("#assessment-spot").queryAs(Label.class).getText()).contains("抽签码 " + drawn.seed());
        clickOn("#assessment-only-drawn");
        waitUntil("only the drawn", () -> rows.getItems().size() == drawn.drawn().size());
        assertThat(rows.getItems()).allMatch(AssessmentSheet.Row::spotChecked);

        // Score the first drawn indicator: 1 point, with a reason; Enter opens the dialog.
        AssessmentSheet.Row first = rows.getItems().get(0);
        interact(() -> {
            rows.requestFocus();
            rows.getSelectionModel().select(0);
        });
        type(KeyCode.ENTER);
        waitUntil("the score dialog", () -> !lookup("#score-dialog").queryAll().isEmpty());
        Button ok = lookup("#score-dialog .button").match(b -> b instanceof Button bt && bt.isDefaultButton())
                .queryButton();
        assertThat(ok.isDisabled()).as("a reason is required").isTrue();
        doubleClickOn("#score-points").eraseText(8).write("1");
        clickOn("#score-reason").write("抽查发现台账与报送数据不符");
        clickOn(ok);
        waitUntil("the score", () -> units.getItems().stream()
                .anyMatch(l -> l.unit().code().equals("SLT") && l.officeScored() == 1));
        waitUntil("the row", () -> rows.getItems().stream().anyMatch(r -> r.node().id().equals(first.node().id())
                && r.office() != null));
        AssessmentSheet.Row scored = rows.getItems().stream().filter(r -> r.node().id().equals(first.node().id()))
                .findFirst().orElseThrow();
        assertThat(scored.counted()).isEqualByComparingTo("1");
        assertThat(scored.office().reason()).isEqualTo("抽查发现台账与报送数据不符");

        // Verify: the draw repeats from its seed.
        clickOn("#assessment-verify");
        waitUntil("the answer", () -> lookup(".dialog-pane").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.DialogPane p && p.getContentText() != null
                        && p.getContentText().contains("结果与记录一致")));
        AuditLog audit = shell.current().workspace().audit();
        assertThat(audit.check()).isEmpty();
        assertThat(audit.all()).anyMatch(e -> e.action().equals("score") && "1".equals(e.after())
                && e.reason().equals("抽查发现台账与报送数据不符"));
    }
}
