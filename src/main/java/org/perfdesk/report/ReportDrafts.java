package org.perfdesk.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.ReportSection;
import org.perfdesk.domain.Texts;
import org.perfdesk.store.Workspace;

/**
 * First drafts of the half-year analysis report (半年绩效分析报告) and the annual summary report
 * (年绩效总结报告): an overview (总体情况), one section per top-level goal with each indicator's
 * progress and the problems, causes and measures recorded where it is at risk or behind, and the
 * plans that follow (下一步工作打算 / 下一年度工作思路). Paragraphs of a body are separated by newlines.
 * The user rewrites them; {@link #merge} makes sure a new draft never replaces what they wrote.
 */
public final class ReportDrafts {
    private final Texts t;

    public ReportDrafts(Texts texts) {
        this.t = texts;
    }

    /**
     * The sections to show for editing: those the user saved, completed with fresh drafts for any
     * that are missing (a goal added since, or a report never started). Nothing is written.
     */
    public static List<ReportSection> forEditing(Workspace ws, String unitCode, int year, ReportKind kind) {
        ReportData data = ReportData.load(ws, unitCode, year, kind);
        return merge(ws.reports().find(unitCode, year, kind), new ReportDrafts(Texts.current()).draft(data));
    }

    public List<ReportSection> draft(ReportData data) {
        if (data.kind() == ReportKind.RECTIFICATION) {
            throw new IllegalArgumentException("rectification reports are not drafted from progress");
        }
        List<ReportSection> out = new ArrayList<>();
        int position = 0;
        out.add(section(data, ReportSection.OVERVIEW, position++, t.get("report.section.overview"), overview(data)));
        for (GoalNode goal : data.tree().roots()) {
            out.add(section(data, ReportSection.GOAL_PREFIX + goal.id(), position++, goal.title(), goal(data, goal)));
        }
        String closingTitle = data.kind() == ReportKind.ANNUAL
                ? t.get("report.section.closing.annual") : t.get("report.section.closing.midyear");
        out.add(section(data, ReportSection.CLOSING, position, closingTitle, closing(data)));
        return out;
    }

