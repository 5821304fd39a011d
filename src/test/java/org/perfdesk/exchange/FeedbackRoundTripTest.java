package org.perfdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.RectificationItem;
import org.perfdesk.domain.UserError;
import org.perfdesk.evaluation.DemoOffice;
import org.perfdesk.evaluation.Rectifications;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.store.Workspace;

/**
 * Feedback out, rectification back, closure out again: the office's items reach the unit, the unit's
 * answers and evidence reach the office, and neither side's part is overwritten by the other.
 */
class FeedbackRoundTripTest {
    @TempDir
    static Path demo;

    @Test
    void feedbackRectificationAndClosureTravelBothWays(@TempDir Path copy, @TempDir Path usb) throws Exception {
        Path officeDir = DemoOffice.approvedCopy(demo, copy);
        Path xmDir = DemoBuilder.bundled().folderOf(demo, "XM");
        char[] pass = DemoBuilder.PASSPHRASE.toCharArray();

        // The office finds two problems at XM and sends its feedback.
        Path feedback;
        String summary;
        try (Workspace office = Workspace.open(officeDir)) {
            Rectifications r = new Rectifications(office);
            r.add("XM", 2008, "行政服务中心窗口工作时间无人值守", "建立 AB 岗制度", LocalDate.of(2009, 5, 31));
            r.add("XM", 2008, "半年报告逾期报送", "", null);
            var sent = Feedbacks.send(office, WorkspaceKeys.unlock(office, pass),
                    org.perfdesk.report.FeedbackResults.approved(office, "XM", 2008), usb);
            feedback = sent.file();
            var xm = new org.perfdesk.evaluation.Evaluator(office).evaluate(2008).stream()
                    .filter(x -> x.unit().code().equals("XM")).findFirst().orElseThrow();
            summary = "总分 " + org.perfdesk.domain.Numbers.plain(xm.total()) + "，设区市政府排名：" + xm.rank();
            assertThat(r.of("XM", 2008)).allMatch(i -> i.sentIn() != null);
            // A unit without items gets its result all the same.
            assertThat(Feedbacks.send(office, WorkspaceKeys.unlock(office, pass),
                    org.perfdesk.report.FeedbackResults.approved(office, "NP", 2008), usb).file()).exists();
        }

        // XM imports it, answers both items and attaches evidence to the first, and sends its plan.
        Path plan;
        try (Workspace xm = Workspace.open(xmDir)) {
            List<ImportReport> reports = new Importer(xm, WorkspaceKeys.unlock(xm, pass)).importAll(List.of(feedback), false);
            assertThat(reports).singleElement().satisfies(rep -> {
                assertThat(rep.status()).as(rep.message()).isEqualTo(ImportReport.Status.ACCEPTED);
                assertThat(rep.message()).contains(summary).contains("整改事项 2 项");
            });
            Rectifications r = new Rectifications(xm);
            List<RectificationItem> got = r.of("XM", 2008);
            assertThat(got).extracting(RectificationItem::finding)
                    .containsExactly("行政服务中心窗口工作时间无人值守", "半年报告逾期报送");
            RectificationItem first = r.answer(got.get(0), "实行 AB 岗并公示", "厦门市行政服务中心",
                    LocalDate.of(2009, 4, 30), RectificationItem.Status.DONE, "4 月起执行");
            r.attach(first, Files.writeString(copy.resolve("AB岗公示.txt"), "AB 岗名单 2009-04-01 公示"));
            r.answer(got.get(1), "建立报送提醒", "厦门市效能办", null, RectificationItem.Status.IN_PROGRESS, "");
            plan = new Exporter(xm, WorkspaceKeys.unlock(xm, pass)).exportUnitPackage(PackageKind.RECTIFICATION,
                    2008, usb, null).file();
        }

        // The office takes the unit's answers and the evidence, keeps its own wording, and closes item 1.
        Path closure;
        try (Workspace office = Workspace.open(officeDir)) {
            List<ImportReport> reports = new Importer(office, WorkspaceKeys.unlock(office, pass)).importAll(List.of(plan), false);
            assertThat(reports).singleElement().satisfies(rep -> {
                assertThat(rep.status()).as(rep.message()).isEqualTo(ImportReport.Status.ACCEPTED);
                assertThat(rep.message()).contains("答复 2 项，其中已完成 1 项");
            });
            Rectifications r = new Rectifications(office);
            List<RectificationItem> items = r.of("XM", 2008);
            RectificationItem first = items.get(0);
            assertThat(first.finding()).isEqualTo("行政服务中心窗口工作时间无人值守");
            assertThat(first.measure()).isEqualTo("实行 AB 岗并公示");
            assertThat(first.owner()).isEqualTo("厦门市行政服务中心");
            assertThat(first.status()).isEqualTo(RectificationItem.Status.DONE);
            assertThat(first.evidence()).hasSize(1);
            assertThat(Files.readString(office.evidence().file(first.evidence().get(0)).orElseThrow()))
                    .isEqualTo("AB 岗名单 2009-04-01 公示");
            assertThat(office.evidence().fileName(first.evidence().get(0))).contains("AB岗公示.txt");
            assertThat(items.get(1).status()).isEqualTo(RectificationItem.Status.IN_PROGRESS);

            r.close(first, "暗访复查：窗口已有人值守");
            closure = Feedbacks.send(office, WorkspaceKeys.unlock(office, pass),
                    org.perfdesk.report.FeedbackResults.approved(office, "XM", 2008), usb).file();
            assertThat(office.audit().check()).isEmpty();
        }

        // XM sees item 1 closed, and its own answers are still there.
        try (Workspace xm = Workspace.open(xmDir)) {
            assertThat(new Importer(xm, WorkspaceKeys.unlock(xm, pass)).importAll(List.of(closure), false)).singleElement()
                    .satisfies(rep -> assertThat(rep.status()).as(rep.message()).isEqualTo(ImportReport.Status.ACCEPTED));
            List<RectificationItem> items = new Rectifications(xm).of("XM", 2008);
            assertThat(items.get(0).closed()).isTrue();
            assertThat(items.get(0).closedReason()).isEqualTo("暗访复查：窗口已有人值守");
            assertThat(items.get(0).measure()).isEqualTo("实行 AB 岗并公示");
            assertThat(items.get(0).evidence()).hasSize(1);
            assertThat(items.get(1).closed()).isFalse();
            // Both results are kept at the unit, to be opened again.
            assertThat(FeedbackPayload.received(xm, 2008)).hasSize(2)
                    .allSatisfy(x -> assertThat(x.result().unitCode()).isEqualTo("XM"));
        }
    }

    @Test
    void noFeedbackGoesOutBeforeTheResultsAreApprovedAndFrozen(@TempDir Path copy, @TempDir Path usb)
            throws Exception {
        Path officeDir = DemoOffice.importedCopy(demo, copy);
        char[] pass = DemoBuilder.PASSPHRASE.toCharArray();
        try (Workspace office = Workspace.open(officeDir)) {
            assertThatThrownBy(() -> org.perfdesk.report.FeedbackResults.approved(office, "XM", 2008))
                    .isInstanceOf(UserError.class).hasFieldOrPropertyWithValue("key", "error.feedback.notApproved");
            assertThat(office.packages().findAll().stream().filter(p -> p.kind().equalsIgnoreCase("feedback"))).isEmpty();
        }
    }
}
