package org.perfdesk.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.perfdesk.domain.DocumentTypes;
import org.perfdesk.domain.PlanDocument;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.EvidenceRepository;
import org.perfdesk.store.Workspace;

/**
 * A unit's plan document (方案) as the window and the command line edit it: every section shown with a
 * draft where nothing was written ({@link PlanDrafts}), a section saved as typed, the drafts of the empty
 * sections saved on request, the annual work plan's file attached (a document, kept under attachments/).
 */
public final class PlanDocuments {
    private PlanDocuments() {
    }

    /**
     * Every section for editing, in order: those saved, and a draft for each missing or empty one (nothing is
     * saved). A year without goals shows empty sections under their titles.
     */
    public static List<PlanDocument.Section> forEditing(Workspace ws, String unit, int year) {
        PlanDocument saved = ws.planStage().plans().find(unit, year);
        List<PlanDocument.Section> drafts;
        if (ws.goals().count(unit, year) > 0) {
            drafts = PlanDrafts.draft(ws, unit, year, Texts.current());
        } else {
            drafts = new ArrayList<>();
            List<String> keys = PlanDocument.keys();
            for (int i = 0; i < keys.size(); i++) {
                drafts.add(new PlanDocument.Section(keys.get(i), i, PlanDocument.defaultTitle(keys.get(i)), "", List.of()));
            }
        }
        return PlanDrafts.merge(saved.sections(), drafts);
    }

    /** Saves the drafts of every section still missing or empty; what was written stays. Returns how many. */
    public static int saveDrafts(Workspace ws, String unit, int year) {
        PlanDocument saved = ws.planStage().plans().find(unit, year);
        List<PlanDocument.Section> all = PlanDrafts.merge(saved.sections(),
                PlanDrafts.draft(ws, unit, year, Texts.current()));
        List<PlanDocument.Section> toSave = all.stream().filter(s -> saved.section(s.key())
                .map(PlanDocument.Section::isEmpty).orElse(true)).toList();
        ws.planStage().plans().saveSections(unit, year, toSave);
        return toSave.size();
    }

    /** Saves one section as typed. */
    public static void save(Workspace ws, String unit, int year, PlanDocument.Section section) {
        ws.planStage().plans().saveSection(unit, year, section);
    }

    /**
     * Attaches the annual work plan's file (Word, WPS, PDF …), replacing the one before; a program or any
     * other type is refused, as for evidence.
     */
    public static PlanDocument.WorkPlanFile attach(Workspace ws, String unit, int year, Path file) {
        if (DocumentTypes.of(file.getFileName().toString()) != DocumentTypes.Kind.DOCUMENT) {
            throw new UserError("plan.error.notADocument", file.getFileName().toString());
        }
        EvidenceRepository.Stored stored = ws.evidence().store(file);
        PlanDocument.WorkPlanFile f = new PlanDocument.WorkPlanFile(stored.sha256(), stored.fileName(), stored.size());
        ws.planStage().plans().setWorkPlan(unit, year, f);
        return f;
    }

    /**
     * The plan as it was saved (or as the unit's plan package carried it, at the office), as lines to read: each
     * section's title and text, its measures with owner and due date, the work plan's file. Nothing drafted.
     */
    public static List<String> savedLines(Workspace ws, String unit, int year, Texts t) {
        PlanDocument doc = ws.planStage().plans().find(unit, year);
        List<String> out = new ArrayList<>();
        for (PlanDocument.Section s : doc.sections()) {
            if (s.isEmpty()) {
                continue;
            }
            out.add(s.title().isBlank() ? PlanDocument.defaultTitle(s.key()) : s.title());
            if (!s.body().isBlank()) {
                out.add(s.body());
            }
            for (PlanDocument.Measure m : s.measures()) {
                if (!m.text().isEmpty()) {
                    out.add(t.get("cli.plan.measure", m.text(), m.owner() == null ? ""
                            : ws.orgUnits().find(m.owner()).map(o -> o.name()).orElse(m.owner()),
                            m.due() == null ? "" : m.due().toString()));
                }
            }
            out.add("");
        }
        if (doc.workPlan() != null) {
            out.add(t.get("cli.plan.workPlanFile", doc.workPlan().fileName()));
        }
        return out;
    }

    public static void detach(Workspace ws, String unit, int year) {
        ws.planStage().plans().setWorkPlan(unit, year, null);
    }
}
