package org.perfdesk.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.ReviewMode;
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

    @Test
    void gradesRectificationDaysAndHowPlansAreAnsweredAreTheOfficesChoice() throws Exception {
        Path office = DemoOffice.evaluatedCopy(demoDir, copy);
        open(office);
        clickOn("#nav-scheme");
        waitUntil("the scheme", () -> !lookup("#scheme-grades").queryAll().isEmpty()
                && lookup("#scheme-grades").queryTextInputControl().getText().equals("优秀 90、良好 80、一般 60、较差"));
        Button save = lookup("#scheme-save").queryButton();
        @SuppressWarnings("unchecked")
        ListView<String> problems = lookup("#scheme-problems").queryAs(ListView.class);
        @SuppressWarnings("unchecked")
        ComboBox<ReviewMode> cities = lookup("#scheme-mode-CITY_GOVERNMENTS").queryAs(ComboBox.class);
        assertThat(cities.getValue()).isEqualTo(ReviewMode.FILING);
        assertThat(lookup("#scheme-rectification-days").queryTextInputControl().getText()).isEqualTo("30");

        // Totals that do not fall from the best grade are named, and nothing can be saved.
        interact(() -> lookup("#scheme-grades").queryTextInputControl().setText("优秀 90、良好 95、较差"));
        waitUntil("the problem", () -> save.isDisabled());
        assertThat(problems.getItems()).anyMatch(p -> p.startsWith("等次划分“优秀 90、良好 95、较差”无效"));

        interact(() -> {
            lookup("#scheme-grades").queryTextInputControl().setText("优秀 ９５、良好 85；合格 60，不合格");
            lookup("#scheme-rectification-days").queryTextInputControl().setText("20");
            cities.setValue(ReviewMode.APPROVAL);
        });
        waitUntil("no problem", () -> !save.isDisabled());
        clickOn(save);
        waitUntil("the reason dialog", () -> !lookup("#scheme-save-dialog").queryAll().isEmpty());
        clickOn("#scheme-save-dialog-reason").write("领导小组决定：设区市方案改为批复");
        clickOn(lookup("#scheme-save-dialog .button").match(b -> b instanceof Button bt && bt.isDefaultButton())
                .queryButton());
        waitUntil("saved", () -> shell.current().workspace().evaluation().schemes().latest(2008).orElseThrow()
                .rectificationDays() == 20);

        EvaluationScheme saved = shell.current().workspace().evaluation().schemes().latest(2008).orElseThrow();
        assertThat(saved.gradesText()).isEqualTo("优秀 95、良好 85、合格 60、不合格");
        assertThat(saved.gradeOf(new java.math.BigDecimal("94.99"))).isEqualTo("良好");
        assertThat(saved.gradeOf(new java.math.BigDecimal("59"))).isEqualTo("不合格");
        assertThat(saved.reviewMode(org.perfdesk.domain.RankingGroup.CITY_GOVERNMENTS)).isEqualTo(ReviewMode.APPROVAL);
        assertThat(saved.reviewMode(org.perfdesk.domain.RankingGroup.PROVINCIAL_DEPARTMENTS))
                .isEqualTo(ReviewMode.APPROVAL);
    }
}
