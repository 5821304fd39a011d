package org.perfdesk.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.evaluation.DemoOffice;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.ShellTest;

/**
 * The office files one city's plan (备案) and asks another city for a correction with a reason, as the scheme
 * sets it for the city governments; the unit receives the answer as such.
 */
class ReviewFlowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    @TempDir
    Path copy;

    @Test
    void approveOnePlanAndReturnAnotherWithAReason() throws Exception {
        open(DemoOffice.importedCopy(demoDir, copy));
        clickOn("#nav-review");
        waitUntil("the review screen", () -> !lookup("#review-table").queryAll().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<ReviewViewModel.Row> table = lookup("#review-table").queryAs(TableView.class);
        waitUntil("the units", () -> table.getItems().size() == 7);
        assertThat(table.getItems()).allSatisfy(r -> assertThat(ReviewView.stateText(r)).isEqualTo("待审核"));

        // XM: its tree is shown; approved with a note.
        clickOn("厦门市人民政府");
        @SuppressWarnings("unchecked")
        TreeTableView<GoalNode> tree = lookup("#review-tree").queryAs(TreeTableView.class);
        waitUntil("XM's tree", () -> tree.getRoot() != null && !tree.getRoot().getChildren().isEmpty());
        assertThat(tree.getRoot().getChildren()).extracting(i -> i.getValue().title()).contains("经济平稳较快发展");
        // The reviewer sees each indicator's 基期值 and 质量要求 beside its target.
        assertThat(tree.getColumns()).extracting(c -> c.getText()).contains("基期值", "质量要求");
        var baseline = tree.getColumns().stream().filter(c -> c.getText().equals("基期值")).findFirst().orElseThrow();
        var quality = tree.getColumns().stream().filter(c -> c.getText().equals("质量要求")).findFirst().orElseThrow();
        java.util.List<String> baselines = new java.util.ArrayList<>();
        java.util.List<String> qualities = new java.util.ArrayList<>();
        interact(() -> {
            expandAll(tree.getRoot());
            for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                baselines.add(String.valueOf(baseline.getCellData(i)));
                qualities.add(String.valueOf(quality.getCellData(i)));
            }
        });
        assertThat(baselines).contains("16.1");
        assertThat(qualities).anyMatch(q -> q.startsWith("主要经济指标完成市人大批准的年度计划"));
        waitUntil("the 备案 buttons of a city", () -> lookup("#review-approve").queryButton().getText().startsWith("予以备案"));
        assertThat(lookup("#review-return").queryButton().getText()).startsWith("请更正");
        clickOn("#review-approve");
        waitUntil("the reason dialog", () -> !lookup("#review-dialog").queryAll().isEmpty());
        assertThat(ok("#review-dialog").isDisabled()).as("no reason yet").isTrue();
        clickOn("#review-dialog-reason").write("目标分解到位，同意。");
        clickOn(ok("#review-dialog"));
        unlock();
        waitUntil("the answer", () -> lookup(".dialog-pane").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.DialogPane p && p.getContentText() != null
                        && p.getContentText().contains("发件箱")));
        closeMessage();
        waitUntil("XM filed", () -> ReviewView.stateText(row(table, "XM")).equals("予以备案"));

        // NP: returned with the reason and what to change.
        clickOn("南平市人民政府");
        waitUntil("NP's tree", () -> lookup("#review-since-previous").queryAs(ListView.class).getItems().size() > 0
                && tree.getRoot() != null && !tree.getRoot().getChildren().isEmpty()
                && row(table, "NP") == table.getSelectionModel().getSelectedItem());
        clickOn("#review-return");
        waitUntil("the reason dialog", () -> !lookup("#review-dialog").queryAll().isEmpty());
        clickOn("#review-dialog-reason").write("第三项指标缺少量化目标，请补充后重报。");
        clickOn(ok("#review-dialog"));
        waitUntil("the answer", () -> lookup(".dialog-pane").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.DialogPane p && p.getContentText() != null
                        && p.getContentText().contains("南平市人民政府")));
        closeMessage();
        waitUntil("NP asked to correct", () -> ReviewView.stateText(row(table, "NP")).equals("请更正"));
        assertThat(ReviewView.stateText(row(table, "SLT"))).isEqualTo("待审核");
        // Per group, as the scheme sets it: the cities' plans are filed, the departments' approved.
        assertThat(row(table, "NP").mode()).isEqualTo(org.perfdesk.domain.ReviewMode.FILING);
        assertThat(row(table, "SLT").mode()).isEqualTo(org.perfdesk.domain.ReviewMode.APPROVAL);
        assertThat(table.getColumns().stream().filter(c -> c.getText().equals("方式")).findFirst().orElseThrow()
                .getCellData(row(table, "SLT"))).isEqualTo("批复");

        Workspace office = shell.current().workspace();
        assertThat(office.reviews().latest("NP", 2008).orElseThrow().reason()).isEqualTo("第三项指标缺少量化目标，请补充后重报。");
        assertThat(office.audit().check()).isEmpty();
        Path answer;
        try (Stream<Path> out = Files.list(office.outboxDir())) {
            answer = out.filter(p -> p.getFileName().toString().startsWith("XNB-NP-") && p.toString().contains("-correction-"))
                    .findFirst().orElseThrow();
        }
        @SuppressWarnings("unchecked")
        ListView<String> answers = lookup("#review-history").queryAs(ListView.class);
        assertThat(answers.getItems()).anyMatch(l -> l.contains("请更正：第三项指标缺少量化目标"));

        // The unit imports the answer and sees the reason.
        Path npDir = DemoBuilder.bundled().folderOf(demoDir, "NP");
        try (Workspace np = Workspace.open(npDir)) {
            List<ImportReport> reports = new Importer(np, org.perfdesk.exchange.WorkspaceKeys.unlock(np,
                    DemoBuilder.PASSPHRASE.toCharArray())).importAll(List.of(answer), false);
            assertThat(reports).singleElement().satisfies(r -> assertThat(r.status()).as(r.message())
                    .isEqualTo(ImportReport.Status.ACCEPTED));
            PlanReview received = np.reviews().latest("NP", 2008).orElseThrow();
            assertThat(received.decision()).isEqualTo(PlanReview.Decision.RETURNED);
            assertThat(received.mode()).isEqualTo(org.perfdesk.domain.ReviewMode.FILING);
            assertThat(received.words()).isEqualTo("请更正");
            assertThat(received.reason()).isEqualTo("第三项指标缺少量化目标，请补充后重报。");
        }
    }

    private void unlock() {
        waitUntil("the passphrase dialog", () -> !lookup("#unlock-passphrase").queryAll().isEmpty());
        clickOn("#unlock-passphrase").write(DemoBuilder.PASSPHRASE);
        clickOn(lookup(".dialog-pane .button").match(b -> b instanceof Button bt && bt.isDefaultButton()).queryButton());
    }

    private void closeMessage() {
        clickOn(lookup(".dialog-pane .button").match(b -> b instanceof Button bt && bt.isDefaultButton()).queryButton());
    }

    private Button ok(String dialog) {
        return lookup(dialog + " .button").match(b -> b instanceof Button bt && bt.isDefaultButton()).queryButton();
    }

    private static ReviewViewModel.Row row(TableView<ReviewViewModel.Row> t, String code) {
        return t.getItems().stream().filter(r -> r.unit().code().equals(code)).findFirst().orElseThrow();
    }

    private static void expandAll(javafx.scene.control.TreeItem<GoalNode> item) {
        item.setExpanded(true);
        item.getChildren().forEach(ReviewFlowTest::expandAll);
    }
}
