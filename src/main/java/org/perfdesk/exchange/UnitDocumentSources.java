package org.perfdesk.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.perfdesk.domain.MonitoringRecord;
import org.perfdesk.domain.PlanDocument;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.exchange.snapshot.PlanStagePayloads;
import org.perfdesk.store.Workspace;

/**
 * What a unit's report package carries beside its snapshot when the unit has written any: the plan
 * document (方案) with its work plan's file, and the monitoring records. Left out when there is none, so a
 * unit that does not use them sends what it always sent.
 */
final class UnitDocumentSources {
    private UnitDocumentSources() {
    }

    /** @param attached hashes already travelling under attachments/ (evidence); the work plan's is added */
    static List<PackageWriter.Source> of(Workspace ws, String unit, int year, Set<String> attached) {
        List<PackageWriter.Source> out = new ArrayList<>();
        PlanDocument doc = ws.planStage().plans().find(unit, year);
        if (!doc.isEmpty()) {
            out.add(PackageWriter.Source.of(EntryNames.PLAN_DOCUMENT, StrictJson.write(PlanStagePayloads.toPayload(doc))));
            if (doc.workPlan() != null && attached.add(doc.workPlan().sha256())) {
                Path file = ws.evidence().file(doc.workPlan().sha256())
                        .orElseThrow(() -> new UserError("self.evidenceMissing", doc.workPlan().fileName()));
                out.add(PackageWriter.Source.of(EntryNames.attachment(doc.workPlan().sha256()), file));
            }
        }
        List<MonitoringRecord> records = ws.planStage().monitoring().findByUnit(unit, year);
        if (!records.isEmpty()) {
            out.add(PackageWriter.Source.of(EntryNames.MONITORING,
                    StrictJson.write(PlanStagePayloads.toPayload(unit, year, records))));
        }
        return out;
    }
}
