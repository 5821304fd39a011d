package org.perfdesk.ui.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.IndicatorSystem;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.Texts;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.common.UndoStack;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 指标体系 at a unit: the office's indicator system for the year beside the unit's goal tree, each indicator
 * of the system with the tree's indicator linked to its code (or the one whose title names it, or none). The
 * unit links by name in one go, links or unlinks one, or adds the missing ones under a goal; every change is
 * one transaction and can be undone.
 */
public final class SystemLinkViewModel {
    /** One indicator of the system and what the tree has for it. */
    public record Row(IndicatorSystem.Item item, boolean leaf, GoalNode linked, GoalNode suggested, boolean twice) {
        public String state() {
            if (!leaf) {
                return "";
            }
            if (linked != null) {
                return twice ? Texts.t("system.screen.twice", linked.title()) : linked.title();
            }
            return suggested != null ? Texts.t("system.screen.suggested", suggested.title())
                    : Texts.t("system.screen.missing");
        }
    }

    record Loaded(IndicatorSystem system, List<Row> rows, List<GoalNode> indicators, List<GoalNode> goals,
                  String summary) {
    }

    private final WorkspaceContext ctx;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<GoalNode> indicators = FXCollections.observableArrayList();
    private final ObservableList<GoalNode> goals = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final UndoStack undo = new UndoStack();

    public SystemLinkViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    public void load() {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.loadSystem"), () -> loaded(ctx.workspace(), year), this::show);
    }

    private static Loaded loaded(Workspace ws, int year) {
        String unit = ws.self().code();
        IndicatorSystem system = ws.planStage().systems().forUnit(ws.self(), year).orElse(null);
        List<GoalNode> live = ws.goals().findAll(unit, year).stream().filter(n -> !n.deleted()).toList();
        List<GoalNode> indicators = live.stream().filter(n -> n.kind() == NodeKind.INDICATOR).toList();
        List<GoalNode> goals = live.stream().filter(n -> n.kind() == NodeKind.GOAL).toList();
        if (system == null) {
            return new Loaded(null, List.of(), indicators, goals, Texts.t("system.screen.none", String.valueOf(year)));
        }
        IndicatorSystem.Coverage c = system.coverage(live);
        List<Row> rows = new ArrayList<>();
        for (IndicatorSystem.Item i : system.indicators()) {
            rows.add(new Row(i, i.isLeafIn(system), c.linked().get(i.code()), c.suggestions().get(i.code()),
                    c.twice().contains(i.code())));
        }
        String summary = Texts.t("system.screen.summary", Texts.current().of(system.group()), c.linkedLeaves(system),
                system.leaves().size(), c.missing(system).size(), c.suggestions().size());
        return new Loaded(system, rows, indicators, goals, summary);
    }

    private void show(Loaded l) {
        rows.setAll(l.rows());
        indicators.setAll(l.indicators());
        goals.setAll(l.goals());
        summary.set(l.summary());
    }

    /** Links every indicator whose title names an indicator of the system (the suggestions). */
    public void linkByName() {
        change(Texts.t("system.screen.linkByName"), () -> {
            Workspace ws = ctx.workspace();
            IndicatorSystem system = ws.planStage().systems().forUnit(ws.self(), ctx.year()).orElseThrow();
            return IndicatorSystem.linkSuggested(system.coverage(ws.goals().findAll(ws.self().code(), ctx.year())));
        });
    }

    /** Links one of the tree's indicators to the row's code (the node it was linked to before keeps its link). */
    public void link(Row row, GoalNode node) {
        change(Texts.t("system.screen.link"), () -> List.of(node.withSystemCode(row.item().code())));
    }

    /** Takes the row's link back. */
    public void unlink(Row row) {
        if (row.linked() != null) {
            change(Texts.t("system.screen.unlink"), () -> List.of(row.linked().withSystemCode(null)));
        }
    }

    /**
     * Saves the changed nodes in one transaction; undo saves them back as they were. {@code changes} runs in the
     * background (it reads the workspace).
     */
    private void change(String what, Supplier<List<GoalNode>> changes) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.saveSystemLinks"), () -> {
            Workspace ws = ctx.workspace();
            List<GoalNode> after = changes.get();
            List<GoalNode> before = new ArrayList<>();
            for (GoalNode n : after) {
                ws.goals().findAll(n.unitCode(), year).stream().filter(x -> x.id().equals(n.id())).findFirst()
                        .ifPresent(before::add);
            }
            ws.goals().saveEdits(after);
            return new Object[] {before, after, loaded(ws, year)};
        }, r -> {
            @SuppressWarnings("unchecked")
            List<GoalNode> before = (List<GoalNode>) r[0];
            @SuppressWarnings("unchecked")
            List<GoalNode> after = (List<GoalNode>) r[1];
            ctx.saved();
            show((Loaded) r[2]);
            if (!after.isEmpty()) {
                undo.push(new UndoStack.Entry(what, () -> save(before), () -> save(after)));
            }
        });
    }

    private void save(List<GoalNode> nodes) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.saveSystemLinks"), () -> {
            ctx.workspace().goals().saveEdits(nodes);
            return loaded(ctx.workspace(), year);
        }, l -> {
            ctx.saved();
            show(l);
        });
    }

    /** Adds the system's indicators the tree lacks as new indicators under a goal (one transaction). */
    public void addMissing(GoalNode under) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.saveSystemLinks"), () -> {
            Workspace ws = ctx.workspace();
            String unit = ws.self().code();
            IndicatorSystem system = ws.planStage().systems().forUnit(ws.self(), year).orElseThrow();
            List<IndicatorSystem.Item> missing = system.coverage(ws.goals().findAll(unit, year)).missing(system);
            int position = ws.goals().loadTree(unit, year).children(under.id()).size();
            List<GoalNode> added = new ArrayList<>();
            for (IndicatorSystem.Item i : missing) {
                added.add(IndicatorSystem.nodeFor(i, unit, year, under.id(), position++));
            }
            ws.goals().saveAll(added);
            return loaded(ws, year);
        }, l -> {
            ctx.saved();
            show(l);
        });
    }

    public void undo() {
        undo.undo();
    }

    public UndoStack undoStack() {
        return undo;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<GoalNode> indicators() {
        return indicators;
    }

    public ObservableList<GoalNode> goals() {
        return goals;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public WorkspaceContext context() {
        return ctx;
    }
}
