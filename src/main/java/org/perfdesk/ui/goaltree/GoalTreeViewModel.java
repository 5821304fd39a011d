package org.perfdesk.ui.goaltree;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.GoalTreeRules;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Problem;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.Rollup;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.TreeEdits;
import org.perfdesk.ui.common.UndoStack;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * The unit's goal tree for the year, editable: every change is shown at once, saved in the
 * background (one transaction per edit) and can be undone and redone. Problems from the rules and
 * the roll-up of points and progress are recomputed after every edit.
 */
public final class GoalTreeViewModel {
    /** One line of the problems list. */
    public record ProblemRow(String nodeId, String nodeTitle, String message) {
    }

    private final WorkspaceContext ctx;
    private final ObjectProperty<GoalTree> tree = new SimpleObjectProperty<>(new GoalTree(List.of()));
    private final ObservableList<ProblemRow> problems = FXCollections.observableArrayList();
    private final ObservableList<OrgUnit> owners = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<OrgUnit> filterOwner = new SimpleObjectProperty<>();
    private final BooleanProperty onlyProblems = new SimpleBooleanProperty(false);
    private final ObjectProperty<ProgressStatus> filterStatus = new SimpleObjectProperty<>();
    private final ObjectProperty<String> selectedId = new SimpleObjectProperty<>();
    private final UndoStack undo = new UndoStack();
    private List<GoalNode> all = List.of();
    private Map<String, String> ownerNames = Map.of();
    private Map<String, List<String>> problemsByNode = Map.of();
    private Map<String, BigDecimal> latestCompletion = Map.of();
    /** Each node's status in the latest quarter reported, for the status filter. */
    private Map<String, ProgressStatus> latestStatus = Map.of();
    private Rollup rollup = new Rollup(new GoalTree(List.of()), Map.of());

    public GoalTreeViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    private record Loaded(List<OrgUnit> orgs, Map<String, BigDecimal> completion, Map<String, ProgressStatus> status,
                          Derived derived) {
    }

    /** Everything the screen shows that follows from the nodes; computed off the JavaFX thread on load. */
    private record Derived(List<GoalNode> all, GoalTree tree, List<ProblemRow> rows,
                           Map<String, List<String>> problemsByNode, Rollup rollup, String summary) {
    }

    /** Loads the tree of the context's year in the background; the undo history starts afresh. */
    public void load() {
        String unit = ctx.self().code();
        int year = ctx.year();
        Texts texts = Texts.current();
        ctx.tasks().run(Texts.t("task.loadTree"), () -> {
            List<GoalNode> nodes = ctx.workspace().goals().findAll(unit, year);
            List<OrgUnit> orgs = ctx.workspace().orgUnits().findSubtree(unit);
            Map<String, BigDecimal> completion = new HashMap<>();
            Map<String, ProgressStatus> status = new HashMap<>();
            int latest = 0;
            List<Progress> progress = ctx.workspace().progress().findByUnit(unit, year);
            for (Progress p : progress) {
                latest = Math.max(latest, p.quarter());
            }
            Map<String, GoalNode> byId = new HashMap<>();
            nodes.forEach(n -> byId.put(n.id(), n));
            for (Progress p : progress) {
                // A number's completion is the rule's, from the actual value; other nodes keep what was stated.
                GoalNode n = byId.get(p.nodeId());
                BigDecimal c = n != null && n.measure() instanceof org.perfdesk.domain.Measure.Quantitative q
                        ? org.perfdesk.domain.Completion.percent(q, p.actualValue()) : p.completionPercent();
                if (p.quarter() == latest && c != null) {
                    completion.put(p.nodeId(), c);
                }
                if (p.quarter() == latest && p.status() != null) {
                    status.put(p.nodeId(), p.status());
                }
            }
            Set<String> known = new java.util.HashSet<>();
            orgs.forEach(o -> known.add(o.code()));
            return new Loaded(orgs, completion, status, derive(nodes, year, known, completion, texts));
        }, loaded -> {
            Map<String, String> names = new HashMap<>();
            List<OrgUnit> choosable = new ArrayList<>();
            for (OrgUnit o : loaded.orgs()) {
                names.put(o.code(), o.name());
                if (o.kind() != OrgKind.OFFICE) {
                    choosable.add(o);
                }
            }
            ownerNames = names;
            owners.setAll(choosable);
            latestCompletion = loaded.completion();
            latestStatus = loaded.status();
            undo.clear();
            publish(loaded.derived());
        });
    }

    /** Recomputes what the screen shows after an edit (fast enough for the JavaFX thread). */
    private void show(List<GoalNode> nodes) {
        publish(derive(nodes, ctx.year(), ownerNames.keySet(), latestCompletion, Texts.current()));
    }

