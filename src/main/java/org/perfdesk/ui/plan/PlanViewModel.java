package org.perfdesk.ui.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.perfdesk.domain.PlanDocument;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.PlanDocuments;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.common.UndoStack;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 工作方案: the unit's plan (方案) as the work plan asks it by 15 July, section by section: the expected
 * results, the responsible units, the seven 制度 each with its measures, the annual work plan (a section, an
 * attached file, or both). Sections nobody wrote show their draft from the goal tree; what is typed is saved
 * as typed, every save can be undone, and what is still missing before sending is said.
 */
public final class PlanViewModel {
    /** What the screen shows after a load: the sections, the work plan's file, what is missing, the answer. */
    record Loaded(List<PlanDocument.Section> sections, String workPlan, List<String> missing, String answer) {
    }

    private final WorkspaceContext ctx;
    private final ObservableList<PlanDocument.Section> sections = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper workPlan = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper("");
    private final UndoStack undo = new UndoStack();

    public PlanViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    public void load() {
        String unit = ctx.self().code();
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.loadPlan"), () -> loaded(ctx.workspace(), unit, year), this::show);
    }

    private static Loaded loaded(Workspace ws, String unit, int year) {
        Texts t = Texts.current();
        PlanDocument saved = ws.planStage().plans().find(unit, year);
        List<String> missing = saved.missing();
        String answer = ws.reviews().latest(unit, year).map((PlanReview r) -> t.get("plan.screen.answer", r.words(),
                r.decidedAt().toString().substring(0, 10), r.reason())).orElse(t.get("plan.screen.noAnswer"));
        return new Loaded(PlanDocuments.forEditing(ws, unit, year),
                saved.workPlan() == null ? "" : saved.workPlan().fileName(),
                missing, answer);
    }

    private void show(Loaded l) {
        sections.setAll(l.sections());
        workPlan.set(l.workPlan().isEmpty() ? Texts.t("plan.screen.noWorkPlanFile")
                : Texts.t("plan.screen.workPlanFile", l.workPlan()));
        missing.set(l.missing().isEmpty() ? Texts.t("plan.screen.complete")
                : Texts.t("plan.screen.missing", String.join(Texts.t("plan.draft.listSeparator"), l.missing())));
        answer.set(l.answer());
    }

    /** Saves a section as typed (its text or its measures); undo puts back the section as it was shown. */
    public void save(PlanDocument.Section changed) {
        PlanDocument.Section before = sections.stream().filter(s -> s.key().equals(changed.key())).findFirst()
                .orElse(null);
        if (before == null || (before.body().equals(changed.body()) && before.measures().equals(changed.measures()))) {
            return;
        }
        write(changed);
        undo.push(new UndoStack.Entry(Texts.t("plan.undo.edit", changed.title()), () -> write(before),
                () -> write(changed)));
    }

    private void write(PlanDocument.Section s) {
        String unit = ctx.self().code();
        int year = ctx.year();
        // The list is replaced when the save is done, after the screen has moved to the section it is showing.
        ctx.tasks().run(Texts.t("task.savePlan"), () -> {
            PlanDocuments.save(ctx.workspace(), unit, year, s);
            return loaded(ctx.workspace(), unit, year);
        }, l -> {
            ctx.saved();
            show(l);
        });
    }

    /** Saves the draft of every section still empty; what was written stays. */
    public void saveDrafts() {
        String unit = ctx.self().code();
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.savePlan"), () -> {
            PlanDocuments.saveDrafts(ctx.workspace(), unit, year);
            return loaded(ctx.workspace(), unit, year);
        }, l -> {
            ctx.saved();
            show(l);
        });
    }

    /** Attaches the annual work plan's file (a document; anything else is refused with the reason). */
    public void attach(Path file) {
        String unit = ctx.self().code();
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.savePlan"), () -> {
            PlanDocuments.attach(ctx.workspace(), unit, year, file);
            return loaded(ctx.workspace(), unit, year);
        }, l -> {
            ctx.saved();
            show(l);
        });
    }

    public void undo() {
        undo.undo();
    }

    public UndoStack undoStack() {
        return undo;
    }

    /** A measure list with one empty measure more, for the user to fill in. */
    static List<PlanDocument.Measure> withNewMeasure(List<PlanDocument.Measure> measures) {
        List<PlanDocument.Measure> out = new ArrayList<>(measures);
        out.add(new PlanDocument.Measure("", null, null));
        return out;
    }

    public ObservableList<PlanDocument.Section> sections() {
        return sections;
    }

    public ReadOnlyStringProperty workPlanProperty() {
        return workPlan.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }

    public WorkspaceContext context() {
        return ctx;
    }
}
