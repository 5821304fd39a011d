package org.perfdesk.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.Texts;

/** What the overview asks a unit to look at. */
class AttentionTest {
    private static GoalNode leaf(String id, LocalDate deadline) {
        return new GoalNode(id, "U", 2008, null, 0, NodeKind.INDICATOR, "指标" + id, null, "U-A", null, deadline,
                null, null, null, 1, false);
    }

    @Test
    void behindFirstThenOverdueAndDueSoonButNotDoneOrFarAway() {
        Texts.use(Texts.CHINESE);
        LocalDate today = LocalDate.of(2008, 9, 1);
        GoalTree tree = new GoalTree(List.of(leaf("1", LocalDate.of(2008, 12, 31)), leaf("2", LocalDate.of(2008, 8, 1)),
                leaf("3", LocalDate.of(2008, 9, 20)), leaf("4", LocalDate.of(2008, 8, 15)),
                leaf("5", LocalDate.of(2008, 12, 31))));
        Map<String, Progress> latest = Map.of(
                "1", new Progress("1", 2, null, null, ProgressStatus.BEHIND, null, "资金未到位", null, null),
                "4", new Progress("4", 2, null, null, ProgressStatus.DONE, null, null, null, null));

        var rows = OverviewViewModel.attention(tree, latest, Map.of("U-A", "综合处"), today);

        assertThat(rows).extracting(OverviewViewModel.AttentionRow::nodeId).containsExactly("1", "2", "3");
        assertThat(rows.get(0).reason()).isEqualTo("滞后：资金未到位");
        assertThat(rows.get(0).owner()).isEqualTo("综合处");
        assertThat(rows.get(1).reason()).isEqualTo("已过时限 2008-08-01，未完成");
        assertThat(rows.get(2).reason()).isEqualTo("时限 2008-09-20，还有 19 天");
    }
}
