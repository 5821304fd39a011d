package org.perfdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.ReportSection;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.Workspace;

/** Drafts of the half-year and annual reports from the demo's trees and progress, and merging with edits. */
class ReportDraftsTest {
    private static final Texts ZH = Texts.of(Texts.CHINESE);

    private static List<ReportSection> draft(String unit, ReportKind kind, Texts t) {
        try (Workspace ws = Workspace.open(DemoSet.unit(unit))) {
            return new ReportDrafts(t).draft(ReportData.load(ws, unit, 2008, kind));
        }
    }

    private static GoalTree tree(String unit) {
        try (Workspace ws = Workspace.open(DemoSet.unit(unit))) {
            return ws.goals().loadTree(unit, 2008);
        }
    }

    private static List<Progress> progress(String unit) {
        try (Workspace ws = Workspace.open(DemoSet.unit(unit))) {
            return ws.progress().findByUnit(unit, 2008);
        }
    }

    @Test
    void overviewThenOneSectionPerTopLevelGoalWithItsTitleThenTheClosing() {
        List<ReportSection> sections = draft("SLT", ReportKind.MIDYEAR, ZH);
        List<GoalNode> goals = tree("SLT").roots();

        assertThat(sections).hasSize(goals.size() + 2);
        assertThat(sections.get(0).key()).isEqualTo(ReportSection.OVERVIEW);
        assertThat(sections.get(0).title()).isEqualTo("总体情况");
        for (int i = 0; i < goals.size(); i++) {
            ReportSection s = sections.get(i + 1);
            assertThat(s.goalId()).isEqualTo(goals.get(i).id());
            assertThat(s.title()).isEqualTo(goals.get(i).title());
        }
        assertThat(sections.get(sections.size() - 1).key()).isEqualTo(ReportSection.CLOSING);
        assertThat(sections.get(sections.size() - 1).title()).isEqualTo("下一步工作打算");
        assertThat(sections).extracting(ReportSection::position).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(sections).allSatisfy(s -> {
            assertThat(s.unitCode()).isEqualTo("SLT");
            assertThat(s.kind()).isEqualTo(ReportKind.MIDYEAR);
            assertThat(s.body()).isNotBlank().doesNotContain("!report.");
        });
    }

    @Test
    void everyIndicatorAtRiskOrBehindHasItsProblemsCausesAndMeasuresInItsGoalsSection() {
        for (String unit : List.of("SLT", "NYT", "WJJ")) {
            GoalTree tree = tree(unit);
            Map<String, String> bodyByGoal = new HashMap<>();
            for (ReportSection s : draft(unit, ReportKind.MIDYEAR, ZH)) {
                if (s.goalId() != null) {
                    bodyByGoal.put(s.goalId(), s.body());
                }
            }
            int flagged = 0;
            for (Progress p : progress(unit)) {
                if (p.quarter() != 2 || p.status() != ProgressStatus.AT_RISK && p.status() != ProgressStatus.BEHIND) {
                    continue;
                }
                flagged++;
                GoalNode node = tree.find(p.nodeId()).orElseThrow();
                String body = bodyByGoal.get(topOf(tree, node).id());
                assertThat(body).as(unit + " " + node.title())
                        .contains(node.title() + "（" + ZH.of(p.status()))
                        .contains(p.problems().strip()).contains(p.causes().strip()).contains(p.measures().strip());
            }
            assertThat(flagged).as(unit + " has indicators at risk or behind").isPositive();
        }
    }

    private static GoalNode topOf(GoalTree tree, GoalNode node) {
        GoalNode n = node;
        while (n.parentId() != null) {
            n = tree.find(n.parentId()).orElseThrow();
        }
        return n;
    }

    @Test
    void overviewCountsTheStatusesOfTheLatestQuarter() {
        List<Progress> q2 = progress("NYT").stream().filter(p -> p.quarter() == 2).toList();
        long done = q2.stream().filter(p -> p.status() == ProgressStatus.DONE).count();
        long atRisk = q2.stream().filter(p -> p.status() == ProgressStatus.AT_RISK).count();
        long behind = q2.stream().filter(p -> p.status() == ProgressStatus.BEHIND).count();
        long onTrack = q2.stream().filter(p -> p.status() == ProgressStatus.ON_TRACK).count();

        String overview = draft("NYT", ReportKind.MIDYEAR, ZH).get(0).body();

        assertThat(overview).contains("截至二季度末，" + q2.size() + "项指标中已完成" + done + "项、正常推进" + onTrack
                + "项、有风险" + atRisk + "项、滞后" + behind + "项。");
        assertThat(overview).contains("2008年度共设定绩效目标" + tree("NYT").roots().size() + "项");
        assertThat(overview).contains("按分值加权计算，指标总体完成率为").contains("需要重点关注的指标2项");
    }

    @Test
    void eachIndicatorLineStatesTargetActualCompletionAndStatus() {
        String body = draft("SLT", ReportKind.MIDYEAR, ZH).stream()
                .filter(s -> s.title().equals("农村水利与民生水利")).findFirst().orElseThrow().body();
        assertThat(body).contains("新增农田有效灌溉面积：目标20万亩，完成9.6万亩，完成率48.0%，正常。");
        assertThat(body).contains("本目标分值22分，下设考核指标5项，由农村水利处负责落实。");
    }

