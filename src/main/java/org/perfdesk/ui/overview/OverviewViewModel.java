package org.perfdesk.ui.overview;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.GoalTreeRules;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.YearCalendar;
import org.perfdesk.ui.common.WorkspaceContext;

/** 概览: the figures a person checks first, and the year's deadlines. */
public final class OverviewViewModel {
    /** A labelled figure on the overview. */
    public record Figure(String label, String value) {
    }

    /** A deadline line: what, when, and how far away. */
    public record DeadlineRow(String what, String date, String state) {
    }

    private final WorkspaceContext ctx;
    private final ObservableList<Figure> figures = FXCollections.observableArrayList();
    private final ObservableList<DeadlineRow> deadlines = FXCollections.observableArrayList();

    public OverviewViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    public void load() {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.loadOverview"),
                () -> ctx.role() == Role.OFFICE ? officeFigures() : unitFigures(year),
                list -> {
                    figures.setAll(list);
                    deadlines.setAll(deadlines(year, LocalDate.now()));
                });
    }

    private List<Figure> unitFigures(int year) {
        Texts t = Texts.current();
        String unit = ctx.self().code();
        GoalTree tree = ctx.workspace().goals().loadTree(unit, year);
        Map<String, String> owners = new HashMap<>();
        for (OrgUnit o : ctx.workspace().orgUnits().findSubtree(unit)) {
            owners.put(o.code(), o.name());
        }
        int indicators = 0;
        for (GoalNode n : tree.inOrder()) {
            if (n.kind().isMeasurable()) {
                indicators++;
            }
        }
        int problems = new GoalTreeRules(year, owners.keySet()).check(tree).size();
        List<Progress> progress = ctx.workspace().progress().findByUnit(unit, year);
        int latest = progress.stream().mapToInt(Progress::quarter).max().orElse(0);
        Map<ProgressStatus, Integer> counts = new EnumMap<>(ProgressStatus.class);
        for (Progress p : progress) {
            if (p.quarter() == latest && p.status() != null) {
                counts.merge(p.status(), 1, Integer::sum);
            }
        }
        List<Figure> out = new ArrayList<>();
        out.add(new Figure(t.get("overview.nodes"), String.valueOf(tree.size())));
        out.add(new Figure(t.get("overview.indicators"), String.valueOf(indicators)));
        out.add(new Figure(t.get("overview.owners"), String.valueOf(owners.size() - 1)));
        out.add(new Figure(t.get("overview.problems"), String.valueOf(problems)));
        if (latest > 0) {
            out.add(new Figure(t.get("overview.latestQuarter"), t.get("progress.quarter", latest)));
            for (ProgressStatus s : ProgressStatus.values()) {
                out.add(new Figure(t.of(s), String.valueOf(counts.getOrDefault(s, 0))));
            }
        }
        return out;
    }

    private List<Figure> officeFigures() {
        Texts t = Texts.current();
        Map<RankingGroup, Integer> perGroup = new EnumMap<>(RankingGroup.class);
        for (OrgUnit o : ctx.workspace().orgUnits().findChildren(ctx.self().code())) {
            if (o.group() != null) {
                perGroup.merge(o.group(), 1, Integer::sum);
            }
        }
        List<Figure> out = new ArrayList<>();
        int total = 0;
        for (RankingGroup g : RankingGroup.values()) {
            int n = perGroup.getOrDefault(g, 0);
            total += n;
            out.add(new Figure(t.of(g), String.valueOf(n)));
        }
        out.add(0, new Figure(t.get("overview.registeredUnits"), String.valueOf(total)));
        return out;
    }

    /** The year's deadlines for this role, with how far away they are from {@code today}. */
    List<DeadlineRow> deadlines(int year, LocalDate today) {
        Texts t = Texts.current();
        List<DeadlineRow> out = new ArrayList<>();
        for (YearCalendar.Deadline d : YearCalendar.defaults(year)) {
            if (d.who() != ctx.role() && ctx.role() != Role.OFFICE) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(today, d.date());
            String state = days < 0 ? t.get("overview.deadlinePassed")
                    : days == 0 ? t.get("overview.deadlineToday") : t.get("overview.deadlineIn", days);
            out.add(new DeadlineRow(t.get("calendar." + d.key()), d.date().toString(), state));
        }
        return out;
    }

    public ObservableList<Figure> figures() {
        return figures;
    }

    public ObservableList<DeadlineRow> deadlines() {
        return deadlines;
    }
}
