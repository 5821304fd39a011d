package org.perfdesk.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.ResultApproval;
import org.perfdesk.domain.SpotCheck;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.evaluation.InputHashes;

/**
 * A year's evaluation as the results workbook and the notice print it: the scheme, each unit's
 * result with the material behind it (self-assessment beside the office's score), the spot checks,
 * and whether the results were frozen and the inputs changed since. Loaded once, so both outputs
 * show the same numbers.
 *
 * @param office     the office (the workspace's unit), which signs the notice
 * @param results    as {@link Evaluation#evaluate} ranks them: by group, rank, code
 * @param material   per unit code
 * @param spotChecks per unit code, for the units that had one
 * @param comparison the latest freeze and the inputs changed since, when the year was frozen
 * @param date       the date the outputs carry
 * @param approval   the latest 审定 of the year's results, if one was recorded
 * @param approvalHolds true when that 审定 was of the results as they are now
 * @param systems    the year's indicator systems (指标体系), through whose codes units are compared
 */
public record ResultsData(int year, OrgUnit office, EvaluationScheme scheme, List<Evaluation.UnitResult> results,
                          Map<String, Evaluation.UnitMaterial> material, Map<String, SpotCheck> spotChecks,
                          Optional<InputHashes.Comparison> comparison, LocalDate date,
                          Optional<ResultApproval> approval, boolean approvalHolds,
                          List<org.perfdesk.domain.IndicatorSystem> systems) {

    public ResultsData {
        results = List.copyOf(results);
        material = Map.copyOf(material);
        spotChecks = Map.copyOf(spotChecks);
        systems = List.copyOf(systems == null ? List.of() : systems);
    }

    /** Without indicator systems. */
    public ResultsData(int year, OrgUnit office, EvaluationScheme scheme, List<Evaluation.UnitResult> results,
                       Map<String, Evaluation.UnitMaterial> material, Map<String, SpotCheck> spotChecks,
                       Optional<InputHashes.Comparison> comparison, LocalDate date,
                       Optional<ResultApproval> approval, boolean approvalHolds) {
        this(year, office, scheme, results, material, spotChecks, comparison, date, approval, approvalHolds, List.of());
    }

    /** Units compared indicator by indicator through the codes, one per group with a system. */
    public List<org.perfdesk.evaluation.IndicatorComparison> comparisons() {
        return systems.stream().map(s -> org.perfdesk.evaluation.IndicatorComparison.of(s, results, material, scheme))
                .filter(c -> !c.units().isEmpty()).toList();
    }

    /** Without an approval. */
    public ResultsData(int year, OrgUnit office, EvaluationScheme scheme, List<Evaluation.UnitResult> results,
                       Map<String, Evaluation.UnitMaterial> material, Map<String, SpotCheck> spotChecks,
                       Optional<InputHashes.Comparison> comparison, LocalDate date) {
        this(year, office, scheme, results, material, spotChecks, comparison, date, Optional.empty(), false);
    }

    /** The office's year as the evaluator computes it now. */
    public static ResultsData load(org.perfdesk.store.Workspace ws, int year, LocalDate date) {
        Evaluator evaluator = new Evaluator(ws);
        EvaluationScheme scheme = evaluator.scheme(year);
        List<org.perfdesk.domain.IndicatorSystem> systems = ws.planStage().systems().findAll(year);
        // Comparing with an indicator system looks at every node of a tree; the rest of the results (scores,
        // the workbook's lines, the input hashes) only at the nodes a score can depend on, a quarter of them.
        List<Evaluation.UnitMaterial> material = systems.isEmpty() ? evaluator.scoringMaterial(year)
                : evaluator.material(year);
        List<Evaluation.UnitResult> results = Evaluation.evaluate(scheme, material);
        Map<String, Evaluation.UnitMaterial> byUnit = new LinkedHashMap<>();
        material.forEach(m -> byUnit.put(m.unit().code(), m));
        Map<String, SpotCheck> spot = new LinkedHashMap<>();
        ws.evaluation().spotChecks().findByYear(year).forEach(s -> spot.put(s.unitCode(), s));
        Optional<ResultApproval> approval = ws.evaluation().approvals().latest(year);
        // Hashed once, from the material just read, and only when an approval or a freeze asks for it.
        java.util.function.Supplier<InputHashes> hashes = new java.util.function.Supplier<>() {
            private InputHashes made;

            @Override
            public InputHashes get() {
                if (made == null) {
                    made = InputHashes.of(scheme, material);
                }
                return made;
            }
        };
        boolean holds = approval.isPresent() && approval.get().inputsHash().equals(hashes.get().overall());
        return new ResultsData(year, ws.self(), scheme, results, byUnit, spot, evaluator.compareWithFreeze(year, hashes),
                date, approval, holds, systems);
    }

    /** The ranking groups that have units, in their order. */
    public List<RankingGroup> groups() {
        return java.util.Arrays.stream(RankingGroup.values())
                .filter(g -> results.stream().anyMatch(r -> r.group() == g)).toList();
    }

    public List<Evaluation.UnitResult> inGroup(RankingGroup group) {
        return results.stream().filter(r -> r.group() == group).toList();
    }

    /** The approval (审定) the results rest on: recorded, of these very results. */
    public Optional<ResultApproval> currentApproval() {
        return approvalHolds ? approval : Optional.empty();
    }

    /** Frozen, and nothing the results depend on changed since. */
    public boolean frozenUnchanged() {
        return comparison.map(InputHashes.Comparison::unchanged).orElse(false);
    }

    /** The stored hashes of the latest freeze, when there is one. */
    public Optional<InputHashes> frozenHashes() {
        return comparison.map(c -> InputHashes.fromJson(c.freeze().inputs()));
    }
}
