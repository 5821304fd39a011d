package org.perfdesk.exchange.intake;

import java.util.Set;

import org.perfdesk.domain.IndicatorSystem;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.exchange.snapshot.PlanStagePayloads;

/**
 * The office's indicator system (指标体系) for the unit's group and year: kept at the unit, replacing the
 * one before, so its goal tree can link each indicator to a code and the window can offer the missing ones.
 */
public final class IndicatorSystemHandler implements PackageHandler {
    @Override
    public Set<PackageKind> kinds() {
        return Set.of(PackageKind.INDICATORS);
    }

    @Override
    public Plan plan(Incoming in) {
        int year = in.manifest().year();
        Payloads.IndicatorSystemPayload p = in.read(EntryNames.INDICATOR_SYSTEM, Payloads.IndicatorSystemPayload.class);
        IndicatorSystem system = PlanStagePayloads.toSystem(p, year);
        long linked = system.coverage(in.ws().goals().findAll(in.ws().self().code(), year)).linkedLeaves(system);
        return new Plan().summary(Texts.t("import.indicatorSystem", String.valueOf(year),
                        Texts.current().of(system.group()), system.indicators().size(), system.leaves().size(), linked))
                .write(() -> in.ws().planStage().systems().save(system, in.manifest().packageId()));
    }
}
