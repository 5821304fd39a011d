package org.perfdesk.report.xlsx;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.perfdesk.domain.Direction;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Role;
import org.perfdesk.store.Workspace;

/**
 * The small example tree of the template {@code sample-data/goal-tree-template.xlsx}: a generic
 * department with generic divisions, every evaluation method, four levels, weights that add up.
 */
final class ExampleTree {
    static final String UNIT = "EX";
    static final int YEAR = 2008;
    static final Path TEMPLATE = Path.of("sample-data/goal-tree-template.xlsx");

    private ExampleTree() {
    }

    static OrgUnit self() {
        return new OrgUnit(UNIT, "示例厅", OrgKind.DEPARTMENT, "XNB", RankingGroup.PROVINCIAL_DEPARTMENTS, null);
    }

    /** The generic divisions and one person the template names as owners. */
    static List<OrgUnit> organisations() {
        return List.of(
                new OrgUnit("EX-BGS", "办公室", OrgKind.DIVISION, UNIT),
                new OrgUnit("EX-GHC", "综合规划处", OrgKind.DIVISION, UNIT),
                new OrgUnit("EX-GHC-01", "张明（处长）", OrgKind.PERSON, "EX-GHC"),
                new OrgUnit("EX-YW1", "业务一处", OrgKind.DIVISION, UNIT),
                new OrgUnit("EX-YW2", "业务二处", OrgKind.DIVISION, UNIT),
                new OrgUnit("EX-FGC", "政策法规处", OrgKind.DIVISION, UNIT));
    }

    /** A unit workspace with the example's organisations and, if asked, its tree. */
    static Workspace workspace(Path dir, boolean withTree) {
        Workspace ws = Workspace.create(dir, new Workspace.Setup(Role.UNIT, self(), YEAR, "test"));
        ws.orgUnits().saveAll(organisations());
        if (withTree) {
            ws.goals().saveAll(nodes());
        }
        return ws;
    }

    static List<GoalNode> nodes() {
        Builder b = new Builder();
        String g1 = b.add(null, NodeKind.GOAL, "依法履行职责，完成年度重点工作", "60", null, UNIT,
                "年度重点工作全部按期完成，群众满意度提高。", "2008-12-31", "对照省政府下达本部门的年度工作任务确定。");
        String s11 = b.add(g1, NodeKind.SUB_GOAL, "重点项目建设", "35", null, "EX-GHC",
                "项目按计划开工、竣工，资金专款专用。", "2008-12-31", null);
        String i111 = b.add(s11, NodeKind.INDICATOR, "完成年度重点项目投资", "20",
                new Measure.Quantitative(new BigDecimal("12"), new BigDecimal("10.5"), "亿元", Direction.HIGHER_BETTER),
                "EX-GHC-01", "以统计部门核定的投资完成额为准。", "2008-12-31", null);
        b.add(i111, NodeKind.TASK, "制定重点项目年度计划并分解下达", null, null, "EX-GHC",
                "计划分解到项目和责任人，报厅务会审定。", "2008-03-31", null);
        b.add(i111, NodeKind.TASK, "按季调度项目进展，通报完成情况", null, null, "EX-YW1",
                "每季度末召开调度会，通报在厅网站公开。", "2008-12-31", null);
        b.add(s11, NodeKind.INDICATOR, "完成项目前期工作", "15", new Measure.Milestone(LocalDate.of(2008, 9, 30)),
                "EX-YW1", "可研报告和初步设计通过审查。", "2008-09-30", null);
        String s12 = b.add(g1, NodeKind.SUB_GOAL, "提升公共服务水平", "25", null, "EX-YW2",
                "办事公开透明，群众诉求及时回应。", "2008-12-31", null);
        b.add(s12, NodeKind.INDICATOR, "群众投诉办结率", "15",
                new Measure.Quantitative(new BigDecimal("98"), new BigDecimal("95"), "%", Direction.HIGHER_BETTER),
                "EX-YW2", "投诉件 15 个工作日内办结并回访。", "2008-12-31", null);
        b.add(s12, NodeKind.INDICATOR, "行政审批平均办理时间", "10",
                new Measure.Quantitative(new BigDecimal("5"), new BigDecimal("7"), "个工作日", Direction.LOWER_BETTER),
                "EX-YW2", "以行政服务中心系统记录为准。", "2008-12-31", null);
        String g2 = b.add(null, NodeKind.GOAL, "加强机关效能建设", "40", null, UNIT,
                "制度健全，依法行政，机关作风明显改进。", "2008-12-31", null);
        String s21 = b.add(g2, NodeKind.SUB_GOAL, "健全绩效管理制度", "20", null, "EX-BGS",
                "七项制度全部建立并落实。", "2008-12-31", null);
        b.add(s21, NodeKind.INDICATOR, "绩效管理制度建设", "20",
                new Measure.Qualitative(List.of("好", "较好", "一般", "差"), "好"), "EX-BGS",
                "目标责任、跟踪监控、分析总结等制度印发执行。", "2008-12-31", "由效能办组织评议定级。");
        String s22 = b.add(g2, NodeKind.SUB_GOAL, "推进依法行政", "20", null, "EX-FGC",
                "行政行为合法合规，无重大行政过错。", "2008-12-31", null);
        b.add(s22, NodeKind.INDICATOR, "行政复议案件按期办结率", "10",
                new Measure.Quantitative(new BigDecimal("100"), new BigDecimal("100"), "%", Direction.AT_TARGET),
                "EX-FGC", "在法定期限内办结。", "2008-12-31", null);
        b.add(s22, NodeKind.INDICATOR, "完成规范性文件合法性审查", "10",
                new Measure.Milestone(LocalDate.of(2008, 6, 30)), "EX-FGC", "审查意见书面反馈起草处室。",
                "2008-06-30", null);
        return b.nodes;
    }

    private static final class Builder {
        final List<GoalNode> nodes = new ArrayList<>();

        String add(String parent, NodeKind kind, String title, String weight, Measure measure, String owner,
                   String quality, String deadline, String description) {
            int position = (int) nodes.stream().filter(n -> java.util.Objects.equals(n.parentId(), parent)).count();
            GoalNode n = GoalNode.create(UNIT, YEAR, parent, position, kind, title)
                    .withWeight(weight == null ? null : new BigDecimal(weight))
                    .withMeasure(measure).withOwner(owner).withDeadline(LocalDate.parse(deadline))
                    .withDetails(description, quality);
            nodes.add(n);
            return n.id();
        }
    }
}
