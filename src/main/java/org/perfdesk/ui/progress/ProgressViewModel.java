package org.perfdesk.ui.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.Completion;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.UndoStack;
import org.perfdesk.ui.common.WorkspaceContext;
import org.perfdesk.ui.goaltree.GoalTreeViewModel;

/**
 * 进度监控: every indicator's progress in the chosen quarter, editable. Each change is saved at once
 * (in the background) and can be undone.
 */
public final class ProgressViewModel {
    /** One indicator in the chosen quarter; progress is null when nothing was reported. */
    public record Row(GoalNode node, String owner, String target, Progress progress) {
        public String actual() {
            if (progress == null || progress.actualValue() == null) {
                return "";
            }
            String unit = node.measure() instanceof Measure.Quantitative q && q.unitOfMeasure() != null
                    ? " " + q.unitOfMeasure() : "";
            return Numbers.plain(progress.actualValue()) + unit;
        }

        public String completion() {
            return progress == null ? "" : Numbers.percent(progress.completionPercent());
        }

        /**
         * The completion the scoring rule computes from the actual value (what the office's evaluation counts),
         * shown beside the completion the unit states; empty for what is not measured by a number.
         */
        public String ruleCompletion() {
            return progress == null || !(node.measure() instanceof Measure.Quantitative q) ? ""
                    : Numbers.percent(org.perfdesk.domain.Completion.percent(q, progress.actualValue()));
        }

        public ProgressStatus status() {
            return progress == null ? null : progress.status();
        }

        /** The entry to change: the existing one, or an empty one for this quarter. */
        public Progress current(int quarter) {
            return progress != null ? progress
                    : new Progress(node.id(), quarter, null, null, null, null, null, null, null);
        }
    }

    private final WorkspaceContext ctx;
    private final IntegerProperty quarter = new SimpleIntegerProperty(1);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final UndoStack undo = new UndoStack();
    private List<GoalNode> indicators = List.of();
    private Map<String, Map<Integer, Progress>> byNode = new HashMap<>();
    private Map<String, String> owners = Map.of();
    private boolean rebuilding;

