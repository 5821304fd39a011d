package org.perfdesk.ui.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.EvaluationScheme;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.SpotCheck;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.AssessmentSheet;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 指标考核: per unit, each indicator's self score beside the office's (pre-filled from progress and
 * the self-assessment), the office's scores with reasons, and the spot check drawn with a recorded seed.
 */
public final class AssessmentViewModel {
    /** One unit in the list, with how far its assessment has come. */
    public record UnitLine(OrgUnit unit, int indicators, int officeScored, int notable, SpotCheck spotCheck) {
    }

    private final WorkspaceContext ctx;
    private final ObservableList<UnitLine> units = FXCollections.observableArrayList();
    private final ObservableList<AssessmentSheet.Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<UnitLine> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper spotCheckText = new ReadOnlyStringWrapper("");
    private volatile EvaluationScheme scheme;

    public AssessmentViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    public void load() {
        int year = ctx.year();
        String was = selected.get() == null ? null : selected.get().unit().code();
        ctx.tasks().run(Texts.t("task.loadAssessment"), () -> {
            Evaluator e = new Evaluator(ctx.workspace());
            scheme = e.scheme(year);
            List<UnitLine> out = new ArrayList<>();
            for (OrgUnit u : e.units(year)) {
                List<AssessmentSheet.Row> sheet = e.sheet(u, year);
                out.add(new UnitLine(u, sheet.size(), (int) sheet.stream().filter(r -> r.office() != null).count(),
                        (int) sheet.stream().filter(AssessmentSheet.Row::notable).count(),
                        ctx.workspace().evaluation().spotChecks().find(u.code(), year).orElse(null)));
            }
            return out;
        }, loaded -> {
            units.setAll(loaded);
            Optional<UnitLine> again = loaded.stream().filter(l -> l.unit().code().equals(was)).findFirst();
            if (again.isPresent()) {
                select(again.get());
            }
        });
    }

    public void select(UnitLine line) {
        selected.set(line);
        if (line == null) {
            rows.clear();
            spotCheckText.set("");
            return;
        }
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.loadAssessment"), () -> new Evaluator(ctx.workspace()).sheet(line.unit(), year),
                sheet -> {
                    rows.setAll(sheet);
                    spotCheckText.set(describe(line.spotCheck()));
                });
    }

    static String describe(SpotCheck s) {
        return s == null ? Texts.t("assessment.spot.none")
                : Texts.t("assessment.spot.drawn", s.drawn().size(), Numbers.plain(s.share()), String.valueOf(s.seed()));
    }

    /** The office's own score of an indicator, with its reason (the evaluator checks the range). */
    public void score(AssessmentSheet.Row row, BigDecimal points, String reason) {
        ctx.tasks().run(Texts.t("task.saveScore"), () -> {
            new Evaluator(ctx.workspace()).setScore(row.node().id(), points, reason);
            return null;
        }, x -> saved());
    }

    public void clearScore(AssessmentSheet.Row row, String reason) {
        ctx.tasks().run(Texts.t("task.saveScore"), () -> {
            new Evaluator(ctx.workspace()).clearScore(row.node().id(), reason);
            return null;
        }, x -> saved());
    }

    /** Draws the selected unit's spot check with a fresh seed (recorded and audited). */
    public void drawSpotCheck() {
        UnitLine line = selected.get();
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.drawSpotCheck"), () -> new Evaluator(ctx.workspace())
                .drawSpotCheck(line.unit().code(), year, null), s -> saved());
    }

    /** Repeats the recorded draw from its seed and says whether it comes out the same. */
    public void verifySpotCheck(java.util.function.Consumer<String> answer) {
        UnitLine line = selected.get();
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.drawSpotCheck"), () -> new Evaluator(ctx.workspace())
                .spotCheckRepeats(line.unit().code(), year), same -> answer.accept(same.isEmpty()
                ? Texts.t("assessment.spot.none")
                : Texts.t(same.get() ? "assessment.spot.same" : "assessment.spot.differs",
                        String.valueOf(line.spotCheck().seed()), line.spotCheck().drawn().size())));
    }

    private void saved() {
        ctx.saved();
        load();
    }

    public WorkspaceContext context() {
        return ctx;
    }

    /** The year's scheme as last loaded (the period and rules the "why" column states). */
    public EvaluationScheme scheme() {
        return scheme == null ? EvaluationScheme.defaults(ctx.year()) : scheme;
    }

    public ObservableList<UnitLine> units() {
        return units;
    }

    public ObservableList<AssessmentSheet.Row> rows() {
        return rows;
    }

    public ObjectProperty<UnitLine> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty spotCheckTextProperty() {
        return spotCheckText.getReadOnlyProperty();
    }
}
