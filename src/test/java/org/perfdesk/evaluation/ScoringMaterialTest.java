package org.perfdesk.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.store.Workspace;

/**
 * The evaluation reads only the nodes a score can depend on (nodes with points and nodes with a node below
 * them); what it reads of each is what the whole trees hold, and the results are those of the whole trees — on
 * the demo year with trees made to catch a wrong cut: points below nodes without points, several levels deep,
 * under a removed node, siblings that tie on position and title, blank and odd decimals, a unit without points.
 */
class ScoringMaterialTest {
    private static final int YEAR = 2008;
    @TempDir
    static Path demoDir;
    private Workspace office;
    private Evaluator evaluator;

    @BeforeEach
    void office(@TempDir Path copy) throws Exception {
        office = Workspace.open(DemoOffice.evaluatedCopy(demoDir, copy));
        evaluator = new Evaluator(office);
    }

    @AfterEach
    void close() {
        office.close();
    }

    private static GoalNode node(String unit, String parent, int position, NodeKind kind, String title, String weight) {
        GoalNode n = GoalNode.create(unit, YEAR, parent, position, kind, title);
        return weight == null ? n : n.withWeight(new BigDecimal(weight));
    }

    private void sql(String sql, Object... args) {
        office.database().write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    @Test
    void theNodesReadForScoringAreThoseOfTheWholeTreesAndGiveTheSameResults() {
        // Without points, two levels above an indicator with points (kept), with a task without points (left out).
        GoalNode goal = node("XM", null, 1, NodeKind.GOAL, "无分值目标", null);
        GoalNode sub = node("XM", goal.id(), 0, NodeKind.SUB_GOAL, "无分值子目标", null);
        GoalNode indicator = node("XM", sub.id(), 0, NodeKind.INDICATOR, "带分值指标", "1.50")
                .withMeasure(new Measure.Quantitative(new BigDecimal("12.50"), null, "件", Direction.HIGHER_BETTER));
        GoalNode task = node("XM", indicator.id(), 0, NodeKind.TASK, "无分值任务", null);
        // A task with points: it is scored, its indicator is not.
        GoalNode split = node("XM", goal.id(), 1, NodeKind.INDICATOR, "分到任务的指标", "2");
        GoalNode pointedTask = node("XM", split.id(), 0, NodeKind.TASK, "带分值任务", "0.5");
        // Below a removed node: a root in both readings.
        GoalNode removed = node("XM", null, 7, NodeKind.GOAL, "已删除目标", null).withDeleted(true);
        GoalNode orphan = node("XM", removed.id(), 0, NodeKind.INDICATOR, "上级已删除的指标", "3");
        // Roots that tie on position and title: the order read decides, and must stay.
        GoalNode tieA = node("XM", null, 0, NodeKind.GOAL, "同名目标", "4");
        GoalNode tieB = node("XM", null, 0, NodeKind.GOAL, "同名目标", null);
        GoalNode belowTieB = node("XM", tieB.id(), 0, NodeKind.INDICATOR, "同名目标下指标", "1");
        GoalNode tieC = node("XM", null, 0, NodeKind.GOAL, "同名目标", null);
        GoalNode zero = node("XM", goal.id(), 2, NodeKind.INDICATOR, "零分值指标", "0");
        GoalNode blank = node("XM", goal.id(), 3, NodeKind.INDICATOR, "空白分值指标", null);
        List<GoalNode> added = List.of(goal, sub, indicator, task, split, pointedTask, removed, orphan, tieA, tieB,
                belowTieB, tieC, zero, blank);
        office.goals().saveAll(added);
        // Stored as text the way a package may bring it: blank, padded, with leading zeros.
        sql("UPDATE goal_node SET weight = '' WHERE id = ?", blank.id());
        sql("UPDATE goal_node SET weight = ' 1.50 ', target = '0012.50' WHERE id = ?", indicator.id());
        office.progress().saveAll(List.of(
                new Progress(indicator.id(), 4, new BigDecimal("7"), new BigDecimal("56"), ProgressStatus.BEHIND,
                        "叙述", null, null, null),
                new Progress(indicator.id(), 2, null, null, null, null, null, null, null),
                new Progress(pointedTask.id(), 4, null, null, ProgressStatus.DONE, null, null, null, null),
                new Progress(blank.id(), 4, new BigDecimal("1"), null, null, null, null, null, null)));
        sql("UPDATE progress SET actual_value = ' 07.500 ', completion_percent = '5.6E+1' WHERE node_id = ? "
                + "AND quarter = 4", indicator.id());
        office.selfAssessments().saveAll(List.of(new SelfAssessment(indicator.id(), new BigDecimal("1.20"), null, "x"),
                new SelfAssessment(orphan.id(), null, "良好", null)));
        sql("UPDATE self_assessment SET score = '1.2000' WHERE node_id = ?", indicator.id());
        // A unit outside the ranking groups whose tree has no points at all: listed (未报送) all the same.
        office.orgUnits().save(new OrgUnit("ZZ", "无分值单位", OrgKind.DEPARTMENT, null, null, null));
        GoalNode zzGoal = node("ZZ", null, 0, NodeKind.GOAL, "目标", null);
        office.goals().saveAll(List.of(zzGoal, node("ZZ", zzGoal.id(), 0, NodeKind.TASK, "任务", null)));
        EvaluationScheme scheme = evaluator.scheme(YEAR);

        List<Evaluation.UnitMaterial> whole = evaluator.material(YEAR);
        List<Evaluation.UnitMaterial> scoring = evaluator.scoringMaterial(YEAR);

        assertThat(scoring).extracting(m -> m.unit().code())
                .containsExactlyElementsOf(whole.stream().map(m -> m.unit().code()).toList()).contains("ZZ");
        Map<String, Evaluation.UnitMaterial> wholeByUnit = whole.stream()
                .collect(Collectors.toMap(m -> m.unit().code(), Function.identity()));
        for (Evaluation.UnitMaterial m : scoring) {
            Evaluation.UnitMaterial w = wholeByUnit.get(m.unit().code());
            // Every node read is the node the whole tree holds, field by field; figures and the rest alike.
            assertThat(w.tree().inOrder()).containsAll(m.tree().inOrder());
            assertThat(m.tree().inOrder()).allSatisfy(n -> assertThat(n).isEqualTo(w.tree().find(n.id()).orElseThrow()));
            // And, in every field a score or a hash reads, the node as the unit's own full read gives it.
            org.perfdesk.domain.GoalTree own = office.goals().loadTree(m.unit().code(), YEAR);
            assertThat(m.tree().inOrder()).allSatisfy(n -> assertThat(n).usingRecursiveComparison()
                    .ignoringFields("description", "ownerCode", "qualityRequirement", "originId")
                    .isEqualTo(own.find(n.id()).orElseThrow()));
            assertThat(IndicatorRule.scored(m.tree())).containsExactlyElementsOf(IndicatorRule.scored(w.tree()))
                    .containsExactlyElementsOf(IndicatorRule.scored(own).stream()
                            .map(n -> m.tree().find(n.id()).orElseThrow()).toList());
            assertThat(m.progress()).isEqualTo(w.progress());
            assertThat(m.self()).isEqualTo(w.self());
            assertThat(m.office()).isEqualTo(w.office());
            assertThat(m.verified()).isEqualTo(w.verified());
            assertThat(m.appraisals()).isEqualTo(w.appraisals());
            assertThat(m.inspections()).isEqualTo(w.inspections());
            assertThat(m.bonuses()).isEqualTo(w.bonuses());
            assertThat(m.decision()).isEqualTo(w.decision());
        }
        Evaluation.UnitMaterial xm = scoring.stream().filter(m -> m.unit().code().equals("XM")).findFirst().orElseThrow();
        // The nodes without points and without anything below them are not read; those above points are.
        assertThat(xm.tree().find(task.id())).isEmpty();
        assertThat(xm.tree().find(tieC.id())).isEmpty();
        assertThat(xm.tree().find(goal.id())).isPresent();
        assertThat(xm.tree().find(sub.id())).isPresent();
        assertThat(xm.tree().find(tieB.id())).isPresent();
        assertThat(xm.tree().size()).isLessThan(wholeByUnit.get("XM").tree().size());
        assertThat(xm.tree().roots()).extracting(GoalNode::id).contains(orphan.id());
        assertThat(IndicatorRule.scored(xm.tree())).extracting(GoalNode::id)
                .contains(indicator.id(), pointedTask.id(), orphan.id(), belowTieB.id()).doesNotContain(split.id());
        assertThat(xm.tree().find(indicator.id()).orElseThrow().weight()).isEqualTo(new BigDecimal("1.50"));
        assertThat(xm.progress().get(indicator.id())).extracting(Progress::actualValue)
                .containsExactly(null, new BigDecimal("07.500"));
        assertThat(xm.self().get(indicator.id()).score()).isEqualTo(new BigDecimal("1.2000"));

        List<Evaluation.UnitResult> results = evaluator.evaluate(YEAR);
        assertThat(results).isEqualTo(Evaluation.evaluate(scheme, whole));
        assertThat(Canonical.results(results)).isEqualTo(Canonical.results(Evaluation.evaluate(scheme, whole)));
        assertThat(results).filteredOn(r -> r.unit().code().equals("ZZ"))
                .singleElement().extracting(Evaluation.UnitResult::standing).isEqualTo(Evaluation.Standing.NOT_SUBMITTED);
        assertThat(InputHashes.of(scheme, scoring)).isEqualTo(InputHashes.of(scheme, whole));
    }
}
