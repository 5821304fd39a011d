package org.perfdesk.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.evaluation.DemoOffice;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.report.xlsx.AppraisalSheets;
import org.perfdesk.ui.ShellTest;

/**
 * The office imports the statistics bodies' survey form: a form with a bad row is refused with the row
 * and column named and nothing saved; the good form is previewed, confirmed, and counts in the results.
 */
class AppraisalFlowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    @TempDir
    Path copy;

    private static final Path SAMPLE = Path.of("sample-data/appraisal-2008.xlsx");

    @Test
    void aBadFormIsRefusedRowByRowAndTheGoodOneCountsInTheResults() throws Exception {
        open(DemoOffice.importedCopy(demoDir, copy));
        clickOn("#nav-appraisal");
        waitUntil("the appraisal screen", () -> !lookup("#appraisal-table").queryAll().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<AppraisalView.RoundRow> table = lookup("#appraisal-table").queryAs(TableView.class);
        AppraisalView view = screen();

        // XM's first round: the counts no longer add up to the sample size.
        Path bad = AppraisalSheets.edit(SAMPLE, copy.resolve("bad.xlsx"),
                sheet -> AppraisalSheets.set(sheet, AppraisalSheets.rowOf(sheet, "XM", 1), "样本量", 390));
        interact(() -> view.read(bad));
        waitUntil("the refusal", () -> !lookup("#appraisal-preview").queryAll().isEmpty());
        DialogPane refusal = lookup("#appraisal-preview").queryAs(DialogPane.class);
        assertThat(refusal.getHeaderText()).startsWith("bad.xlsx 有 1 处问题，未导入任何数据");
        @SuppressWarnings("unchecked")
        ListView<String> problems = lookup("#appraisal-preview-lines").queryAs(ListView.class);
        assertThat(problems.getItems()).singleElement().asString().startsWith("第 " + rowOf(bad, "XM") + " 行")
                .contains("样本量");
        assertThat(refusal.getButtonTypes()).noneMatch(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE);
        interact(() -> refusal.getScene().getWindow().hide());
        assertThat(shell.current().workspace().evaluation().appraisals().findByYear(2008)).isEmpty();

        // The form as sent: 14 rounds, previewed, then imported on confirmation.
        interact(() -> view.read(SAMPLE));
        waitUntil("the preview", () -> !lookup("#appraisal-preview").queryAll().isEmpty());
        DialogPane preview = lookup("#appraisal-preview").queryAs(DialogPane.class);
        assertThat(preview.getHeaderText()).startsWith("共 14 轮：新增 14，替换 0，未变 0");
        assertThat(shell.current().workspace().evaluation().appraisals().findByYear(2008)).as("not before confirming")
                .isEmpty();
        clickOn(lookup("#appraisal-preview .button").match(b -> b instanceof Button bt && bt.isDefaultButton())
                .queryButton());
        waitUntil("the rounds", () -> table.getItems().size() == 14);
        AppraisalView.RoundRow xm1 = table.getItems().stream()
                .filter(r -> r.appraisal().unitCode().equals("XM") && r.appraisal().round() == 1).findFirst()
                .orElseThrow();
        // (232×100 + 112×80 + 44×60 + 12×0) ÷ 400 = 34,800 ÷ 400 = 87.00
        assertThat(xm1.score()).isEqualByComparingTo("87.00");
        closeMessage();

        clickOn("#nav-results");
        waitUntil("the results", () -> !lookup("#results-table").queryAll().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<Evaluation.UnitResult> results = lookup("#results-table").queryAs(TableView.class);
        waitUntil("appraisal in the results", () -> results.getItems().size() == 7
                && results.getItems().stream().allMatch(r -> r.appraisalScore().signum() > 0));
    }

    /** The screen behind the node (the file chooser cannot be driven headless; a drop or a test calls read). */
    private AppraisalView screen() {
        return (AppraisalView) lookup("#screen-appraisal").query().getProperties().get(AppraisalView.class);
    }

    private void closeMessage() {
        waitUntil("the message", () -> lookup(".dialog-pane .button").match(b -> b instanceof Button bt
                && bt.isDefaultButton()).tryQuery().isPresent());
        clickOn(lookup(".dialog-pane .button").match(b -> b instanceof Button bt && bt.isDefaultButton()).queryButton());
    }

    private static int rowOf(Path form, String code) throws java.io.IOException {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(form.toFile())) {
            return AppraisalSheets.rowOf(wb.getSheet("公众评议"), code, 1);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new java.io.IOException(e);
        }
    }
}
