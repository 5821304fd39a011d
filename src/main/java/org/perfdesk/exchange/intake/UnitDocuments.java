package org.perfdesk.exchange.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perfdesk.domain.MonitoringRecord;
import org.perfdesk.domain.PlanDocument;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.exchange.snapshot.PlanStagePayloads;

/**
 * What a unit's report package may carry beside its snapshot: its plan document (方案, with the annual work
 * plan's file) and its monitoring records. Each replaces what the office holds for the unit and year when
 * present; a package without them (an older version, or a unit that has written none) leaves them alone.
 */
final class UnitDocuments {
    private UnitDocuments() {
    }

    /** Reads and checks both payloads, if present, and adds their writes and file to the plan. */
    static void addTo(Plan plan, Incoming in, String unit, int year, Set<String> nodeIds) {
        byte[] doc = in.entry(EntryNames.PLAN_DOCUMENT);
        if (doc != null) {
            PlanDocument d = PlanStagePayloads.toPlanDocument(
                    in.read(EntryNames.PLAN_DOCUMENT, Payloads.PlanDocumentPayload.class), unit, year);
            Map<String, byte[]> files = new HashMap<>();
            if (d.workPlan() != null) {
                files.put(d.workPlan().sha256(), EvidenceFiles.bytes(in, d.workPlan().sha256(), d.workPlan().fileName()));
            }
            PlanDocument shown = d.workPlan() == null ? d : new PlanDocument(d.unitCode(), d.year(), d.sections(),
                    new PlanDocument.WorkPlanFile(d.workPlan().sha256(),
                            EvidenceFiles.shownName(d.workPlan().fileName(), d.workPlan().sha256()), d.workPlan().size()));
            plan.keep(files).write(() -> {
                if (shown.workPlan() != null) {
                    in.ws().evidence().record(shown.workPlan().sha256(), shown.workPlan().fileName(),
                            shown.workPlan().size());
                }
                in.ws().planStage().plans().replace(shown);
            });
        }
        byte[] monitoring = in.entry(EntryNames.MONITORING);
        if (monitoring != null) {
            List<MonitoringRecord> records = PlanStagePayloads.toRecords(
                    in.read(EntryNames.MONITORING, Payloads.MonitoringPayload.class), unit, year, nodeIds);
            plan.write(() -> in.ws().planStage().monitoring().replace(unit, year, records));
        }
    }
}
