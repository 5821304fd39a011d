package org.perfdesk.ui.plan;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.MonitoringRecord;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.common.UndoStack;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 运行监控 at a unit: the records of the year's monitoring as the work plan asks it — the leadership hears a
 * report every quarter (汇报), a half-year analysis meeting (分析会) and a year-end summary meeting (总结会) —
 * each with its date, who chaired it, what was decided and the indicators discussed. They travel beside the
 * unit's snapshot and are quoted in the half-year and annual report drafts. Adding and removing can be undone.
 */
public final class MonitoringViewModel {
    record Loaded(List<MonitoringRecord> records, List<GoalNode> indicators) {
    }

    private final WorkspaceContext ctx;
    private final ObservableList<MonitoringRecord> records = FXCollections.observableArrayList();
    private final ObservableList<GoalNode> indicators = FXCollections.observableArrayList();
    private Map<String, String> titles = Map.of();
    private final UndoStack undo = new UndoStack();

    public MonitoringViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    public void load() {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.loadMonitoring"), () -> loaded(ctx.workspace(), year), this::show);
    }

    private static Loaded loaded(Workspace ws, int year) {
        String unit = ws.self().code();
        List<GoalNode> indicators = ws.goals().findAll(unit, year).stream()
                .filter(n -> !n.deleted() && n.kind() == NodeKind.INDICATOR).toList();
        return new Loaded(ws.planStage().monitoring().findByUnit(unit, year), indicators);
    }

    private void show(Loaded l) {
        titles = l.indicators().stream().collect(Collectors.toMap(GoalNode::id, GoalNode::title, (a, b) -> a));
        indicators.setAll(l.indicators());
        records.setAll(l.records());
    }

    /** Adds a record (refused with the reason when its date or quarter is missing); undo removes it. */
    public void add(MonitoringRecord r) {
        if (r.problem() != null) {
            throw new UserError(r.problem());
        }
        save(r);
        undo.push(new UndoStack.Entry(Texts.t("monitoring.undo.add", r.label()), () -> delete(r), () -> save(r)));
    }

    /** Removes a record; undo puts it back. */
    public void remove(MonitoringRecord r) {
        delete(r);
        undo.push(new UndoStack.Entry(Texts.t("monitoring.undo.remove", r.label()), () -> save(r), () -> delete(r)));
    }

    private void save(MonitoringRecord r) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.saveMonitoring"), () -> {
            ctx.workspace().planStage().monitoring().save(r);
            return loaded(ctx.workspace(), year);
        }, l -> {
            ctx.saved();
            show(l);
        });
    }

    private void delete(MonitoringRecord r) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.saveMonitoring"), () -> {
            ctx.workspace().planStage().monitoring().delete(r.id());
            return loaded(ctx.workspace(), year);
        }, l -> {
            ctx.saved();
            show(l);
        });
    }

    /** The titles of the indicators a record names, as one line. */
    public String indicatorsOf(MonitoringRecord r) {
        return r.nodeIds().stream().map(id -> titles.getOrDefault(id, "")).filter(t -> !t.isEmpty())
                .collect(Collectors.joining(Texts.t("plan.draft.listSeparator")));
    }

    public void undo() {
        undo.undo();
    }

    public UndoStack undoStack() {
        return undo;
    }

    public ObservableList<MonitoringRecord> records() {
        return records;
    }

    public ObservableList<GoalNode> indicators() {
        return indicators;
    }

    public WorkspaceContext context() {
        return ctx;
    }
}
