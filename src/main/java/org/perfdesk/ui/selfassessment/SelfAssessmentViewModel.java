package org.perfdesk.ui.selfassessment;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.Completion;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.Evidence;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.domain.SelfScore;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.ui.common.UndoStack;
import org.perfdesk.ui.common.WorkspaceContext;
import org.perfdesk.ui.goaltree.GoalTreeViewModel;

/**
 * 自评: per indicator a score or level with the reason, evidence files kept in the workspace, and the
 * weighted roll-up per goal and in all. Scores and reasons save at once and can be undone.
 */
public final class SelfAssessmentViewModel {
    /**
     * One scored item (the nodes the office scores: {@link IndicatorRule#scored}): what its indicator
     * aims at (the item's own target, or for a task the target of the indicator above it, with the unit
     * of measure), the latest progress reported on that indicator with its completion by the scoring
     * rule, the points the rule gives the unit's own figures, and what the unit gives itself.
     */
    public record Row(GoalNode node, String owner, String target, String progress, SelfAssessment assessment,
                      int evidenceCount, BigDecimal computed) {
        public String computedText() {
            return computed == null ? "" : Numbers.plain(computed);
        }

        public String score() {
            return assessment == null || assessment.score() == null ? "" : Numbers.plain(assessment.score());
        }

        public String level() {
            return assessment == null || assessment.level() == null ? "" : assessment.level();
        }

        public List<String> levels() {
            return node.measure() instanceof Measure.Qualitative q ? q.levels() : List.of();
        }

        public SelfAssessment current() {
            return assessment != null ? assessment : new SelfAssessment(node.id(), null, null, null);
        }
    }

    private final WorkspaceContext ctx;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<SelfScore.Sum> sums = FXCollections.observableArrayList();
    private final ObservableList<Evidence> evidence = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("");
    private final UndoStack undo = new UndoStack();
    private GoalTree tree = new GoalTree(List.of());
    private Map<String, SelfAssessment> assessments = new HashMap<>();
    private Map<String, Integer> evidenceCounts = new HashMap<>();
    private Map<String, String> owners = Map.of();
    /** Each measured node's completion by the scoring rule, as the screens show it ("75.0%"). */
    private Map<String, String> completion = Map.of();
    private Map<String, List<Progress>> progressByNode = Map.of();
    private EvaluationScheme scheme = EvaluationScheme.defaults(2008);
    private String selected;

    public SelfAssessmentViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    private record Loaded(GoalTree tree, Map<String, SelfAssessment> assessments, Map<String, Integer> evidence,
                          Map<String, String> owners, Map<String, String> completion,
                          Map<String, List<Progress>> progress, EvaluationScheme scheme) {
    }