    public ProgressViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
        quarter.addListener((obs, old, q) -> rebuild());
    }

    private record Loaded(List<GoalNode> indicators, Map<String, Map<Integer, Progress>> progress,
                          Map<String, String> owners, int latestQuarter) {
    }

    public void load() {
        String unit = ctx.self().code();
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.loadProgress"), () -> {
            GoalTree tree = ctx.workspace().goals().loadTree(unit, year);
            Map<String, Map<Integer, Progress>> progress = new HashMap<>();
            int latest = 1;
            for (Progress p : ctx.workspace().progress().findByUnit(unit, year)) {
                progress.computeIfAbsent(p.nodeId(), k -> new HashMap<>()).put(p.quarter(), p);
                latest = Math.max(latest, p.quarter());
            }
            List<GoalNode> measured = new ArrayList<>();
            for (GoalNode n : tree.inOrder()) {
                if (n.measure() != null || progress.containsKey(n.id())) {
                    measured.add(n);
                }
            }
            Map<String, String> names = new HashMap<>();
            for (OrgUnit o : ctx.workspace().orgUnits().findSubtree(unit)) {
                names.put(o.code(), o.name());
            }
            return new Loaded(measured, progress, names, latest);
        }, loaded -> {
            indicators = loaded.indicators();
            byNode = new HashMap<>(loaded.progress());
            owners = loaded.owners();
            undo.clear();
            if (quarter.get() == loaded.latestQuarter()) {
                rebuild();
            } else {
                quarter.set(loaded.latestQuarter());
            }
        });
    }

    private void rebuild() {
        if (rebuilding) {
            // A save made while the rows are being replaced (the gap analysis of the row just left):
            // its rows follow once these are in place.
            javafx.application.Platform.runLater(this::rebuild);
            return;
        }
        rebuilding = true;
        try {
            rebuildRows();
        } finally {
            rebuilding = false;
        }
    }

    private void rebuildRows() {
        int q = quarter.get();
        List<Row> out = new ArrayList<>();
        Map<ProgressStatus, Integer> counts = new EnumMap<>(ProgressStatus.class);
        int missing = 0;
        for (GoalNode n : indicators) {
            Progress p = byNode.getOrDefault(n.id(), Map.of()).get(q);
            String owner = n.ownerCode() == null ? "" : owners.getOrDefault(n.ownerCode(), n.ownerCode());
            out.add(new Row(n, owner, GoalTreeViewModel.targetText(n), p));
            if (p == null || p.status() == null) {
                missing++;
            } else {
                counts.merge(p.status(), 1, Integer::sum);
            }
        }
        rows.setAll(out);
        Texts t = Texts.current();
        List<String> items = new ArrayList<>();
        for (ProgressStatus status : ProgressStatus.values()) {
            items.add(t.get("progress.summary.item", t.of(status), counts.getOrDefault(status, 0)));
        }
        items.add(t.get("progress.summary.item", t.get("progress.notReported"), missing));
        summary.set(t.get("progress.summary", q, String.join(t.get("progress.summary.separator"), items)));
    }

    /**
     * Saves one indicator's entry for the chosen quarter, undoably. Entering the actual value of a
     * quantitative indicator that grows toward its target also fills in the completion when it is blank.
     */
    public void update(Row row, Progress changed) {
        update(row.node(), changed);
    }

    /**
     * Saves an entry of indicator {@code nodeId} for the quarter the entry names (not necessarily
     * the one shown now: the gap analysis typed for the third quarter stays the third quarter's).
     */
    public void update(String nodeId, Progress changed) {
        indicators.stream().filter(n -> n.id().equals(nodeId)).findFirst().ifPresent(n -> update(n, changed));
    }

    private void update(GoalNode node, Progress changed) {
        Progress before = byNode.getOrDefault(node.id(), Map.of()).get(changed.quarter());
        Progress after = withSuggestedCompletion(node, before, changed);
        if (after.equals(before)) {
            return;
        }
        apply(node.id(), after.quarter(), after);
        undo.push(new UndoStack.Entry(Texts.t("edit.change"),
                () -> apply(node.id(), after.quarter(), before),
                () -> apply(node.id(), after.quarter(), after)));
    }

    /** Indicator {@code nodeId}'s entry for {@code quarter} as shown now, or an empty one. */
    public Progress entry(String nodeId, int quarter) {
        Progress p = byNode.getOrDefault(nodeId, Map.of()).get(quarter);
        return p != null ? p : new Progress(nodeId, quarter, null, null, null, null, null, null, null);
    }

    static Progress withSuggestedCompletion(GoalNode node, Progress before, Progress changed) {
        boolean actualChanged = !java.util.Objects.equals(before == null ? null : before.actualValue(),
                changed.actualValue());
        boolean completionChanged = !java.util.Objects.equals(before == null ? null : before.completionPercent(),
                changed.completionPercent());
        // Only when the user changed the value and not the completion in the same edit.
        if (!actualChanged || completionChanged || changed.actualValue() == null) {
            return changed;
        }
        BigDecimal pct = node.measure() instanceof Measure.Quantitative q
                ? Completion.percent(q, changed.actualValue()) : null;
        if (pct != null) {
            return new Progress(changed.nodeId(), changed.quarter(), changed.actualValue(), pct, changed.status(),
                    changed.narrative(), changed.problems(), changed.causes(), changed.measures());
        }
        return changed;
    }

    /** Shows and saves a quarter's entry; null removes it (undoing a first entry). */
    private void apply(String nodeId, int q, Progress p) {
        Map<Integer, Progress> quarters = new HashMap<>(byNode.getOrDefault(nodeId, Map.of()));
        if (p == null) {
            quarters.remove(q);
        } else {
            quarters.put(q, p);
        }
        byNode.put(nodeId, quarters);
        rebuild();
        ctx.tasks().run(Texts.t("task.saveProgress"), () -> {
            if (p == null) {
                ctx.workspace().progress().delete(nodeId, q);
            } else {
                ctx.workspace().progress().save(p);
            }
            return p;
        }, saved -> ctx.saved(), error -> {
            ctx.tasks().report(error);
            load();
        });
    }

    public void undo() {
        undo.undo();
    }

    public void redo() {
        undo.redo();
    }

    public UndoStack undoStack() {
        return undo;
    }

    public IntegerProperty quarterProperty() {
        return quarter;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public WorkspaceContext context() {
        return ctx;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