    private static Derived derive(List<GoalNode> nodes, int year, Set<String> owners,
                                  Map<String, BigDecimal> completion, Texts texts) {
        List<GoalNode> all = List.copyOf(nodes);
        GoalTree t = new GoalTree(all);
        List<Problem> found = new GoalTreeRules(year, owners).check(t);
        Map<String, List<String>> byNode = new HashMap<>();
        List<ProblemRow> rows = new ArrayList<>();
        for (Problem p : found) {
            String message = texts.get(p.messageKey(), p.args().toArray());
            String title = p.nodeId() == null ? texts.get("goals.topLevel")
                    : t.find(p.nodeId()).map(GoalNode::title).orElse("?");
            rows.add(new ProblemRow(p.nodeId(), title, message));
            if (p.nodeId() != null) {
                byNode.computeIfAbsent(p.nodeId(), k -> new ArrayList<>()).add(message);
            }
        }
        long ownersUsed = t.inOrder().stream().map(GoalNode::ownerCode).filter(o -> o != null).distinct().count();
        String summary = texts.get("goals.summary", t.size(), t.height(), ownersUsed, found.size());
        return new Derived(all, t, rows, byNode, new Rollup(t, completion), summary);
    }

    private void publish(Derived d) {
        all = d.all();
        problemsByNode = d.problemsByNode();
        rollup = d.rollup();
        summary.set(d.summary());
        problems.setAll(d.rows());
        tree.set(d.tree());
    }

    // ---- editing ---------------------------------------------------------------------------

    /**
     * Applies an edit: shown at once, saved in the background, recorded for undo. An edit that
     * changes nothing (e.g. indenting the first node) does nothing.
     */
    private void perform(String descriptionKey, List<GoalNode> changed, String select) {
        if (changed.isEmpty()) {
            return;
        }
        List<GoalNode> before = TreeEdits.before(all, changed);
        List<GoalNode> after = List.copyOf(changed);
        apply(after, select);
        undo.push(new UndoStack.Entry(Texts.t(descriptionKey), () -> apply(before, select), () -> apply(after, select)));
    }

    private void apply(List<GoalNode> nodes, String select) {
        show(TreeEdits.applied(all, nodes));
        if (select != null && tree.get().find(select).isPresent()) {
            selectedId.set(select);
        }
        ctx.tasks().run(Texts.t("task.saveTree"), () -> ctx.workspace().goals().saveEdits(nodes),
                saved -> ctx.saved(), error -> {
                    // The screen showed a change the disk did not take: say so, and show what is saved.
                    ctx.tasks().report(error);
                    load();
                });
    }

    /** Adds a top-level goal, or a sibling after the selected node; returns the new node's id. */
    public String addSibling(String title) {
        String sel = selectedId.get();
        List<GoalNode> changed = sel == null || tree.get().find(sel).isEmpty()
                ? TreeEdits.addChild(tree.get(), ctx.self().code(), ctx.year(), null, title)
                : TreeEdits.addSiblingAfter(tree.get(), sel, title);
        String id = newId(changed);
        perform("edit.add", changed, id);
        return id;
    }

    /** Adds a child under the selected node (a top-level goal when nothing is selected). */
    public String addChild(String title) {
        String sel = selectedId.get();
        List<GoalNode> changed = TreeEdits.addChild(tree.get(), ctx.self().code(), ctx.year(),
                sel != null && tree.get().find(sel).isPresent() ? sel : null, title);
        String id = newId(changed);
        perform("edit.add", changed, id);
        return id;
    }

    private String newId(List<GoalNode> changed) {
        Set<String> existing = new java.util.HashSet<>();
        all.forEach(n -> existing.add(n.id()));
        return changed.stream().map(GoalNode::id).filter(id -> !existing.contains(id)).findFirst().orElse(null);
    }

    public void indent() {
        withSelection(id -> perform("edit.indent", TreeEdits.indent(tree.get(), id), id));
    }

    public void outdent() {
        withSelection(id -> perform("edit.outdent", TreeEdits.outdent(tree.get(), id), id));
    }

    public void moveUp() {
        withSelection(id -> perform("edit.move", TreeEdits.move(tree.get(), id, -1), id));
    }

    public void moveDown() {
        withSelection(id -> perform("edit.move", TreeEdits.move(tree.get(), id, +1), id));
    }

    /** Drag and drop: the node becomes child number {@code index} of {@code parentId} (null: top level). */
    public boolean moveTo(String nodeId, String parentId, int index) {
        List<GoalNode> changed = TreeEdits.moveTo(tree.get(), nodeId, parentId, index);
        perform("edit.move", changed, nodeId);
        return !changed.isEmpty();
    }

