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

/**
 * 概览: the figures a person checks first, what needs attention (behind, at risk, due soon or
 * overdue), and the year's calendar, whose dates the user may change for the year.
 */
public final class OverviewViewModel {
    /** A labelled figure on the overview. */
    public record Figure(String label, String value) {
    }

    /** A deadline line: what, when, how far away; key names it in the calendar. */
    public record DeadlineRow(String key, String what, LocalDate date, String state) {
    }

    /** Something to look at: an indicator, why, and its owner. */
    public record AttentionRow(String nodeId, String title, String reason, String owner) {
    }

    /** Days ahead in which a deadline counts as "due soon". */
    static final int SOON_DAYS = 30;

    private final WorkspaceContext ctx;
    private final ObservableList<Figure> figures = FXCollections.observableArrayList();
    private final ObservableList<DeadlineRow> deadlines = FXCollections.observableArrayList();
    private final ObservableList<AttentionRow> attention = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyStringWrapper calendarSource =
            new javafx.beans.property.ReadOnlyStringWrapper("");

    public OverviewViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    private record Loaded(List<Figure> figures, List<AttentionRow> attention, List<DeadlineRow> deadlines) {
    }

    public void load() {
        int year = ctx.year();
        LocalDate today = LocalDate.now();
        ctx.tasks().run(Texts.t("task.loadOverview"), () -> Map.entry(ctx.role() == Role.OFFICE
                        ? new Loaded(officeFigures(), List.of(), deadlines(year, today))
                        : unit(year, today), calendarSource(year)),
                loaded -> {
                    Loaded l = loaded.getKey();
                    figures.setAll(l.figures());
                    attention.setAll(l.attention());
                    deadlines.setAll(l.deadlines());
                    calendarSource.set(loaded.getValue());
                });
    }

    private Loaded unit(int year, LocalDate today) {
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
        Map<String, Progress> latestByNode = new HashMap<>();
        for (Progress p : progress) {
            if (p.quarter() == latest) {
                latestByNode.put(p.nodeId(), p);
                if (p.status() != null) {
                    counts.merge(p.status(), 1, Integer::sum);
                }
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
        return new Loaded(out, attention(tree, latestByNode, owners, today), deadlines(year, today));
    }

    /** Behind or at risk in the latest quarter first, then deadlines due soon or passed without "done". */
    static List<AttentionRow> attention(GoalTree tree, Map<String, Progress> latest, Map<String, String> owners,
                                        LocalDate today) {
        Texts t = Texts.current();
        List<AttentionRow> lagging = new ArrayList<>();
        List<AttentionRow> dated = new ArrayList<>();
        for (GoalNode n : tree.inOrder()) {
            if (!tree.isLeaf(n.id())) {
                continue;
            }
            String owner = n.ownerCode() == null ? "" : owners.getOrDefault(n.ownerCode(), n.ownerCode());
            Progress p = latest.get(n.id());
            ProgressStatus status = p == null ? null : p.status();
            if (status == ProgressStatus.BEHIND || status == ProgressStatus.AT_RISK) {
                lagging.add(new AttentionRow(n.id(), n.title(), t.of(status) + (p.problems() == null ? ""
                        : "：" + p.problems()), owner));
            } else if (n.deadline() != null && status != ProgressStatus.DONE) {
                long days = ChronoUnit.DAYS.between(today, n.deadline());
                if (days < 0) {
                    dated.add(new AttentionRow(n.id(), n.title(), t.get("overview.overdue", n.deadline().toString()),
                            owner));
                } else if (days <= SOON_DAYS) {
                    dated.add(new AttentionRow(n.id(), n.title(), t.get("overview.dueSoon", n.deadline().toString(),
                            days), owner));
                }
            }
        }
        lagging.sort(java.util.Comparator.comparing(AttentionRow::reason));
        lagging.addAll(dated);
        return lagging;
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

    /** The year's deadlines for this role (with the dates set for the year), and how far away they are. */
    List<DeadlineRow> deadlines(int year, LocalDate today) {
        Texts t = Texts.current();
        List<DeadlineRow> out = new ArrayList<>();
        for (YearCalendar.Deadline d : ctx.workspace().calendar().find(year)) {
            if (d.who() != ctx.role() && ctx.role() != Role.OFFICE) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(today, d.date());
            String state = days < 0 ? t.get("overview.deadlinePassed")
                    : days == 0 ? t.get("overview.deadlineToday") : t.get("overview.deadlineIn", days);
            out.add(new DeadlineRow(d.key(), t.get("calendar." + d.key()), d.date(), state));
        }
        return out;
    }

    /**
     * Where the dates come from: at the office, that they travel to the units when sent; at a unit, the
     * calendar its office sent (and when), or the plan's defaults until one arrives.
     */
    String calendarSource(int year) {
        if (ctx.role() == Role.OFFICE) {
            return Texts.t("overview.calendarOffice");
        }
        return ctx.workspace().calendar().officeCalendar(year).map(c -> Texts.t("overview.calendarFromOffice",
                c.issuedAt() == null ? "" : c.issuedAt().toString().substring(0, 10)))
                .orElse(Texts.t("overview.calendarDefaults"));
    }

    /** Sends the year's calendar to every registered unit (one signed package each, in the outbox). */
    public void sendCalendar(org.perfdesk.exchange.Signer signer, java.util.function.IntConsumer sent) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.sendCalendar"), () -> org.perfdesk.exchange.Guidance.sendAll(ctx.workspace(),
                signer, year, org.perfdesk.exchange.Guidance.What.CALENDAR, null, ctx.workspace().outboxDir(), false)
                .size(), n -> {
                    ctx.saved();
                    sent.accept(n);
                });
    }

    public javafx.beans.property.ReadOnlyStringProperty calendarSourceProperty() {
        return calendarSource.getReadOnlyProperty();
    }

    /** Changes a deadline of the shown year (null: back to the default). */
    public void setDeadline(String key, LocalDate date) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.saveCalendar"), () -> {
            ctx.workspace().calendar().set(year, key, date);
            return deadlines(year, LocalDate.now());
        }, rows -> {
            ctx.saved();
            deadlines.setAll(rows);
        });
    }

    public ObservableList<Figure> figures() {
        return figures;
    }

    public ObservableList<DeadlineRow> deadlines() {
        return deadlines;
    }

    public ObservableList<AttentionRow> attention() {
        return attention;
    }
}