    /**
     * The saved sections win: their titles and bodies are kept as they are, except an empty body,
     * which takes the draft's. Drafted sections that were never saved are added. The order is the
     * draft's (overview, goals in tree order, closing); a saved section whose goal has since been
     * removed keeps its text and stays after the last goal. Positions are renumbered from 0.
     */
    public static List<ReportSection> merge(List<ReportSection> existing, List<ReportSection> drafts) {
        Map<String, ReportSection> saved = new LinkedHashMap<>();
        for (ReportSection s : existing) {
            saved.put(s.key(), s);
        }
        Set<String> drafted = new LinkedHashSet<>();
        List<ReportSection> ordered = new ArrayList<>();
        for (ReportSection d : drafts) {
            drafted.add(d.key());
            ReportSection s = saved.get(d.key());
            ordered.add(s == null ? d : s.body().isBlank() ? s.withBody(d.body()) : s);
        }
        List<ReportSection> orphans = existing.stream().filter(s -> !drafted.contains(s.key())).toList();
        int insertAt = ordered.size();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            if (ordered.get(i).goalId() != null) {
                insertAt = i + 1;
                break;
            }
            if (ReportSection.CLOSING.equals(ordered.get(i).key())) {
                insertAt = i;
            }
        }
        ordered.addAll(insertAt, orphans);
        List<ReportSection> out = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            ReportSection s = ordered.get(i);
            out.add(new ReportSection(s.unitCode(), s.year(), s.kind(), s.key(), i, s.title(), s.body()));
        }
        return out;
    }

    private ReportSection section(ReportData data, String key, int position, String title, List<String> paragraphs) {
        return new ReportSection(data.unit().code(), data.year(), data.kind(), key, position, title,
                String.join("\n", paragraphs));
    }

    private List<String> overview(ReportData data) {
        List<String> paragraphs = new ArrayList<>();
        List<IndicatorFacts> facts = facts(data, data.indicators());
        paragraphs.add(counts(data, facts.size()));
        if (data.quarter() == 0) {
            paragraphs.add(t.get("report.overview.noProgress"));
            return paragraphs;
        }
        StatusCounts c = StatusCounts.of(facts);
        List<String> status = new ArrayList<>();
        status.add(t.get("report.overview.status", IndicatorFacts.quarterName(data.quarter(), t), c.total(), c.done(),
                c.onTrack(), c.atRisk(), c.behind()));
        if (c.notReported() > 0) {
            status.add(t.get("report.overview.notReported", c.notReported()));
        }
        if (c.completion() != null) {
            status.add(t.get(c.weighted() ? "report.overview.completionWeighted" : "report.overview.completionPlain",
                    Numbers.percent(c.completion())));
        }
        paragraphs.add(Sentences.join(status, t));
        List<String> attention = facts.stream().filter(IndicatorFacts::needsAttention)
                .map(f -> f.node().title()).toList();
        paragraphs.add(attention.isEmpty() ? t.get("report.overview.allOnTrack")
                : t.get("report.overview.attention", attention.size(), Sentences.list(attention, t)));
        return paragraphs;
    }

    private String counts(ReportData data, int measured) {
        Map<NodeKind, Integer> byKind = new HashMap<>();
        data.tree().walk((node, depth) -> byKind.merge(node.kind(), 1, Integer::sum));
        int plainTasks = byKind.getOrDefault(NodeKind.TASK, 0)
                - (int) data.indicators().stream().filter(n -> n.kind() == NodeKind.TASK).count();
        List<String> parts = new ArrayList<>();
        int subGoals = byKind.getOrDefault(NodeKind.SUB_GOAL, 0);
        if (subGoals > 0) {
            parts.add(t.get("report.count.subGoals", subGoals));
        }
        parts.add(t.get("report.count.indicators", measured));
        if (plainTasks > 0) {
            parts.add(t.get("report.count.tasks", plainTasks));
        }
        Set<String> offices = new LinkedHashSet<>();
        Set<String> persons = new LinkedHashSet<>();
        data.tree().walk((node, depth) -> {
            OrgUnit owner = data.org(node.ownerCode()).orElse(null);
            if (owner == null || owner.code().equals(data.unit().code())) {
                return;
            }
            if (owner.kind() == OrgKind.PERSON) {
                persons.add(owner.code());
            }
            data.org(data.branchOf(owner.code())).filter(b -> b.kind() != OrgKind.PERSON)
                    .ifPresent(b -> offices.add(b.code()));
        });
        String owners;
        if (!offices.isEmpty() && !persons.isEmpty()) {
            owners = t.get("report.count.owners", offices.size(), persons.size());
        } else if (!offices.isEmpty()) {
            owners = t.get("report.count.offices", offices.size());
        } else if (!persons.isEmpty()) {
            owners = t.get("report.count.persons", persons.size());
        } else {
            owners = data.unit().name();
        }
        return t.get("report.overview.counts", String.valueOf(data.year()), data.tree().roots().size(),
                Sentences.list(parts, t), owners);
    }

    private List<String> goal(ReportData data, GoalNode goal) {
        List<String> paragraphs = new ArrayList<>();
        List<IndicatorFacts> facts = facts(data, data.indicatorsUnder(goal));
        String responsible = responsible(data, goal);
        paragraphs.add(goal.weight() == null
                ? t.get("report.goal.scopeNoWeight", facts.size(), responsible)
                : t.get("report.goal.scope", Numbers.plain(goal.weight()), facts.size(), responsible));
        if (data.quarter() > 0 && !facts.isEmpty()) {
            StatusCounts c = StatusCounts.of(facts);
            List<String> status = new ArrayList<>();
            status.add(t.get("report.goal.status", IndicatorFacts.quarterName(data.quarter(), t), c.done(),
                    c.onTrack(), c.atRisk(), c.behind()));
            if (c.completion() != null) {
                status.add(t.get(c.weighted() ? "report.goal.completionWeighted" : "report.goal.completionPlain",
                        Numbers.percent(c.completion())));
            }
            paragraphs.add(Sentences.join(status, t));
        }
        int number = 1;
        for (IndicatorFacts f : facts) {
            paragraphs.add(indicatorLine(number++, f));
        }
        List<IndicatorFacts> attention = facts.stream().filter(IndicatorFacts::needsAttention).toList();
        if (attention.isEmpty()) {
            if (data.quarter() > 0) {
                paragraphs.add(t.get("report.goal.noProblems"));
            }
            return paragraphs;
        }
        paragraphs.add(t.get("report.goal.problemsHeading"));
        for (IndicatorFacts f : attention) {
            String gap = f.gapAnalysis(t);
            String standing = f.completion().isEmpty() ? f.statusText(t)
                    : Sentences.clauses(List.of(f.statusText(t), t.get("report.part.completion", f.completion())), t);
            paragraphs.add(t.get("report.goal.problem", f.node().title(), standing,
                    gap.isEmpty() ? t.get("report.gap.missing") : gap));
        }
        return paragraphs;
    }

    private String indicatorLine(int number, IndicatorFacts f) {
        List<String> parts = new ArrayList<>();
        if (!f.target().isEmpty()) {
            parts.add(t.get("report.part.target", f.target()));
        }
        if (f.progress() == null) {
            parts.add(t.get("report.part.notReported"));
        } else {
            if (!f.actual().isEmpty()) {
                parts.add(t.get("report.part.actual", f.actual()));
            }
            if (!f.completion().isEmpty()) {
                parts.add(t.get("report.part.completion", f.completion()));
            }
            parts.add(f.statusText(t));
        }
        String narrative = f.progress() == null || f.progress().narrative() == null
                ? "" : Sentences.close(f.progress().narrative().strip(), t);
        return t.get("report.goal.indicator", String.valueOf(number), f.node().title(),
                Sentences.clauses(parts, t), narrative).strip();
    }

    /** The divisions (departments, counties) that carry the goal; the unit itself when none does. */
    private String responsible(ReportData data, GoalNode goal) {
        Set<String> names = new LinkedHashSet<>();
        collectOwners(data, goal, names);
        return names.isEmpty() ? data.unit().name() : Sentences.list(List.copyOf(names), t);
    }

    private void collectOwners(ReportData data, GoalNode node, Set<String> names) {
        if (node.ownerCode() != null && !node.ownerCode().equals(data.unit().code())) {
            names.add(data.ownerName(data.branchOf(node.ownerCode())));
        }
        for (GoalNode child : data.tree().children(node.id())) {
            collectOwners(data, child, names);
        }
    }

    private List<String> closing(ReportData data) {
        List<IndicatorFacts> facts = facts(data, data.indicators());
        boolean annual = data.kind() == ReportKind.ANNUAL;
        Predicate<IndicatorFacts> inFocus = annual ? ReportDrafts::unfinished : IndicatorFacts::needsAttention;
        List<IndicatorFacts> focus = facts.stream().filter(inFocus).toList();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(annual ? t.get("report.closing.annual.intro", String.valueOf(data.year() + 1))
                : t.get("report.closing.midyear.intro"));
        int number = 1;
        String fallback = annual ? t.get("report.closing.annual.fallback") : t.get("report.closing.midyear.fallback");
        for (IndicatorFacts f : focus) {
            String measures = f.measures().isEmpty() ? fallback : Sentences.close(f.measures(), t);
            paragraphs.add(t.get("report.closing.item", String.valueOf(number++), f.node().title(), measures));
        }
        paragraphs.add(annual ? t.get("report.closing.annual.system", String.valueOf(number))
                : t.get("report.closing.midyear.monitoring", String.valueOf(number)));
        return paragraphs;
    }

    /** At year end: at risk, behind, or reported short of its target (below 100 %). */
    private static boolean unfinished(IndicatorFacts f) {
        if (f.needsAttention()) {
            return true;
        }
        BigDecimal c = f.status() == null || f.status() == ProgressStatus.DONE ? null : f.completionPercent();
        return c != null && c.compareTo(BigDecimal.valueOf(100)) < 0;
    }

    private List<IndicatorFacts> facts(ReportData data, List<GoalNode> nodes) {
        return nodes.stream().map(n -> IndicatorFacts.of(data, n, t)).toList();
    }
}
