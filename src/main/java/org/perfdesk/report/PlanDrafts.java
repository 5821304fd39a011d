package org.perfdesk.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.ManagementSystem;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OfficeCalendar;
import org.perfdesk.domain.PlanDocument;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.YearCalendar;
import org.perfdesk.store.Workspace;

/**
 * Drafts of the plan document's sections (方案) from the unit's goal tree, organisations and the year's
 * calendar: the expected results of each indicator (target and baseline), who is responsible for what
 * after decomposition, one section per 制度 with concrete measures drawn from the tree and the calendar
 * (the quarterly reports, the two meetings, the self-assessment before the annual summary, the sources of
 * the figures, the rectification deadline), and a work plan by quarter. Drafting saves nothing; {@link
 * #merge} never replaces what a person wrote.
 */
public final class PlanDrafts {
    private final ReportData data;
    private final Texts t;
    private final Map<String, LocalDate> calendar = new LinkedHashMap<>();
    private final int rectificationDays;

    private PlanDrafts(ReportData data, List<YearCalendar.Deadline> steps, int rectificationDays, Texts t) {
        this.data = data;
        this.t = t;
        steps.forEach(d -> calendar.put(d.key(), d.date()));
        this.rectificationDays = rectificationDays;
    }

    /** Every section drafted for the unit's year (a year without goals is a UserError). */
    public static List<PlanDocument.Section> draft(Workspace ws, String unitCode, int year, Texts t) {
        ReportData data = ReportData.load(ws, unitCode, year, ReportKind.ANNUAL);
        int days = ws.calendar().officeCalendar(year).map(OfficeCalendar::rectificationDays).filter(d -> d > 0)
                .orElse(org.perfdesk.domain.EvaluationScheme.DEFAULT_RECTIFICATION_DAYS);
        return new PlanDrafts(data, ws.calendar().find(year), days, t).all();
    }

    /** The saved sections, with a draft for each one missing or left empty; typed text always stays. */
    public static List<PlanDocument.Section> merge(List<PlanDocument.Section> saved, List<PlanDocument.Section> drafts) {
        Map<String, PlanDocument.Section> out = new LinkedHashMap<>();
        for (PlanDocument.Section d : drafts) {
            out.put(d.key(), d);
        }
        for (PlanDocument.Section s : saved) {
            PlanDocument.Section d = out.get(s.key());
            out.put(s.key(), s.isEmpty() && d != null ? d.withText(s.title().isBlank() ? d.title() : s.title(),
                    d.body(), d.measures()) : s);
        }
        return out.values().stream().sorted(java.util.Comparator.comparingInt(PlanDocument.Section::position))
                .toList();
    }

    private List<PlanDocument.Section> all() {
        List<PlanDocument.Section> out = new ArrayList<>();
        List<String> keys = PlanDocument.keys();
        for (int i = 0; i < keys.size(); i++) {
            out.add(section(keys.get(i), i));
        }
        return out;
    }

    /** One section's draft. */
    PlanDocument.Section section(String key, int position) {
        String title = title(key);
        ManagementSystem system = ManagementSystem.ofSectionKey(key);
        if (system != null) {
            return system(system, position, title);
        }
        return switch (key) {
            case PlanDocument.TARGETS -> new PlanDocument.Section(key, position, title, targets(), List.of());
            case PlanDocument.RESPONSIBILITY -> new PlanDocument.Section(key, position, title, responsibility(),
                    List.of());
            default -> new PlanDocument.Section(key, position, title, workPlan(), List.of());
        };
    }

    private String title(String key) {
        ManagementSystem s = ManagementSystem.ofSectionKey(key);
        return s != null ? t.get("plan.section.system", t.of(s)) : t.get("plan.section." + key);
    }

    private List<GoalNode> indicators() {
        return data.indicators().stream().filter(n -> n.kind() == NodeKind.INDICATOR).toList();
    }

    private String targets() {
        List<GoalNode> list = indicators();
        int quantitative = 0;
        int qualitative = 0;
        int milestones = 0;
        for (GoalNode n : list) {
            if (n.measure() instanceof Measure.Quantitative) {
                quantitative++;
            } else if (n.measure() instanceof Measure.Qualitative) {
                qualitative++;
            } else {
                milestones++;
            }
        }
        StringBuilder b = new StringBuilder(t.get("plan.draft.targets.intro", String.valueOf(data.year()), list.size(),
                quantitative, qualitative, milestones));
        int i = 1;
        for (GoalNode n : list) {
            String target = IndicatorFacts.target(n, t);
            String baseline = n.measure() instanceof Measure.Quantitative q && q.baseline() != null
                    ? t.get("plan.draft.targets.baseline", IndicatorFacts.withUnit(q.baseline(), q)) : "";
            b.append('\n').append(t.get("plan.draft.targets.line", i++, n.title(),
                    target.isEmpty() ? t.get("plan.draft.targets.noTarget") : target, baseline));
        }
        return b.toString();
    }

