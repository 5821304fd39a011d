package org.perfdesk.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.FeedbackResult;
import org.perfdesk.evaluation.AssessmentSheet;
import org.perfdesk.evaluation.DemoOffice;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.exchange.Feedbacks;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.report.xlsx.AppraisalXlsx;
import org.perfdesk.report.xlsx.FiguresSheets;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.ShellTest;

/**
 * The office's scores end to end in the window: 省统计局's 指标考核数据表 refused for a bad row and then
 * imported, the verified figure shown beside the reported one; the freeze refused before the leading
 * group's approval (审定), then the approval recorded and the results frozen; and at the unit, the
 * feedback opening into 考核结果, still there when the workspace is opened again, exported as Word, and
 * the way on to 整改.
 */
class ScoresFlowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    @TempDir
    Path copy;

    private static final Path FIGURES = Path.of("sample-data/figures-2008-省统计局.xlsx");

    @Test
    void theFiguresFormIsRefusedForABadRowThenImportedAndTheVerifiedFigureShows() throws Exception {
        open(DemoOffice.importedCopy(demoDir, copy));
        clickOn("#nav-assessment");
        waitUntil("the assessment screen", () -> !lookup("#assessment-units").queryAll().isEmpty());
        FiguresImport figures = (FiguresImport) lookup("#screen-assessment").query().getProperties()
                .get(FiguresImport.class);

        Path bad = FiguresSheets.edit(FIGURES, copy.resolve("bad.xlsx"), s -> FiguresSheets.set(s,
                FiguresSheets.rowOf(s, "XM", "全社会固定资产投资"), "核定值", "约914"));
        int row = rowOf(bad);
        interact(() -> figures.read(bad));
        waitUntil("the refusal", () -> !lookup("#figures-preview").queryAll().isEmpty());
        DialogPane refusal = lookup("#figures-preview").queryAs(DialogPane.class);
        assertThat(refusal.getHeaderText()).startsWith("bad.xlsx 有 1 处问题，未导入任何数据");
        @SuppressWarnings("unchecked")
        ListView<String> problems = lookup("#figures-preview-lines").queryAs(ListView.class);
        assertThat(problems.getItems()).singleElement().asString()
                .isEqualTo("第 " + row + " 行「核定值」：核定值“约914”不是数字。定量指标只填数字，如 11.7。");
        assertThat(refusal.getButtonTypes()).noneMatch(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE);
        interact(() -> refusal.getScene().getWindow().hide());
        assertThat(shell.current().workspace().evaluation().verified().findByYear(2008)).isEmpty();

        // Fixed: the form as 省统计局 sent it.
        interact(() -> figures.read(FIGURES));
        waitUntil("the preview", () -> !lookup("#figures-preview").queryAll().isEmpty());
        DialogPane preview = lookup("#figures-preview").queryAs(DialogPane.class);
        assertThat(preview.getHeaderText()).startsWith("省统计局核定 8 项：新增 8，替换 0，未变 0；其中 3 项与单位报送值不同");
        clickOn(lookup("#figures-preview .button").match(b -> b instanceof Button bt && bt.isDefaultButton())
                .queryButton());
        closeMessage();
        assertThat(shell.current().workspace().evaluation().verified().findByYear(2008)).hasSize(8);

        clickOn("厦门市人民政府");
        @SuppressWarnings("unchecked")
        TableView<AssessmentSheet.Row> rows = lookup("#assessment-rows").queryAs(TableView.class);
        waitUntil("XM's indicators", () -> rows.getItems().stream()
                .anyMatch(r -> r.node().title().equals("全社会固定资产投资") && r.computed().verified() != null));
        AssessmentSheet.Row invest = rows.getItems().stream().filter(r -> r.node().title().equals("全社会固定资产投资"))
                .findFirst().orElseThrow();
        assertThat(invest.computed().reported().actual()).isEqualByComparingTo("927");
        assertThat(invest.computed().verified().actual()).isEqualByComparingTo("914");
        // 914 of 900 is 101.6 %, counted as 100 %.
        assertThat(EvaluationTexts.why(invest.computed(), org.perfdesk.domain.EvaluationScheme.defaults(2008)))
                .isEqualTo("完成率 101.6%，按 100% 计（按省统计局核定值）；单位报送 927亿元，省统计局核定 914亿元");
    }

    /** The charts are drawn when their tab is first chosen, and then show every unit that has a total. */
    @Test
    void theChartsTabDrawsEachUnitsTotalWhenChosen() throws Exception {
        TableView<Evaluation.UnitResult> table = resultsOfTheImportedDemoOffice();
        assertThat(lookup("#results-charts").queryAll()).as("not drawn behind a closed tab").isEmpty();
        clickOn("图表");
        waitUntil("the charts", () -> !lookup("#results-chart-totals").queryAll().isEmpty());
        @SuppressWarnings("unchecked")
        javafx.scene.chart.BarChart<String, Number> totals =
                lookup("#results-chart-totals").queryAs(javafx.scene.chart.BarChart.class);
        long withTotal = table.getItems().stream().filter(r -> r.total() != null).count();
        assertThat(withTotal).as("the demo's units have totals").isPositive();
        assertThat(totals.getData().stream().mapToInt(series -> series.getData().size()).sum())
                .isEqualTo((int) withTotal);
    }

    @Test
    void theFreezeWaitsForTheLeadingGroupsApproval() throws Exception {
        TableView<Evaluation.UnitResult> table = resultsOfTheImportedDemoOffice();
        // Before the appraisal comes in every unit lacks it: listed as 材料不全, not ranked, and named.
        assertThat(table.getItems()).allSatisfy(r -> assertThat(r.rank()).isNull());
        assertThat(lookup("#results-blockers").queryAs(Label.class).getText()).contains("缺少第 1、2 轮公众评议结果");
        // The statistics bodies' form comes in (into the workspace the window holds).
        Workspace ws = shell.current().workspace();
        AppraisalXlsx.apply(ws, AppraisalXlsx.parse(ws, 2008, Path.of("sample-data/appraisal-2008.xlsx")));
        clickOn("#nav-assessment");
        clickOn("#nav-results");
        clickOn("重新计算");
        waitUntil("ranked", () -> table.getItems().stream().allMatch(r -> r.rank() != null));
        assertThat(lookup("#results-approval").queryAs(Label.class).getText()).startsWith("结果尚未经领导小组审定");

        // Freezing first is refused, saying what is missing.
        clickOn("#results-freeze");
        waitUntil("the freeze dialog", () -> !lookup("#results-freeze-dialog").queryAll().isEmpty());
        clickOn("#results-freeze-dialog-reason").write("发布");
        clickOn(lookup("#results-freeze-dialog .button").match(b -> b instanceof Button bt && bt.isDefaultButton())
                .queryButton());
        waitUntil("the refusal", () -> lookup(".dialog-pane").queryAll().stream().anyMatch(n ->
                n instanceof DialogPane p && p.getContentText() != null && p.getContentText().contains("记录审定")));
        closeMessage();
        assertThat(ws.evaluation().freezes().all(2008)).isEmpty();

        // 审定: date, meeting, who; then the freeze rests on it.
        clickOn("#results-approve");
        waitUntil("the approval dialog", () -> !lookup("#results-approve-dialog").queryAll().isEmpty());
        Button ok = lookup("#results-approve-dialog .button").match(b -> b instanceof Button bt && bt.isDefaultButton())
                .queryButton();
        assertThat(ok.isDisabled()).as("the meeting or document is required").isTrue();
        clickOn("#approve-reference").write("省机关效能建设领导小组第十四次会议");
        clickOn(ok);
        waitUntil("approved", () -> lookup("#results-approval").queryAs(Label.class).getText().contains("第十四次会议"));
        clickOn("#results-freeze");
        waitUntil("the freeze dialog", () -> !lookup("#results-freeze-dialog").queryAll().isEmpty());
        assertThat(lookup("#results-freeze-dialog").queryAs(DialogPane.class).getHeaderText()).contains("第十四次会议");
        clickOn("#results-freeze-dialog-reason").write("按审定结果发布");
        clickOn(lookup("#results-freeze-dialog .button").match(b -> b instanceof Button bt && bt.isDefaultButton())
                .queryButton());
        waitUntil("frozen", () -> lookup("#results-frozen").queryAs(Label.class).getText().startsWith("结果已于"));
        assertThat(ws.evaluation().freezes().latest(2008).orElseThrow().approvalId())
                .isEqualTo(ws.evaluation().approvals().latest(2008).orElseThrow().id());
        assertThat(ws.audit().all()).extracting(org.perfdesk.store.AuditLog.Entry::action)
                .containsSubsequence("approval", "freeze");
    }

    @Test
    void aFeedbackImportedAtTheUnitOpensInItsResultsAndIsThereWhenReopened() throws Exception {
        Path office = DemoOffice.approvedCopy(demoDir, copy);
        Path feedback;
        FeedbackResult sent;
        try (Workspace ws = Workspace.open(office)) {
            new org.perfdesk.evaluation.Rectifications(ws).add("NP", 2008, "森林火灾防控宣传不到位", "加强宣传", null);
            feedback = Feedbacks.send(ws, WorkspaceKeys.unlock(ws, DemoBuilder.PASSPHRASE.toCharArray()),
                    org.perfdesk.report.FeedbackResults.approved(ws, "NP", 2008), copy).file();
            sent = org.perfdesk.report.FeedbackResults.approved(ws, "NP", 2008);
        }
        Path np = DemoBuilder.bundled().folderOf(demoDir, "NP");
        try (Workspace unit = Workspace.open(np)) {
            assertThat(new Importer(unit, WorkspaceKeys.unlock(unit, DemoBuilder.PASSPHRASE.toCharArray()))
                    .importAll(List.of(feedback), false)).singleElement()
                    .satisfies(r -> assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.ACCEPTED));
        }
        for (int time = 0; time < 2; time++) {
            if (time > 0) {
                // Closed (设置 → 切换工作区) and opened again: the result is read from the workspace.
                clickOn("#nav-settings");
                clickOn("#settings-switch");
                waitUntil("the first-start choice", () -> shell.current() == null);
            }
            open(np);
            clickOn("#nav-result");
            waitUntil("the results screen", () -> !lookup("#result-indicators").queryAll().isEmpty());
            @SuppressWarnings("unchecked")
            TableView<FeedbackResult.Indicator> indicators = lookup("#result-indicators").queryAs(TableView.class);
            waitUntil("the result", () -> indicators.getItems().size() == sent.indicators().size());
            String summary = lookup("#result-summary").queryAs(Label.class).getText();
            assertThat(summary).contains("总分" + org.perfdesk.report.ResultsTexts.number(sent.total()) + "分")
                    .contains("省机关效能建设领导小组第十四次会议");
            FeedbackResult.Indicator gdp = indicators.getItems().stream().filter(i -> i.title().equals("地区生产总值增长率"))
                    .findFirst().orElseThrow();
            assertThat(gdp.reported()).isEqualTo("12.1%");
            assertThat(gdp.verified()).isEqualTo("12%");
            assertThat(gdp.verifiedBy()).isEqualTo("省统计局");
            assertThat(lookup("#result-others").queryAs(javafx.scene.control.TextArea.class).getText())
                    .contains("公众评议第 1 轮");
        }
        // Printed as Word, as received (the file chooser cannot be driven headless; the export behind it can).
        org.perfdesk.ui.rectification.ResultView view = (org.perfdesk.ui.rectification.ResultView)
                lookup("#screen-result").query().getProperties().get(org.perfdesk.ui.rectification.ResultView.class);
        interact(() -> view.exportTo(copy.resolve("结果.docx"), p -> { }));
        waitUntil("the document", () -> Files.exists(copy.resolve("结果.docx")));
        try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(copy.resolve("结果.docx")))) {
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText)
                    .anySatisfy(p -> assertThat(p).contains("总分" + org.perfdesk.report.ResultsTexts.number(sent.total())))
                    .anySatisfy(p -> assertThat(p).contains("请对照以下1项问题"));
        }
        // And on to the rectification it asks for.
        assertThat(lookup("#result-rectify").queryButton().isDisabled()).as("one item to rectify").isFalse();
        clickOn("#result-rectify");
        waitUntil("the rectification screen", () -> !lookup("#rectification-items").queryAll().isEmpty()
                && lookup("#rectification-items").query().isVisible());
    }

    /** The demo office with its units' packages imported, open at 考核结果 with its seven units listed. */
    private TableView<Evaluation.UnitResult> resultsOfTheImportedDemoOffice() throws Exception {
        open(DemoOffice.importedCopy(demoDir, copy));
        clickOn("#nav-results");
        waitUntil("the results", () -> !lookup("#results-table").queryAll().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<Evaluation.UnitResult> table = lookup("#results-table").queryAs(TableView.class);
        waitUntil("the units", () -> table.getItems().size() == 7);
        return table;
    }

    private void closeMessage() {
        waitUntil("the message", () -> lookup(".dialog-pane .button").match(b -> b instanceof Button bt
                && bt.isDefaultButton()).tryQuery().isPresent());
        clickOn(lookup(".dialog-pane .button").match(b -> b instanceof Button bt && bt.isDefaultButton()).queryButton());
    }

    private static int rowOf(Path form) throws java.io.IOException {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(form.toFile())) {
            return FiguresSheets.rowOf(wb.getSheet("指标考核数据表"), "XM", "全社会固定资产投资");
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new java.io.IOException(e);
        }
    }
}
