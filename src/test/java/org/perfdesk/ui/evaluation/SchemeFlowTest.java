package org.perfdesk.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.evaluation.DemoOffice;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.ShellTest;

/** Weights that do not add up are named and cannot be saved; a change after a freeze is a new version. */
class SchemeFlowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    @TempDir
    Path copy;

    @Test
    void badWeightsAreRefusedAndAChangeAfterAFreezeIsVersionTwo() throws Exception {
        Path office = DemoOffice.evaluatedCopy(demoDir, copy);
        try (Workspace ws = Workspace.open(office)) {
            new Evaluator(ws).approve(2008, java.time.LocalDate.of(2009, 3, 10), "第十四次会议", "省机关效能建设领导小组", "");
            new Evaluator(ws).freeze(2008, "领导小组审定");
        }
        open(office);
        clickOn("#nav-scheme");
        waitUntil("the scheme", () -> !lookup("#scheme-indicator-weight").queryAll().isEmpty()
                && lookup("#scheme-indicator-weight").queryTextInputControl().getText().equals("70"));
        Button save = lookup("#scheme-save").queryButton();
        @SuppressWarnings("unchecked")
        ListView<String> problems = lookup("#scheme-problems").queryAs(ListView.class);
        assertThat(problems.getItems()).containsExactly("✓ 方案可以使用。");
        assertThat(save.isDisabled()).isFalse();

        doubleClickOn("#scheme-indicator-weight").eraseText(2).write("60");
        waitUntil("the problem", () -> save.isDisabled());
        assertThat(problems.getItems()).containsExactly("指标考核和公众评议的权重应为非负数且合计 100（现为 60 和 30）");

        doubleClickOn("#scheme-appraisal-weight").eraseText(2).write("40");
        waitUntil("no problem", () -> !save.isDisabled());
        clickOn(save);
        waitUntil("the reason dialog", () -> !lookup("#scheme-save-dialog").queryAll().isEmpty());
        clickOn("#scheme-save-dialog-reason").write("领导小组第 3 次会议决定提高公众评议权重");
        clickOn(lookup("#scheme-save-dialog .button").match(b -> b instanceof Button bt && bt.isDefaultButton())
                .queryButton());
        waitUntil("saved", () -> lookup(".dialog-pane").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.DialogPane p && p.getContentText() != null
                        && p.getContentText().startsWith("已保存为第 2 版")));

        Workspace ws = shell.current().workspace();
        assertThat(ws.evaluation().schemes().versions(2008)).extracting(EvaluationScheme::version).containsExactly(1, 2);
        EvaluationScheme v2 = ws.evaluation().schemes().latest(2008).orElseThrow();
        assertThat(v2.indicatorWeight()).isEqualByComparingTo("60");
        assertThat(v2.appraisalWeight()).isEqualByComparingTo("40");
        // The frozen results still name version 1.
        assertThat(ws.evaluation().freezes().all(2008)).allMatch(f -> f.schemeVersion() == 1);
    }
}