    /** Removes the selected node and everything under it (the view asks first). */
    public void deleteSelected() {
        withSelection(id -> {
            GoalNode node = tree.get().find(id).orElseThrow();
            String next = node.parentId();
            perform("edit.delete", TreeEdits.delete(tree.get(), id), next);
        });
    }

    /** How many nodes deleting the selected node would remove (for the question the view asks). */
    public int deleteCount() {
        String id = selectedId.get();
        return id == null || tree.get().find(id).isEmpty() ? 0 : TreeEdits.subtreeIds(tree.get(), id).size();
    }

    /** Saves a change of one node's fields (inline edit or details form). */
    public void update(GoalNode changed) {
        GoalNode current = tree.get().find(changed.id()).orElse(null);
        if (current == null || current.equals(changed)) {
            return;
        }
        perform("edit.change", List.of(changed), changed.id());
    }

    public void undo() {
        undo.undo();
    }

    public void redo() {
        undo.redo();
    }

    private void withSelection(java.util.function.Consumer<String> action) {
        String id = selectedId.get();
        if (id != null && tree.get().find(id).isPresent()) {
            action.accept(id);
        }
    }

    // ---- reading and filtering ----------------------------------------------------------

    /**
     * Which nodes to show: all, or those matching the filter text, owner, latest status or "only problems",
     * together with their ancestors so the matches keep their place in the tree.
     */
    public Predicate<GoalNode> visible() {
        String text = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        OrgUnit owner = filterOwner.get();
        boolean problemsOnly = onlyProblems.get();
        ProgressStatus status = filterStatus.get();
        if (text.isEmpty() && owner == null && !problemsOnly && status == null) {
            return n -> true;
        }
        GoalTree t = tree.get();
        Set<String> shown = new java.util.HashSet<>();
        for (GoalNode n : t.inOrder()) {
            boolean match = (text.isEmpty() || contains(n.title(), text) || contains(n.description(), text)
                    || contains(n.qualityRequirement(), text))
                    && (owner == null || owner.code().equals(n.ownerCode()))
                    && (!problemsOnly || problemsByNode.containsKey(n.id()))
                    && (status == null || status == latestStatus.get(n.id()));
            if (match) {
                for (GoalNode a = n; a != null && shown.add(a.id()); a = a.parentId() == null ? null
                        : t.find(a.parentId()).orElse(null)) {
                    // add the node and its ancestors
                }
            }
        }
        return n -> shown.contains(n.id());
    }

    private static boolean contains(String field, String lowerText) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerText);
    }

    public String ownerName(GoalNode node) {
        if (node.ownerCode() == null) {
            return "";
        }
        return ownerNames.getOrDefault(node.ownerCode(), node.ownerCode());
    }

    /** The owner to set for a name the user picked or typed; null when it names nobody. */
    public OrgUnit ownerNamed(String nameOrCode) {
        for (OrgUnit o : owners) {
            if (o.name().equals(nameOrCode) || o.code().equals(nameOrCode)) {
                return o;
            }
        }
        return null;
    }

    public List<String> problemsOf(GoalNode node) {
        return problemsByNode.getOrDefault(node.id(), List.of());
    }

    /** The sum of the children's points, shown beside a parent's own points. */
    public String childWeightsText(GoalNode node) {
        BigDecimal sum = rollup.childWeights(node.id());
        return sum == null ? "" : Numbers.plain(sum);
    }

    /** Completion in the latest reported quarter, rolled up for parents. */
    public String completionText(GoalNode node) {
        return Numbers.percent(rollup.completion(node.id()));
    }

    /** "13 %", "好", "2008-10-31 前完成": the target as officials write it. */
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

    /** Ids in reading order with their titles, for choosers. */
    public Map<String, String> titles() {
        Map<String, String> out = new LinkedHashMap<>();
        tree.get().inOrder().forEach(n -> out.put(n.id(), n.title()));
        return out;
    }

    public ObjectProperty<GoalTree> treeProperty() {
        return tree;
    }

    public ObservableList<ProblemRow> problems() {
        return problems;
    }

    public ObservableList<OrgUnit> owners() {
        return owners;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<OrgUnit> filterOwnerProperty() {
        return filterOwner;
    }

    /** Only nodes whose latest reported status is this one; null for all. */
    public ObjectProperty<ProgressStatus> filterStatusProperty() {
        return filterStatus;
    }

    public BooleanProperty onlyProblemsProperty() {
        return onlyProblems;
    }

    /** The node the user is on; edits act on it and keep it selected. */
    public ObjectProperty<String> selectedIdProperty() {
        return selectedId;
    }

    public UndoStack undoStack() {
        return undo;
    }

    public WorkspaceContext context() {
        return ctx;
    }
}
