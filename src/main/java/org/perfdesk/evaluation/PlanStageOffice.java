package org.perfdesk.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.IndicatorSystem;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.AuditLog;
import org.perfdesk.store.Workspace;

/**
 * The office's part of the plan stage: the year's indicator system per group (saved with an audit entry,
 * refused while it has a problem), the pilot units (联系点), and where each unit's tree stands against
 * the system of its group.
 */
public final class PlanStageOffice {
    private final Workspace ws;

    public PlanStageOffice(Workspace ws) {
        this.ws = ws;
    }

    /** Saves the group's system for the year, in one transaction with its audit entry. */
    public void saveSystem(IndicatorSystem system, String reason) {
        if (!system.problems().isEmpty()) {
            throw new UserError("error.system.problems", system.problems().get(0).text());
        }
        Optional<IndicatorSystem> before = ws.planStage().systems().find(system.year(), system.group());
        ws.database().write(c -> {
            ws.planStage().systems().save(system, null);
            ws.audit().append("system", system.year() + " " + system.group().name(),
                    before.map(b -> String.valueOf(b.indicators().size())).orElse(null),
                    String.valueOf(system.indicators().size()), reason == null ? "" : reason.strip(),
                    AuditLog.facts("op", before.isPresent() ? "change" : "add", "year", system.year(),
                            "group", system.group().name(), "count", system.indicators().size(),
                            "leaves", system.leaves().size()));
            return null;
        });
    }

    /** Marks a unit a pilot unit (联系点) of the year, or takes the mark back, with an audit entry. */
    public void setPilot(String unitCode, int year, boolean pilot) {
        OrgUnit u = ws.orgUnits().find(unitCode).orElseThrow(() -> new UserError("error.unit.unknown", unitCode));
        if (ws.planStage().pilots().isPilot(u.code(), year) == pilot) {
            return;
        }
        ws.database().write(c -> {
            ws.planStage().pilots().set(u.code(), year, pilot);
            ws.audit().append("pilot", u.code() + " " + year, String.valueOf(!pilot), String.valueOf(pilot), "",
                    AuditLog.facts("op", pilot ? "mark" : "unmark", "unit", u.code(), "year", year));
            return null;
        });
    }

    /** The system a unit's tree is linked against: its group's. */
    public Optional<IndicatorSystem> systemOf(OrgUnit unit, int year) {
        return unit.group() == null ? Optional.empty() : ws.planStage().systems().find(year, unit.group());
    }

    /** One unit's tree against its group's system. */
    public record UnitCoverage(OrgUnit unit, IndicatorSystem system, IndicatorSystem.Coverage coverage,
                               List<IndicatorSystem.Item> missing) {
    }

    /** Every evaluated unit of a group with a system, against it (units without a tree included). */
    public List<UnitCoverage> coverage(int year, RankingGroup group) {
        IndicatorSystem system = ws.planStage().systems().find(year, group).orElse(null);
        List<UnitCoverage> out = new ArrayList<>();
        if (system == null) {
            return out;
        }
        for (OrgUnit u : new Evaluator(ws).units(year)) {
            if (u.group() == group) {
                List<GoalNode> nodes = ws.goals().findAll(u.code(), year);
                IndicatorSystem.Coverage c = system.coverage(nodes);
                out.add(new UnitCoverage(u, system, c, c.missing(system)));
            }
        }
        return out;
    }
}
