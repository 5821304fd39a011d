package org.perfdesk.ui.goaltree;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.GoalTreeRules;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Problem;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.WorkspaceContext;

/** The unit's goal tree for the year, with owners' names and the rules' problems. Read-only for now. */
public final class GoalTreeViewModel {
    /** One line of the problems list. */
    public record ProblemRow(String nodeId, String nodeTitle, String message) {
    }

    private final WorkspaceContext ctx;
    private final ObjectProperty<GoalTree> tree = new SimpleObjectProperty<>(new GoalTree(List.of()));
    private final ObservableList<ProblemRow> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private Map<String, String> ownerNames = Map.of();
    private Map<String, List<String>> problemsByNode = Map.of();

    public GoalTreeViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    private record Loaded(GoalTree tree, Map<String, String> owners, List<Problem> problems) {
    }

    /** Loads the tree of the context's year in the background. */
    public void load() {
        String unit = ctx.self().code();
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.loadTree"), () -> {
            GoalTree t = ctx.workspace().goals().loadTree(unit, year);
            Map<String, String> owners = new HashMap<>();
            for (OrgUnit o : ctx.workspace().orgUnits().findSubtree(unit)) {
                owners.put(o.code(), o.name());
            }
            List<Problem> found = new GoalTreeRules(year, owners.keySet()).check(t);
            return new Loaded(t, owners, found);
        }, this::apply);
    }

    private void apply(Loaded loaded) {
        ownerNames = loaded.owners();
        Map<String, List<String>> byNode = new HashMap<>();
        Texts texts = Texts.current();
        problems.clear();
        Set<String> owners = new HashSet<>();
        for (Problem p : loaded.problems()) {
            String message = texts.get(p.messageKey(), p.args().toArray());
            String title = p.nodeId() == null ? texts.get("goals.topLevel")
                    : loaded.tree().find(p.nodeId()).map(GoalNode::title).orElse("?");
            problems.add(new ProblemRow(p.nodeId(), title, message));
            if (p.nodeId() != null) {
                byNode.computeIfAbsent(p.nodeId(), k -> new java.util.ArrayList<>()).add(message);
            }
        }
        problemsByNode = byNode;
        for (GoalNode n : loaded.tree().inOrder()) {
            if (n.ownerCode() != null) {
                owners.add(n.ownerCode());
            }
        }
        summary.set(texts.get("goals.summary", loaded.tree().size(), loaded.tree().height(), owners.size(),
                loaded.problems().size()));
        tree.set(loaded.tree());
    }

    public ObjectProperty<GoalTree> treeProperty() {
        return tree;
    }

    public ObservableList<ProblemRow> problems() {
        return problems;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public String ownerName(GoalNode node) {
        if (node.ownerCode() == null) {
            return "";
        }
        return ownerNames.getOrDefault(node.ownerCode(), node.ownerCode());
    }

    /** The problem texts of one node (empty when it has none). */
    public List<String> problemsOf(GoalNode node) {
        return problemsByNode.getOrDefault(node.id(), List.of());
    }

    /** "13 %", "好", "2008-10-31": the target as officials write it. */
    public static String targetText(GoalNode node) {
        if (node.measure() instanceof Measure.Quantitative q) {
            String value = Numbers.plain(q.target());
            return q.unitOfMeasure() == null ? value : value + " " + q.unitOfMeasure();
        }
        if (node.measure() instanceof Measure.Qualitative q) {
            return q.targetLevel() == null ? "" : q.targetLevel();
        }
        if (node.measure() instanceof Measure.Milestone m) {
            return m.due() == null ? "" : Texts.t("goals.milestoneBy", m.due().toString());
        }
        return "";
    }
}