    private String responsibility() {
        Map<String, List<String>> byOwner = new LinkedHashMap<>();
        for (GoalNode n : indicators()) {
            String owner = n.ownerCode() == null ? t.get("plan.draft.noOwner") : data.ownerName(data.branchOf(n.ownerCode()));
            byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(n.title());
        }
        StringBuilder b = new StringBuilder(t.get("plan.draft.responsibility.intro", byOwner.size(),
                indicators().size()));
        byOwner.forEach((owner, titles) -> b.append('\n').append(t.get("plan.draft.responsibility.line", owner,
                String.join(t.get("plan.draft.listSeparator"), titles), titles.size())));
        return b.toString();
    }

    private PlanDocument.Section system(ManagementSystem s, int position, String title) {
        List<PlanDocument.Measure> measures = new ArrayList<>();
        String unit = data.unit().code();
        int year = data.year();
        switch (s) {
            case RESPONSIBILITY -> {
                for (GoalNode goal : data.tree().roots()) {
                    Set<String> owners = new LinkedHashSet<>();
                    for (GoalNode n : data.indicatorsUnder(goal)) {
                        if (n.ownerCode() != null) {
                            owners.add(data.ownerName(data.branchOf(n.ownerCode())));
                        }
                    }
                    measures.add(new PlanDocument.Measure(t.get("plan.draft.responsibility.measure", goal.title(),
                            owners.isEmpty() ? t.get("plan.draft.noOwner") : String.join(t.get("plan.draft.listSeparator"),
                                    owners)), goal.ownerCode(),
                            // signed by the plan's date, as the office's calendar has it
                            calendar.getOrDefault(YearCalendar.PLAN, LocalDate.of(year, 7, 15))));
                }
            }
            case MONITORING -> {
                for (int q = 1; q <= 4; q++) {
                    LocalDate end = YearMonth.of(year, q * 3).atEndOfMonth().plusDays(15);
                    measures.add(new PlanDocument.Measure(t.get("plan.draft.monitoring.quarter", q), unit, end));
                }
                measures.add(new PlanDocument.Measure(t.get("plan.draft.monitoring.supervision"), unit, null));
            }
            case ANALYSIS -> {
                measures.add(new PlanDocument.Measure(t.get("plan.draft.analysis.midyear"), unit,
                        calendar.getOrDefault(YearCalendar.MIDYEAR, LocalDate.of(year, 8, 31))));
                measures.add(new PlanDocument.Measure(t.get("plan.draft.analysis.yearEnd"), unit,
                        calendar.getOrDefault(YearCalendar.ANNUAL, LocalDate.of(year + 1, 1, 10))));
            }
            case EVALUATION -> measures.add(new PlanDocument.Measure(t.get("plan.draft.evaluation.self",
                    indicators().size()), unit, calendar.getOrDefault(YearCalendar.ANNUAL, LocalDate.of(year + 1, 1, 10))));
            case INFORMATION -> {
                Map<String, Integer> sources = new LinkedHashMap<>();
                for (GoalNode n : indicators()) {
                    String owner = n.ownerCode() == null ? t.get("plan.draft.noOwner")
                            : data.ownerName(data.branchOf(n.ownerCode()));
                    sources.merge(owner, 1, Integer::sum);
                }
                sources.forEach((owner, count) -> measures.add(new PlanDocument.Measure(
                        t.get("plan.draft.information.source", owner, count), null, null)));
            }
            case IMPROVEMENT -> measures.add(new PlanDocument.Measure(t.get("plan.draft.improvement.measure",
                    rectificationDays), unit, null));
            case RESULTS_USE -> measures.add(new PlanDocument.Measure(t.get("plan.draft.resultsUse.measure"), unit,
                    null));
            default -> {
            }
        }
        return new PlanDocument.Section(s.sectionKey(), position, title,
                t.get("plan.draft.system." + s.name(), indicators().size()), measures);
    }

    /** The work plan by quarter: what falls due in each (node deadlines and milestones). */
    private String workPlan() {
        StringBuilder b = new StringBuilder(t.get("plan.draft.workPlan.intro", String.valueOf(data.year())));
        for (int q = 1; q <= 4; q++) {
            List<String> due = new ArrayList<>();
            for (GoalNode n : data.tree().inOrder()) {
                LocalDate d = n.measure() instanceof Measure.Milestone m && m.due() != null ? m.due() : n.deadline();
                if (d != null && d.getYear() == data.year() && (d.getMonthValue() - 1) / 3 + 1 == q
                        && n.kind() != NodeKind.GOAL && n.kind() != NodeKind.SUB_GOAL && !(d.getMonthValue() == 12
                        && d.getDayOfMonth() == 31)) {
                    due.add(n.title() + t.get("plan.draft.workPlan.by", IndicatorFacts.shortDate(d, data.year(), t)));
                }
            }
            b.append('\n').append(t.get("plan.draft.workPlan.quarter", q, due.isEmpty()
                    ? t.get("plan.draft.workPlan.ongoing") : String.join(t.get("plan.draft.listSeparator"), due)));
        }
        b.append('\n').append(t.get("plan.draft.workPlan.yearEnd", IndicatorFacts.shortDate(
                LocalDate.of(data.year(), 12, 31), data.year(), t)));
        return b.toString();
    }
}