    @Test
    void theAnnualReportLooksToNextYear() {
        List<ReportSection> annual = draft("SLT", ReportKind.ANNUAL, ZH);
        ReportSection closing = annual.get(annual.size() - 1);
        assertThat(closing.title()).isEqualTo("下一年度工作思路");
        // SLT missed its target of 10 medium reservoirs (9 done): it leads next year's work.
        assertThat(closing.body()).startsWith("2009年，").contains("1. 中型病险水库除险加固完工数：")
                .doesNotContain("汛前检查隐患整改完成率");
        assertThat(annual).allSatisfy(s -> assertThat(s.kind()).isEqualTo(ReportKind.ANNUAL));
    }

    @Test
    void draftsFollowTheLanguage() {
        List<ReportSection> en = draft("SLT", ReportKind.MIDYEAR, Texts.of(Locale.ENGLISH));
        assertThat(en.get(0).title()).isEqualTo("Overview");
        assertThat(en.get(0).body()).contains("By the end of Q2, of 29 indicators").doesNotContain("!");
        assertThat(en.get(en.size() - 1).title()).isEqualTo("Plans for the second half of the year");
    }

    @Test
    void mergeKeepsWhatTheUserWroteAndAddsWhatIsMissing() {
        List<ReportSection> drafts = draft("SLT", ReportKind.MIDYEAR, ZH);
        ReportSection edited = drafts.get(2).withBody("用户改写的第二项目标分析。");
        ReportSection emptied = drafts.get(0).withBody("");
        ReportSection removedGoal = new ReportSection("SLT", 2008, ReportKind.MIDYEAR, "goal:gone", 9, "已删除的目标",
                "关于已删除目标的说明。");

        List<ReportSection> merged = ReportDrafts.merge(List.of(removedGoal, edited, emptied), drafts);

        assertThat(merged).hasSize(drafts.size() + 1);
        assertThat(merged.get(2).body()).isEqualTo("用户改写的第二项目标分析。");
        assertThat(merged.get(0).body()).as("an empty saved body takes the draft").isEqualTo(drafts.get(0).body());
        assertThat(merged.get(1)).isEqualTo(drafts.get(1));
        assertThat(merged.get(merged.size() - 2).key()).as("kept text of a removed goal, before the closing")
                .isEqualTo("goal:gone");
        assertThat(merged.get(merged.size() - 2).body()).isEqualTo("关于已删除目标的说明。");
        assertThat(merged.get(merged.size() - 1).key()).isEqualTo(ReportSection.CLOSING);
        assertThat(merged).extracting(ReportSection::position).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void savedEditsSurviveANewDraft() {
        try (Workspace ws = Workspace.open(DemoSet.unit("LYT"))) {
            List<ReportSection> first = ReportDrafts.forEditing(ws, "LYT", 2008, ReportKind.MIDYEAR);
            assertThat(ws.reports().find("LYT", 2008, ReportKind.MIDYEAR)).as("nothing is saved by drafting").isEmpty();

            ws.reports().saveAll(List.of(first.get(1).withBody("处室自己写的分析。")));
            List<ReportSection> again = ReportDrafts.forEditing(ws, "LYT", 2008, ReportKind.MIDYEAR);

            assertThat(again).hasSize(first.size());
            assertThat(again.get(1).body()).isEqualTo("处室自己写的分析。");
            assertThat(again.get(0).body()).isEqualTo(first.get(0).body());
            ws.reports().saveAll(again);
            assertThat(ws.reports().find("LYT", 2008, ReportKind.MIDYEAR)).isEqualTo(again);
        }
    }

    @Test
    void aYearWithoutGoalsIsAUserError() {
        try (Workspace ws = Workspace.open(DemoSet.unit("SLT"))) {
            assertThatThrownBy(() -> ReportData.load(ws, "SLT", 2009, ReportKind.MIDYEAR))
                    .isInstanceOf(UserError.class).hasMessageContaining("福建省水利厅2009年度还没有目标分解数据");
        }
    }

    @Test
    void completionCountsEachIndicatorAtMostFullAndOnlyTheReportsQuarters() {
        OrgUnit unit = new OrgUnit("U", "某单位", OrgKind.DEPARTMENT, null);
        GoalNode goal = GoalNode.create("U", 2008, null, 0, NodeKind.GOAL, "目标").withWeight(BigDecimal.TEN);
        GoalNode a = GoalNode.create("U", 2008, goal.id(), 0, NodeKind.INDICATOR, "甲").withWeight(BigDecimal.valueOf(6));
        GoalNode b = GoalNode.create("U", 2008, goal.id(), 1, NodeKind.INDICATOR, "乙").withWeight(BigDecimal.valueOf(4));
        List<Progress> progress = List.of(
                new Progress(a.id(), 2, null, BigDecimal.valueOf(150), ProgressStatus.DONE, null, null, null, null),
                new Progress(b.id(), 2, null, BigDecimal.valueOf(50), ProgressStatus.ON_TRACK, null, null, null, null),
                new Progress(b.id(), 3, null, BigDecimal.valueOf(80), ProgressStatus.BEHIND, null, null, null, null));
        ReportData data = new ReportData(unit, 2008, ReportKind.MIDYEAR, new GoalTree(List.of(goal, a, b)), List.of(),
                progress);

        StatusCounts c = StatusCounts.of(data.indicators().stream().map(n -> IndicatorFacts.of(data, n, ZH)).toList());

        assertThat(data.quarter()).isEqualTo(2);
        assertThat(c.done()).isEqualTo(1);
        assertThat(c.onTrack()).isEqualTo(1);
        assertThat(c.behind()).as("Q3 is after the half-year report").isZero();
        assertThat(c.weighted()).isTrue();
        assertThat(c.completion()).isEqualByComparingTo("80");
    }
}
