package org.perfdesk.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.RectificationItem;
import org.perfdesk.domain.RectificationMerge;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.Workspace;

/** The office's items, closures with reasons, and the two sides merging without overwriting each other. */
class RectificationsTest {
    @TempDir
    static Path demo;

    @Test
    void itemsAreNumberedClosedAndReopenedWithReasonsInTheAuditLog(@TempDir Path copy) throws Exception {
        try (Workspace office = Workspace.open(DemoOffice.importedCopy(demo, copy))) {
            Rectifications r = new Rectifications(office);
            RectificationItem first = r.add("XM", 2008, "行政服务中心窗口工作时间无人值守", "建立 AB 岗制度",
                    LocalDate.of(2009, 5, 31));
            RectificationItem second = r.add("XM", 2008, "半年报告未按时报送", "", null);
            assertThat(List.of(first.number(), second.number())).containsExactly(1, 2);
            assertThatThrownBy(() -> r.add("XM", 2008, " ", "", null)).isInstanceOf(UserError.class);

            r.markSent("XM", 2008, "pkg-1");
            assertThatThrownBy(() -> r.delete(second)).isInstanceOf(UserError.class)
                    .hasFieldOrPropertyWithValue("key", "error.rectification.alreadySent");
            assertThatThrownBy(() -> r.edit(second, "半年报告逾期 3 天报送", "", null, ""))
                    .as("a sent item changes only with a reason").isInstanceOf(UserError.class);
            r.edit(second, "半年报告逾期 3 天报送", "", null, "核实报送日期");

            RectificationItem closed = r.close(first, "暗访复查：窗口已有人值守");
            assertThat(closed.closed()).isTrue();
            RectificationItem reopened = r.reopen(closed, "再次暗访仍无人值守");
            assertThat(reopened.closed()).isFalse();
            assertThat(reopened.closedReason()).isEqualTo("再次暗访仍无人值守");

            assertThat(office.audit().all()).filteredOn(e -> e.action().equals("rectification"))
                    .extracting(e -> e.reason()).contains("暗访复查：窗口已有人值守", "再次暗访仍无人值守", "核实报送日期");
            assertThat(office.audit().check()).isEmpty();
        }
    }

    @Test
    void eachSideKeepsItsOwnPart(@TempDir Path copy) throws Exception {
        RectificationItem sent = new RectificationItem("a", "XM", 2008, 1, "窗口无人值守", "建立 AB 岗", null, "", "",
                null, RectificationItem.Status.OPEN, "", null, null, "pkg-1", List.of());
        // The unit has answered; then the office sends again with the finding reworded and the item closed.
        RectificationItem answered = sent.withUnit("AB 岗已建立", "行政服务中心", LocalDate.of(2009, 4, 1),
                RectificationItem.Status.DONE, "已公示", List.of("ab12"));
        RectificationItem again = sent.withOffice("窗口工作时间无人值守", "建立 AB 岗制度", null)
                .withClosure(java.time.Instant.parse("2009-05-01T00:00:00Z"), "复查合格");

        RectificationItem atUnit = RectificationMerge.feedbackIntoUnit(List.of(answered), List.of(again)).get(0);
        assertThat(atUnit.finding()).isEqualTo("窗口工作时间无人值守");
        assertThat(atUnit.closed()).isTrue();
        assertThat(atUnit.measure()).isEqualTo("AB 岗已建立");
        assertThat(atUnit.evidence()).containsExactly("ab12");

        // The unit's plan arrives at the office: its parts taken, the office's finding and closure kept.
        RectificationItem atOffice = RectificationMerge.planIntoOffice(List.of(again),
                List.of(answered.withOffice("被单位改掉的发现", "", null))).get(0);
        assertThat(atOffice.finding()).isEqualTo("窗口工作时间无人值守");
        assertThat(atOffice.closed()).isTrue();
        assertThat(atOffice.status()).isEqualTo(RectificationItem.Status.DONE);
        assertThat(atOffice.owner()).isEqualTo("行政服务中心");
    }

    @Test
    void evidenceIsStoredOnceAndListed(@TempDir Path copy) throws Exception {
        try (Workspace office = Workspace.open(DemoOffice.importedCopy(demo, copy))) {
            Rectifications r = new Rectifications(office);
            RectificationItem item = r.add("NP", 2008, "公开栏信息未更新", "", null);
            Path file = Files.writeString(copy.resolve("整改照片.txt"), "公开栏 2009-03-02 更新");
            r.attach(item, file);
            RectificationItem twice = r.attach(item, file);
            assertThat(twice.evidence()).hasSize(1);
            assertThat(office.evidence().fileName(twice.evidence().get(0))).contains("整改照片.txt");
        }
    }
}