    public void load() {
        String unit = ctx.self().code();
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.loadSelfAssessment"), () -> {
            GoalTree t = ctx.workspace().goals().loadTree(unit, year);
            Map<String, SelfAssessment> a = new HashMap<>();
            ctx.workspace().selfAssessments().findByUnit(unit, year).forEach(x -> a.put(x.nodeId(), x));
            Map<String, Integer> ev = new HashMap<>();
            ctx.workspace().evidence().findByUnit(unit, year).forEach(e -> ev.merge(e.nodeId(), 1, Integer::sum));
            Map<String, String> names = new HashMap<>();
            for (OrgUnit o : ctx.workspace().orgUnits().findSubtree(unit)) {
                names.put(o.code(), o.name());
            }
            // The office's scheme where this workspace has one, else the defaults: the period and rules.
            EvaluationScheme sc = ctx.workspace().evaluation().schemes().latest(year)
                    .orElseGet(() -> EvaluationScheme.defaults(year));
            Map<String, List<Progress>> byNode = new HashMap<>();
            for (Progress p : ctx.workspace().progress().findByUnit(unit, year)) {
                byNode.computeIfAbsent(p.nodeId(), k -> new ArrayList<>()).add(p);
            }
            Map<String, String> done = new HashMap<>();
            for (GoalNode n : t.inOrder()) {
                if (n.measure() == null) {
                    continue;
                }
                IndicatorRule.Line line = IndicatorRule.score(n, byNode.getOrDefault(n.id(), List.of()), a.get(n.id()),
                        null, null, sc);
                if (line.completion() != null) {
                    done.put(n.id(), Numbers.percent(line.completion()));
                }
            }
            return new Loaded(t, a, ev, names, done, byNode, sc);
        }, l -> {
            tree = l.tree();
            assessments = new HashMap<>(l.assessments());
            evidenceCounts = new HashMap<>(l.evidence());
            owners = l.owners();
            completion = l.completion();
            progressByNode = l.progress();
            scheme = l.scheme();
            undo.clear();
            rebuild();
            select(selected);
        });
    }

    private void rebuild() {
        List<Row> out = new ArrayList<>();
        for (GoalNode n : IndicatorRule.scored(tree)) {
            GoalNode indicator = indicatorOf(n);
            BigDecimal computed = IndicatorRule.score(n, progressByNode.getOrDefault(n.id(), List.of()),
                    assessments.get(n.id()), null, null, scheme).points();
            out.add(new Row(n, n.ownerCode() == null ? "" : owners.getOrDefault(n.ownerCode(), n.ownerCode()),
                    targetOf(n, indicator), progressText(indicator), assessments.get(n.id()),
                    evidenceCounts.getOrDefault(n.id(), 0), computed));
        }
        rows.setAll(out);
        List<SelfScore.Sum> s = SelfScore.sums(tree, assessments, progressByNode, scheme);
        sums.setAll(s.subList(0, s.size() - 1));
        SelfScore.Sum all = s.get(s.size() - 1);
        total.set(Texts.t("self.total", Numbers.plain(all.given()), Numbers.plain(all.available()), all.assessed(),
                all.total(), Numbers.plain(all.computed())));
    }

    /** The item itself when it is measured, else the nearest measured node above it (a task's indicator). */
    private GoalNode indicatorOf(GoalNode n) {
        for (GoalNode x = n; x != null; x = x.parentId() == null ? null : tree.find(x.parentId()).orElse(null)) {
            if (x.measure() != null) {
                return x;
            }
        }
        return n;
    }

    /** The target as officials write it ("12 个"); for a task, its indicator's, named. */
    private static String targetOf(GoalNode n, GoalNode indicator) {
        String target = GoalTreeViewModel.targetText(indicator);
        if (indicator == n || target.isEmpty()) {
            return target;
        }
        return Texts.t("self.indicatorTarget", indicator.title(), target);
    }

    /**
     * The indicator's latest reported quarter: actual value with its unit, and its completion by the
     * scoring rule (never the percentage typed beside it).
     */
    private String progressText(GoalNode indicator) {
        Progress p = progressByNode.getOrDefault(indicator.id(), List.of()).stream()
                .filter(x -> x.actualValue() != null || x.completionPercent() != null || x.status() != null)
                .max(java.util.Comparator.comparingInt(Progress::quarter)).orElse(null);
        if (p == null) {
            return Texts.t("self.noProgress");
        }
        String unit = indicator.measure() instanceof Measure.Quantitative q && q.unitOfMeasure() != null
                ? " " + q.unitOfMeasure() : "";
        String actual = p.actualValue() == null ? "—" : Numbers.plain(p.actualValue()) + unit;
        // The rule's completion of that quarter's figure (the period's own line may be a later quarter).
        BigDecimal done = indicator.measure() instanceof Measure.Quantitative q && p.actualValue() != null
                ? Completion.percent(q, p.actualValue()) : null;
        return Texts.t("self.progressLine", p.quarter(), actual, done != null ? Numbers.percent(done)
                : completion.getOrDefault(indicator.id(), "—"));
    }

    /** Saves a row's score, level or reason, undoably; a score above the indicator's points is refused. */
    public void update(Row row, SelfAssessment changed) {
        if (changed.score() != null && row.node().weight() != null && changed.score().compareTo(row.node().weight()) > 0) {
            throw new UserError("self.scoreTooHigh", Numbers.plain(changed.score()), Numbers.plain(row.node().weight()));
        }
        if (changed.score() != null && changed.score().signum() < 0) {
            throw new UserError("self.scoreNegative");
        }
        SelfAssessment before = row.assessment();
        if (changed.equals(before)) {
            return;
        }
        String id = row.node().id();
        apply(id, changed);
        undo.push(new UndoStack.Entry(Texts.t("edit.change"), () -> apply(id, before), () -> apply(id, changed)));
    }

    private void apply(String nodeId, SelfAssessment a) {
        if (a == null) {
            assessments.remove(nodeId);
        } else {
            assessments.put(nodeId, a);
        }
        rebuild();
        ctx.tasks().run(Texts.t("task.saveSelfAssessment"), () -> {
            if (a == null) {
                ctx.workspace().selfAssessments().delete(nodeId);
            } else {
                ctx.workspace().selfAssessments().save(a);
            }
            return nodeId;
        }, id -> ctx.saved(), error -> {
            ctx.tasks().report(error);
            load();
        });
    }

    /** Shows the evidence of the indicator the user is on. */
    public void select(String nodeId) {
        selected = nodeId;
        if (nodeId == null) {
            evidence.clear();
            return;
        }
        ctx.tasks().run(Texts.t("task.loadSelfAssessment"), () -> ctx.workspace().evidence().findByNode(nodeId),
                list -> {
                    if (nodeId.equals(selected)) {
                        evidence.setAll(list);
                    }
                });
    }

    /** Copies files into the workspace and links them to the selected indicator. */
    public void attach(List<Path> files) {
        String nodeId = selected;
        if (nodeId == null || files.isEmpty()) {
            return;
        }
        ctx.tasks().run(Texts.t("task.attach"), () -> {
            for (Path f : files) {
                ctx.workspace().evidence().attach(nodeId, f, null);
            }
            return ctx.workspace().evidence().findByNode(nodeId);
        }, list -> {
            ctx.saved();
            evidenceCounts.put(nodeId, list.size());
            rebuild();
            if (nodeId.equals(selected)) {
                evidence.setAll(list);
            }
        });
    }

    public void detach(Evidence e) {
        ctx.tasks().run(Texts.t("task.attach"), () -> {
            ctx.workspace().evidence().detach(e.nodeId(), e.sha256());
            return ctx.workspace().evidence().findByNode(e.nodeId());
        }, list -> {
            ctx.saved();
            evidenceCounts.put(e.nodeId(), list.size());
            rebuild();
            if (e.nodeId().equals(selected)) {
                evidence.setAll(list);
            }
        });
    }

    /**
     * A copy of the stored file under its own name in a temporary folder, for the system to open
     * (the stored copy is named by its hash and must never be changed).
     */
    public Path openableCopy(Evidence e) throws java.io.IOException {
        return ctx.workspace().evidence().openableCopy(e.sha256());
    }

    public WorkspaceContext context() {
        return ctx;
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

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<SelfScore.Sum> sums() {
        return sums;
    }

    public ObservableList<Evidence> evidence() {
        return evidence;
    }

    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Parses a typed score; blank clears it. */
    public static BigDecimal parseScore(String text) {
        return org.perfdesk.ui.common.Typed.points(text, Texts.t("self.col.score"));
    }
}
