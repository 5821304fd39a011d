package org.perfdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.exchange.snapshot.SnapshotJson;
import org.perfdesk.exchange.snapshot.SnapshotMapper;
import org.perfdesk.store.Workspace;

/**
 * An export reads the unit's snapshot on a second thread while its JSON is written (SnapshotMapper.takeAhead):
 * the snapshot and its bytes must be those read in one go, and a failure to read must reach the export as it
 * was thrown.
 */
class SnapshotAheadTest extends OneUnitWorld {

    @Test
    void readAheadGivesTheSameSnapshotAndBytesAsReadingInOneGo() {
        Workspace slt = world.units.get("SLT");
        // Progress in several quarters and of several nodes, a deleted node's progress (left out) and another
        // year's node (left out): the rows come by node, then quarter.
        GoalNode extra = GoalNode.create("SLT", World.YEAR, "SLT-g1", 2, NodeKind.INDICATOR, "新增指标");
        GoalNode gone = new GoalNode("SLT-gone", "SLT", World.YEAR, "SLT-g1", 3, NodeKind.INDICATOR, "已删除", null,
                null, null, null, null, null, null, 1, true);
        GoalNode nextYear = GoalNode.create("SLT", World.YEAR + 1, null, 0, NodeKind.INDICATOR, "明年");
        slt.goals().saveAll(List.of(extra, gone, nextYear));
        slt.progress().saveAll(List.of(
                new Progress("SLT-i1", 3, new BigDecimal("9"), new BigDecimal("75"), ProgressStatus.AT_RISK, "三季度",
                        "问题", "原因", "措施"),
                new Progress("SLT-i1", 2, null, null, null, null, null, null, null),
                new Progress("SLT-i2", 1, null, new BigDecimal("0.000001"), ProgressStatus.DONE, "\"引号\"\n换行", null,
                        null, null),
                new Progress(extra.id(), 4, new BigDecimal("1E+3"), null, ProgressStatus.BEHIND, null, null, null, null),
                new Progress(gone.id(), 1, BigDecimal.ONE, BigDecimal.TEN, ProgressStatus.ON_TRACK, "删", null, null, null),
                new Progress(nextYear.id(), 1, BigDecimal.ONE, BigDecimal.TEN, ProgressStatus.ON_TRACK, "明", null, null,
                        null)));
        slt.selfAssessments().save(new SelfAssessment("SLT-i1", new BigDecimal("58.5"), null, "自评"));

        Payloads.Snapshot once = SnapshotMapper.take(slt, "SLT", World.YEAR);
        SnapshotMapper.Ahead ahead = SnapshotMapper.takeAhead(slt, "SLT", World.YEAR);
        byte[] json = SnapshotJson.write(ahead);

        assertThat(json).isEqualTo(SnapshotJson.write(once));
        assertThat(ahead.snapshot()).isEqualTo(once);
        assertThat(once.progress()).extracting(p -> p.nodeId() + "/" + p.quarter()).containsExactlyElementsOf(
                once.progress().stream().sorted(java.util.Comparator.comparing(Payloads.ProgressItem::nodeId)
                        .thenComparingInt(Payloads.ProgressItem::quarter)).map(p -> p.nodeId() + "/" + p.quarter())
                        .toList());
        assertThat(once.progress()).extracting(Payloads.ProgressItem::nodeId)
                .contains("SLT-i1", "SLT-i2", extra.id()).doesNotContain(gone.id(), nextYear.id());
        assertThat(once.progress()).hasSize(5);
    }

    @Test
    void aFailureToReadIsThrownAsReadingInOneGoThrowsIt() {
        Workspace slt = world.units.get("SLT");
        slt.close();
        Throwable once = catchThrowable(() -> SnapshotMapper.take(slt, "SLT", World.YEAR));
        assertThat(once).isNotNull();

        SnapshotMapper.Ahead ahead = SnapshotMapper.takeAhead(slt, "SLT", World.YEAR);
        assertThatThrownBy(() -> SnapshotJson.write(ahead)).isInstanceOf(once.getClass()).hasMessage(once.getMessage());
        assertThatThrownBy(ahead::snapshot).isInstanceOf(once.getClass()).hasMessage(once.getMessage());
    }
}
