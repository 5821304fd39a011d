package org.perfdesk.ui.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.RectificationItem;
import org.perfdesk.evaluation.DemoOffice;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.ShellTest;

/** The office writes a rectification item, sends the feedback and closes it; the unit answers an item. */
class FeedbackFlowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    @TempDir
    Path copy;

    @Test
    void theOfficeSendsAnItemAndClosesIt() throws Exception {
        Path office = DemoOffice.approvedCopy(demoDir, copy);
        open(office);
        clickOn("#nav-feedback");
        waitUntil("the feedback screen", () -> !lookup("#feedback-units").queryAll().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<FeedbackView.UnitLine> units = lookup("#feedback-units").queryAs(TableView.class);
        waitUntil("the units", () -> units.getItems().size() == 7);
        clickOn("厦门市人民政府");
        clickOn("#feedback-items");
        press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil("the item dialog", () -> !lookup("#feedback-dialog").queryAll().isEmpty());
        Button ok = lookup("#feedback-dialog .button").match(b -> b instanceof Button bt && bt.isDefaultButton())
                .queryButton();
        assertThat(ok.isDisabled()).as("a finding is required").isTrue();
        clickOn("#feedback-finding").write("行政服务中心窗口工作时间无人值守");
        clickOn("#feedback-requirement").write("建立 AB 岗制度");
        clickOn(ok);
        @SuppressWarnings("unchecked")
        TableView<RectificationItem> items = lookup("#feedback-items").queryAs(TableView.class);
        waitUntil("the item", () -> items.getItems().size() == 1);
        assertThat(items.getItems().get(0).number()).isEqualTo(1);

        clickOn("#feedback-send");
        waitUntil("the passphrase dialog", () -> !lookup("#unlock-passphrase").queryAll().isEmpty());
        clickOn("#unlock-passphrase").write(DemoBuilder.PASSPHRASE);
        clickOn(lookup(".dialog-pane .button").match(b -> b instanceof Button bt && bt.isDefaultButton()).queryButton());
        waitUntil("the message", () -> lookup(".dialog-pane").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.DialogPane p && p.getContentText() != null
                        && p.getContentText().contains("发件箱")));
        clickOn(lookup(".dialog-pane .button").match(b -> b instanceof Button bt && bt.isDefaultButton()).queryButton());
        waitUntil("sent", () -> units.getItems().stream().anyMatch(l -> l.unit().code().equals("XM") && l.allSent()));
        try (Stream<Path> out = Files.list(shell.current().workspace().outboxDir())) {
            assertThat(out.filter(p -> p.getFileName().toString().startsWith("XNB-XM-")
                    && p.toString().contains("-feedback-"))).hasSize(1);
        }

        // The unit reports it done later; the office closes it with the reason.
        interact(() -> items.getSelectionModel().select(0));
        clickOn("#feedback-close");
        waitUntil("the reason dialog", () -> !lookup("#feedback-closure-dialog").queryAll().isEmpty());
        clickOn("#feedback-closure-dialog-reason").write("暗访复查：窗口已有人值守");
        clickOn(lookup("#feedback-closure-dialog .button").match(b -> b instanceof Button bt && bt.isDefaultButton())
                .queryButton());
        waitUntil("closed", () -> items.getItems().size() == 1 && items.getItems().get(0).closed());
        assertThat(FeedbackView.closure(items.getItems().get(0))).endsWith("销号：暗访复查：窗口已有人值守");
    }

    @Test
    void theUnitAnswersAnItemFromTheFeedback() throws Exception {
        Path office = DemoOffice.approvedCopy(demoDir, copy);
        Path feedback;
        try (Workspace ws = Workspace.open(office)) {
            new org.perfdesk.evaluation.Rectifications(ws).add("XM", 2008, "半年报告逾期报送", "建立报送提醒", null);
            feedback = org.perfdesk.exchange.Feedbacks.send(ws, org.perfdesk.exchange.WorkspaceKeys.unlock(ws,
                    DemoBuilder.PASSPHRASE.toCharArray()), org.perfdesk.report.FeedbackResults.approved(ws, "XM", 2008),
                    copy).file();
        }
        Path xmDir = DemoBuilder.bundled().folderOf(demoDir, "XM");
        try (Workspace xm = Workspace.open(xmDir)) {
            assertThat(new Importer(xm, org.perfdesk.exchange.WorkspaceKeys.unlock(xm,
                    DemoBuilder.PASSPHRASE.toCharArray())).importAll(List.of(feedback), false)).singleElement()
                    .satisfies(r -> assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.ACCEPTED));
        }
        open(xmDir);
        clickOn("#nav-rectification");
        waitUntil("the rectification screen", () -> !lookup("#rectification-items").queryAll().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<RectificationItem> items = lookup("#rectification-items").queryAs(TableView.class);
        waitUntil("the item", () -> items.getItems().size() == 1);
        clickOn("半年报告逾期报送");
        clickOn("#rectification-measure").write("每月 25 日自动提醒报送");
        @SuppressWarnings("unchecked")
        ComboBox<RectificationItem.Status> status = lookup("#rectification-status").queryAs(ComboBox.class);
        interact(() -> status.setValue(RectificationItem.Status.DONE));
        clickOn("#rectification-note");
        press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil("saved", () -> items.getItems().size() == 1
                && items.getItems().get(0).status() == RectificationItem.Status.DONE);
        RectificationItem saved = shell.current().workspace().rectifications().findByUnit("XM", 2008).get(0);
        assertThat(saved.measure()).isEqualTo("每月 25 日自动提醒报送");
        assertThat(saved.finding()).isEqualTo("半年报告逾期报送");
    }
}
