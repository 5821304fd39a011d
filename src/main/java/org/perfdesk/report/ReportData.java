package org.perfdesk.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.Workspace;

/**
 * What a report is written from: one unit's goal tree for a year, its organisations, and each
 * indicator's latest progress up to the report's last quarter (Q2 for the half-year report, Q4 for
 * the annual one). Drafts, tables and the diagram read the same instance, so their numbers agree.
 */
public final class ReportData {
    private final OrgUnit unit;
    private final int year;
    private final ReportKind kind;
    private final GoalTree tree;
    private final Map<String, OrgUnit> orgs = new LinkedHashMap<>();
    private final Map<String, Progress> latest = new HashMap<>();
    private final int quarter;
    private final List<org.perfdesk.domain.MonitoringRecord> monitoring;

    public ReportData(OrgUnit unit, int year, ReportKind kind, GoalTree tree, List<OrgUnit> orgs,
                      List<Progress> progress) {
        this(unit, year, kind, tree, orgs, progress, List.of());
    }

    /** @param monitoring the unit's monitoring records of the year (quarterly reports, the two meetings) */
    public ReportData(OrgUnit unit, int year, ReportKind kind, GoalTree tree, List<OrgUnit> orgs,
                      List<Progress> progress, List<org.perfdesk.domain.MonitoringRecord> monitoring) {
        this.monitoring = List.copyOf(monitoring);
        this.unit = unit;
        this.year = year;
        this.kind = kind;
        this.tree = tree;
        this.orgs.put(unit.code(), unit);
        for (OrgUnit o : orgs) {
            this.orgs.putIfAbsent(o.code(), o);
        }
        int last = lastQuarter(kind);
        int reached = 0;
        for (Progress p : progress) {
            if (p.quarter() > last || tree.find(p.nodeId()).isEmpty()) {
                continue;
            }
            latest.merge(p.nodeId(), p, (a, b) -> b.quarter() > a.quarter() ? b : a);
            reached = Math.max(reached, p.quarter());
        }
        this.quarter = reached;
    }

    /** Loads the unit's data; a year without goals is a {@link UserError}, there is nothing to report. */
    public static ReportData load(Workspace ws, String unitCode, int year, ReportKind kind) {
        OrgUnit unit = ws.orgUnits().find(unitCode)
                .orElseThrow(() -> new UserError("report.error.unknownUnit", unitCode));
        GoalTree tree = ws.goals().loadTree(unitCode, year);
        if (tree.size() == 0) {
            throw new UserError("report.error.noGoals", unit.name(), String.valueOf(year));
        }
        return new ReportData(unit, year, kind, tree, ws.orgUnits().findSubtree(unitCode),
                ws.progress().findByUnit(unitCode, year), ws.planStage().monitoring().findByUnit(unitCode, year));
    }

    /**
     * The monitoring records the report covers: for the half-year analysis the first two quarters' reports
     * and the half-year meeting, for the annual summary all of them.
     */
    public List<org.perfdesk.domain.MonitoringRecord> monitoring() {
        if (kind != ReportKind.MIDYEAR) {
            return monitoring;
        }
        return monitoring.stream().filter(r -> r.kind() == org.perfdesk.domain.MonitoringKind.MIDYEAR_MEETING
                || r.kind() == org.perfdesk.domain.MonitoringKind.QUARTERLY && r.quarter() != null && r.quarter() <= 2)
                .toList();
    }

    /** The last quarter a report of this kind covers. */
    public static int lastQuarter(ReportKind kind) {
        return kind == ReportKind.MIDYEAR ? 2 : 4;
    }

    public OrgUnit unit() {
        return unit;
    }

    public int year() {
        return year;
    }

    public ReportKind kind() {
        return kind;
    }

    public GoalTree tree() {
        return tree;
    }

    /** The unit first, then its divisions, departments, counties and persons, parents before children. */
    public List<OrgUnit> orgs() {
        return List.copyOf(orgs.values());
    }

    public Optional<OrgUnit> org(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(orgs.get(code));
    }

    /** The latest quarter anyone reported progress for, within the report's quarters; 0 when none. */
    public int quarter() {
        return quarter;
    }

    /** The node's latest progress within the report's quarters, or null. */
    public Progress progress(String nodeId) {
        return latest.get(nodeId);
    }

    /**
     * The measured nodes at or below {@code top}, in reading order: every indicator, and tasks that
     * carry a measure or progress of their own (plain tasks are steps of their indicator).
     */
    public List<GoalNode> indicatorsUnder(GoalNode top) {
        List<GoalNode> out = new ArrayList<>();
        collect(top, out);
        return out;
    }

    /** Every measured node of the tree, in reading order. */
    public List<GoalNode> indicators() {
        List<GoalNode> out = new ArrayList<>();
        for (GoalNode root : tree.roots()) {
            collect(root, out);
        }
        return out;
    }

    private void collect(GoalNode node, List<GoalNode> out) {
        if (isMeasured(node)) {
            out.add(node);
        }
        for (GoalNode child : tree.children(node.id())) {
            collect(child, out);
        }
    }

    private boolean isMeasured(GoalNode node) {
        return node.kind() == NodeKind.INDICATOR
                || node.kind() == NodeKind.TASK && (node.measure() != null || latest.containsKey(node.id()));
    }

    /**
     * The organisation directly below the unit that {@code code} belongs to (a division, department
     * or county), or the owner itself when it is the unit or unknown.
     */
    public String branchOf(String code) {
        OrgUnit o = orgs.get(code);
        int guard = 0;
        while (o != null && o.parentCode() != null && !o.parentCode().equals(unit.code()) && guard++ < 64) {
            OrgUnit parent = orgs.get(o.parentCode());
            if (parent == null) {
                break;
            }
            o = parent;
        }
        return o == null ? code : o.code();
    }

    /** The owner's name as people know it; the bare code when the unit does not know it. */
    public String ownerName(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        OrgUnit o = orgs.get(code);
        return o == null ? code : o.name();
    }
}
