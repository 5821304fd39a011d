package org.perfdesk.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.IndicatorSystem;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;

/**
 * Units compared indicator by indicator through the codes of their group's indicator system: for each
 * indicator of the system the node each unit linked to it, and how the scoring rule scored it for the
 * period (target, reported and verified figure, completion, points). A unit that linked nothing to a code
 * left that indicator out, and says so.
 *
 * @param units the group's evaluated units in result order (rank, then code)
 * @param rows  one per indicator of the system, in its order
 */
public record IndicatorComparison(IndicatorSystem system, List<OrgUnit> units, List<Row> rows) {
    /** One unit's indicator under a code: the node, and its scored line (null when it carries no points). */
    public record Cell(GoalNode node, IndicatorRule.Line line) {
    }

    /** One indicator of the system: unit code → its cell, absent where the unit linked nothing. */
    public record Row(IndicatorSystem.Item item, boolean leaf, Map<String, Cell> cells) {
        public Cell cell(String unitCode) {
            return cells.get(unitCode);
        }

        /** How many of the units linked a node to this indicator. */
        public int linked() {
            return cells.size();
        }
    }

    /** Compares the units of {@code results} in the system's group (their material gives each node). */
    public static IndicatorComparison of(IndicatorSystem system, List<Evaluation.UnitResult> results,
                                         Map<String, Evaluation.UnitMaterial> material, EvaluationScheme scheme) {
        RankingGroup group = system.group();
        List<OrgUnit> units = new ArrayList<>();
        Map<String, Map<String, Cell>> byCode = new HashMap<>();
        for (Evaluation.UnitResult r : results) {
            if (r.unit().group() != group) {
                continue;
            }
            units.add(r.unit());
            Evaluation.UnitMaterial m = material.get(r.unit().code());
            if (m == null) {
                continue;
            }
            Map<String, IndicatorRule.Line> lines = new HashMap<>();
            r.indicators().forEach(l -> lines.put(l.nodeId(), l));
            IndicatorSystem.Coverage coverage = system.coverage(m.tree().inOrder());
            coverage.linked().forEach((code, node) -> {
                IndicatorRule.Line line = lines.get(node.id());
                if (line == null && node.weight() != null && node.measure() != null) {
                    line = IndicatorRule.score(node, m.progress().getOrDefault(node.id(), List.of()),
                            m.self().get(node.id()), null, m.verified().get(node.id()), scheme);
                }
                byCode.computeIfAbsent(code.toUpperCase(java.util.Locale.ROOT), k -> new LinkedHashMap<>())
                        .put(r.unit().code(), new Cell(node, line));
            });
        }
        List<Row> rows = new ArrayList<>();
        for (IndicatorSystem.Item i : system.indicators()) {
            rows.add(new Row(i, i.isLeafIn(system), byCode.getOrDefault(i.code().toUpperCase(java.util.Locale.ROOT),
                    Map.of())));
        }
        return new IndicatorComparison(system, List.copyOf(units), List.copyOf(rows));
    }

    /** The same from the office's workspace for one group and year; empty when the group has no system. */
    public static java.util.Optional<IndicatorComparison> load(org.perfdesk.store.Workspace ws, int year,
                                                               RankingGroup group) {
        return ws.planStage().systems().find(year, group).map(system -> {
            Evaluator evaluator = new Evaluator(ws);
            EvaluationScheme scheme = evaluator.schemeToRead(year);
            List<Evaluation.UnitMaterial> material = evaluator.material(year);
            Map<String, Evaluation.UnitMaterial> byUnit = new LinkedHashMap<>();
            material.forEach(m -> byUnit.put(m.unit().code(), m));
            return of(system, Evaluation.evaluate(scheme, material), byUnit, scheme);
        });
    }
}
