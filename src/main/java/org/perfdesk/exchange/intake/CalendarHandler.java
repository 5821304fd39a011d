package org.perfdesk.exchange.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perfdesk.domain.OfficeCalendar;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.YearCalendar;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.exchange.snapshot.PlanStagePayloads;

/**
 * The office's calendar (工作步骤) for the year: it replaces the dates the unit had, and the report names
 * every date that changed, so a unit learns a moved deadline from the package that moved it.
 */
public final class CalendarHandler implements PackageHandler {
    @Override
    public Set<PackageKind> kinds() {
        return Set.of(PackageKind.CALENDAR);
    }

    @Override
    public Plan plan(Incoming in) {
        int year = in.manifest().year();
        Payloads.CalendarPayload p = in.read(EntryNames.CALENDAR, Payloads.CalendarPayload.class);
        OfficeCalendar calendar = PlanStagePayloads.toCalendar(p, in.ws().self().code(), year,
                in.manifest().packageId());
        Map<String, YearCalendar.Deadline> before = new HashMap<>();
        in.ws().calendar().find(year).forEach(d -> before.put(d.key(), d));
        List<String> changed = new ArrayList<>();
        for (YearCalendar.Deadline d : calendar.steps()) {
            YearCalendar.Deadline was = before.get(d.key());
            if (was != null && (!was.date().equals(d.date()) || !java.util.Objects.equals(was.from(), d.from()))) {
                changed.add(Texts.t("import.calendar.change", d.label(year), YearCalendar.when(was, year)));
            }
        }
        String summary = Texts.t("import.calendar", String.valueOf(year), calendar.steps().size())
                + (changed.isEmpty() ? Texts.t("import.calendar.unchanged")
                : Texts.t("import.calendar.changes", String.join(Texts.t("import.calendar.separator"), changed)))
                + (calendar.pilot() ? Texts.t("import.calendar.pilot", String.valueOf(year)) : "");
        return new Plan().summary(summary).write(() -> in.ws().calendar().saveOfficeCalendar(calendar));
    }
}
