package org.perfdesk.ui.progress;

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
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.WorkspaceContext;
import org.perfdesk.ui.goaltree.GoalTreeViewModel;

/** 进度监控: every indicator's progress in the chosen quarter. Read-only for now. */
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

        public ProgressStatus status() {
            return progress == null ? null : progress.status();
        }
    }

    private final WorkspaceContext ctx;
    private final IntegerProperty quarter = new SimpleIntegerProperty(1);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private List<GoalNode> indicators = List.of();
    private Map<String, Map<Integer, Progress>> byNode = Map.of();
    private Map<String, String> owners = Map.of();

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
            byNode = loaded.progress();
            owners = loaded.owners();
            if (quarter.get() == loaded.latestQuarter()) {
                rebuild();
            } else {
                quarter.set(loaded.latestQuarter());
            }
        });
    }

    private void rebuild() {
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

    public IntegerProperty quarterProperty() {
        return quarter;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
