package org.perfdesk.ui.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.IndicatorSystem;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.evaluation.PlanStageOffice;
import org.perfdesk.exchange.Guidance;
import org.perfdesk.exchange.Signer;
import org.perfdesk.report.xlsx.IndicatorSystemXlsx;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 指标体系 at the office: the year's indicator system of a group (设区市政府 or 省直部门), read from a spreadsheet
 * (nothing saved when a row has a problem: every problem is listed), and how far each unit of the group has
 * linked its tree to it; sent to the group's units as one signed package each.
 */
public final class IndicatorSystemViewModel {
    /** A unit of the group against the system: linked leaves of all, and the names of those it left out. */
    public record UnitLine(String unit, int linked, int leaves, String missing) {
    }

    record Loaded(List<IndicatorSystem.Item> items, List<UnitLine> units, String summary) {
    }

    private final WorkspaceContext ctx;
    private final ObjectProperty<RankingGroup> group = new SimpleObjectProperty<>(RankingGroup.CITY_GOVERNMENTS);
    private final ObservableList<IndicatorSystem.Item> items = FXCollections.observableArrayList();
    private final ObservableList<UnitLine> units = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public IndicatorSystemViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
        group.addListener((o, a, b) -> load());
    }

    public void load() {
        int year = ctx.year();
        RankingGroup g = group.get();
        ctx.tasks().run(Texts.t("task.loadSystem"), () -> loaded(ctx.workspace(), year, g), this::show);
    }

    private static Loaded loaded(Workspace ws, int year, RankingGroup g) {
        Texts t = Texts.current();
        IndicatorSystem system = ws.planStage().systems().find(year, g).orElse(null);
        if (system == null) {
            return new Loaded(List.of(), List.of(), t.get("system.office.none", String.valueOf(year), t.of(g)));
        }
        List<UnitLine> lines = new ArrayList<>();
        for (PlanStageOffice.UnitCoverage c : new PlanStageOffice(ws).coverage(year, g)) {
            lines.add(new UnitLine(c.unit().name(), c.coverage().linkedLeaves(system), system.leaves().size(),
                    String.join(t.get("plan.draft.listSeparator"), c.missing().stream().map(IndicatorSystem.Item::name)
                            .toList())));
        }
        return new Loaded(system.indicators(), lines, t.get("system.office.summary", String.valueOf(year), t.of(g),
                system.indicators().size(), system.leaves().size()));
    }

    private void show(Loaded l) {
        items.setAll(l.items());
        units.setAll(l.units());
        summary.set(l.summary());
    }

    /** Reads the group's system from a spreadsheet and saves it; with any problem, lists them and saves nothing. */
    public void importFrom(Path file) {
        int year = ctx.year();
        RankingGroup g = group.get();
        ctx.tasks().run(Texts.t("task.saveSystem"), () -> {
            IndicatorSystemXlsx.Read read = IndicatorSystemXlsx.read(file, year, g);
            Texts t = Texts.current();
            if (read.refused()) {
                List<String> out = new ArrayList<>();
                out.add(t.get("cli.system.refused", file.getFileName().toString(), read.problems().size()));
                read.problems().forEach(p -> out.add(p.describe(t)));
                return out;
            }
            new PlanStageOffice(ctx.workspace()).saveSystem(read.system(),
                    t.get("cli.system.fromFile", file.getFileName()));
            List<String> out = new ArrayList<>();
            read.notes().forEach(n -> out.add(n.text()));
            return out;
        }, notes -> {
            problems.setAll(notes);
            ctx.saved();
            load();
        });
    }

    /** Writes the group's system as a spreadsheet (the form it can be read back from). */
    public void exportTo(Path file, java.util.function.Consumer<Path> done) {
        int year = ctx.year();
        RankingGroup g = group.get();
        ctx.tasks().run(Texts.t("task.loadSystem"), () -> {
            IndicatorSystem s = ctx.workspace().planStage().systems().find(year, g).orElseThrow(() ->
                    new UserError("error.system.none", String.valueOf(year), Texts.current().of(g)));
            IndicatorSystemXlsx.write(s, file);
            return file;
        }, done);
    }

    /** Sends the system to every registered unit of the group, one signed package each in the outbox. */
    public void send(Signer signer, java.util.function.IntConsumer sent) {
        int year = ctx.year();
        RankingGroup g = group.get();
        ctx.tasks().run(Texts.t("task.sendSystem"), () -> {
            Workspace ws = ctx.workspace();
            List<OrgUnit> to = Guidance.recipients(ws, year).stream().filter(u -> u.group() == g).toList();
            if (to.isEmpty()) {
                throw new UserError("error.guidance.noUnits", String.valueOf(year));
            }
            for (OrgUnit u : to) {
                Guidance.sendIndicatorSystem(ws, signer, year, u, ws.outboxDir(), false);
            }
            return to.size();
        }, n -> {
            ctx.saved();
            sent.accept(n);
        });
    }

    public ObjectProperty<RankingGroup> groupProperty() {
        return group;
    }

    public ObservableList<IndicatorSystem.Item> items() {
        return items;
    }

    public ObservableList<UnitLine> units() {
        return units;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public WorkspaceContext context() {
        return ctx;
    }
}
