package org.perfdesk.ui.evaluation;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.Bonus;
import org.perfdesk.domain.Ids;
import org.perfdesk.domain.Inspection;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 察访核验: the year's inspection records and bonus points. Every change goes through the evaluator,
 * which checks it and writes the audit log; evidence files are copied into the workspace first.
 */
public final class InspectionViewModel {
    /** What the dialog hands back: the record, a new evidence file to store (or null) and the reason. */
    public record Draft(String id, String unitCode, LocalDate date, Inspection.Kind kind, String finding,
                        BigDecimal deduction, String keptEvidence, Path newEvidence, String reason) {
    }

    private final WorkspaceContext ctx;
    private final ObservableList<Inspection> inspections = FXCollections.observableArrayList();
    private final ObservableList<Bonus> bonuses = FXCollections.observableArrayList();
    private final ObservableList<OrgUnit> units = FXCollections.observableArrayList();
    private Map<String, String> evidenceNames = Map.of();

    public InspectionViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    private record Loaded(List<OrgUnit> units, List<Inspection> inspections, List<Bonus> bonuses,
                          Map<String, String> evidenceNames) {
    }

    public void load() {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.loadInspections"), () -> {
            Workspace ws = ctx.workspace();
            List<Inspection> found = ws.evaluation().inspections().findByYear(year);
            Map<String, String> names = found.stream().map(Inspection::evidenceSha256)
                    .filter(s -> s != null).distinct()
                    .collect(Collectors.toMap(Function.identity(),
                            s -> ws.evidence().fileName(s).orElse(s.substring(0, 12))));
            return new Loaded(new Evaluator(ws).units(year), found, ws.evaluation().inspections().findBonuses(year), names);
        }, loaded -> {
            units.setAll(loaded.units());
            evidenceNames = loaded.evidenceNames();
            inspections.setAll(loaded.inspections());
            bonuses.setAll(loaded.bonuses());
        });
    }

    /** Stores the evidence file if one was chosen, then saves the record; reloads when done. */
    public void save(Draft d, Runnable done) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.saveInspection"), () -> {
            String sha = d.newEvidence() != null ? ctx.workspace().evidence().store(d.newEvidence()).sha256()
                    : d.keptEvidence();
            Inspection i = new Inspection(d.id() != null ? d.id() : Ids.newId(), d.unitCode(), year,
                    d.date(), d.kind(), d.finding().strip(), d.deduction(), sha);
            new Evaluator(ctx.workspace()).saveInspection(i, d.reason());
            return i;
        }, saved -> {
            ctx.saved();
            load();
            done.run();
        });
    }

    public void delete(Inspection i, String reason) {
        ctx.tasks().run(Texts.t("task.saveInspection"), () -> {
            new Evaluator(ctx.workspace()).deleteInspection(i, reason);
            return null;
        }, x -> {
            ctx.saved();
            load();
        });
    }

    public void saveBonus(String unitCode, BigDecimal points, String reason) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.saveInspection"), () -> {
            new Evaluator(ctx.workspace()).saveBonus(new Bonus(Ids.newId(), unitCode, year, points,
                    reason));
            return null;
        }, x -> {
            ctx.saved();
            load();
        });
    }

    public void deleteBonus(Bonus b, String reason) {
        ctx.tasks().run(Texts.t("task.saveInspection"), () -> {
            new Evaluator(ctx.workspace()).deleteBonus(b, reason);
            return null;
        }, x -> {
            ctx.saved();
            load();
        });
    }

    /** A copy of the evidence file to open with the system's program (the stored one stays untouched). */
    public Path openableEvidence(Inspection i) throws java.io.IOException {
        return ctx.workspace().evidence().openableCopy(i.evidenceSha256());
    }

    public String unitName(String code) {
        return units.stream().filter(u -> u.code().equals(code)).map(OrgUnit::name).findFirst().orElse(code);
    }

    public String evidenceName(Inspection i) {
        return i.evidenceSha256() == null ? "" : evidenceNames.getOrDefault(i.evidenceSha256(), "");
    }

    public ObservableList<Inspection> inspections() {
        return inspections;
    }

    public ObservableList<Bonus> bonuses() {
        return bonuses;
    }

    public ObservableList<OrgUnit> units() {
        return units;
    }

    public int year() {
        return ctx.year();
    }

    public WorkspaceContext context() {
        return ctx;
    }
}
