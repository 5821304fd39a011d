package org.perfdesk.exchange.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.perfdesk.domain.IndicatorSystem;
import org.perfdesk.domain.MonitoringRecord;
import org.perfdesk.domain.OfficeCalendar;
import org.perfdesk.domain.PlanDocument;
import org.perfdesk.domain.SafeText;
import org.perfdesk.domain.YearCalendar;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageException;

/**
 * Between the plan stage's records and the payloads that carry them (package-format.md, "The plan
 * stage"): the office's indicator system and calendar, the unit's plan document and monitoring records.
 * Reading checks what the JSON schema cannot; a payload that fails is {@code bad-snapshot}.
 */
public final class PlanStagePayloads {
    private static final Pattern STEP_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,39}");
    private static final Pattern SECTION_KEY = Pattern.compile("[a-z][A-Za-z0-9:_-]{0,59}");

    private PlanStagePayloads() {
    }

    // ---- indicator system --------------------------------------------------------------------

    public static Payloads.IndicatorSystemPayload toPayload(IndicatorSystem s, Instant issuedAt) {
        return new Payloads.IndicatorSystemPayload(Payloads.INDICATOR_SYSTEM_FORMAT, s.year(), s.group(),
                issuedAt.toString(), s.indicators().stream().map(i -> new Payloads.SystemIndicator(i.code(), i.name(),
                i.level(), i.parentCode(), i.weight(), i.direction(), i.unitOfMeasure(), i.dataSource(), i.note()))
                .toList());
    }

    public static IndicatorSystem toSystem(Payloads.IndicatorSystemPayload p, int year) {
        if (!Payloads.INDICATOR_SYSTEM_FORMAT.equals(p.format()) || p.year() != year || p.group() == null
                || p.indicators() == null || p.issuedAt() == null) {
            throw new PackageException("bad-snapshot", EntryNames.INDICATOR_SYSTEM);
        }
        List<IndicatorSystem.Item> items = new ArrayList<>();
        for (Payloads.SystemIndicator i : p.indicators()) {
            items.add(new IndicatorSystem.Item(i.code(), name(i.name(), EntryNames.INDICATOR_SYSTEM), i.level(),
                    i.parent(), i.weight(), i.direction(), i.unit(), i.source(), i.note()));
        }
        IndicatorSystem s = new IndicatorSystem(year, p.group(), items);
        if (!s.problems().isEmpty()) {
            throw new PackageException("bad-snapshot", EntryNames.INDICATOR_SYSTEM + ": " + s.problems().get(0).key());
        }
        return s;
    }

    // ---- calendar -------------------------------------------------------------------------------

    public static Payloads.CalendarPayload toPayload(String unitCode, int year, List<YearCalendar.Deadline> steps,
                                                     boolean pilot, int rectificationDays, Instant issuedAt) {
        return new Payloads.CalendarPayload(Payloads.CALENDAR_FORMAT, unitCode, year, issuedAt.toString(), pilot,
                rectificationDays, steps.stream().map(d -> new Payloads.CalendarStep(d.key(), d.from(), d.date(),
                d.who())).toList());
    }

    public static OfficeCalendar toCalendar(Payloads.CalendarPayload p, String unitCode, int year, String packageId) {
        if (!Payloads.CALENDAR_FORMAT.equals(p.format()) || !unitCode.equals(p.unitCode()) || p.year() != year
                || p.steps() == null || p.rectificationDays() < 0 || p.rectificationDays() > 365) {
            throw new PackageException("bad-snapshot", EntryNames.CALENDAR);
        }
        List<YearCalendar.Deadline> steps = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Payloads.CalendarStep s : p.steps()) {
            if (s.key() == null || !STEP_KEY.matcher(s.key()).matches() || !keys.add(s.key()) || s.date() == null
                    || s.who() == null || (s.from() != null && s.from().isAfter(s.date()))
                    || Math.abs(s.date().getYear() - year) > 2) {
                throw new PackageException("bad-snapshot", EntryNames.CALENDAR + ": " + s.key());
            }
            steps.add(new YearCalendar.Deadline(s.key(), s.from(), s.date(), s.who()));
        }
        try {
            return new OfficeCalendar(year, steps, p.pilot(), p.rectificationDays(), Instant.parse(p.issuedAt()),
                    packageId);
        } catch (RuntimeException e) {
            throw new PackageException(e, "bad-snapshot", EntryNames.CALENDAR);
        }
    }

    // ---- plan document --------------------------------------------------------------------------

    public static Payloads.PlanDocumentPayload toPayload(PlanDocument d) {
        return new Payloads.PlanDocumentPayload(Payloads.PLAN_DOCUMENT_FORMAT, d.unitCode(), d.year(),
                d.sections().stream().map(s -> new Payloads.PlanSectionItem(s.key(), s.position(), s.title(), s.body(),
                        s.measures().stream().map(m -> new Payloads.PlanMeasureItem(m.text(), m.owner(), m.due()))
                                .toList())).toList(),
                d.workPlan() == null ? null : new Payloads.WorkPlanItem(d.workPlan().sha256(), d.workPlan().fileName(),
                        d.workPlan().size()));
    }

    public static PlanDocument toPlanDocument(Payloads.PlanDocumentPayload p, String unitCode, int year) {
        String entry = EntryNames.PLAN_DOCUMENT;
        if (!Payloads.PLAN_DOCUMENT_FORMAT.equals(p.format()) || !unitCode.equals(p.unitCode()) || p.year() != year
                || p.sections() == null) {
            throw new PackageException("bad-snapshot", entry);
        }
        List<PlanDocument.Section> sections = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Payloads.PlanSectionItem s : p.sections()) {
            if (s.key() == null || !SECTION_KEY.matcher(s.key()).matches() || !keys.add(s.key()) || s.title() == null
                    || s.body() == null) {
                throw new PackageException("bad-snapshot", entry + ": " + s.key());
            }
            List<PlanDocument.Measure> measures = new ArrayList<>();
            for (Payloads.PlanMeasureItem m : s.measures() == null ? List.<Payloads.PlanMeasureItem>of() : s.measures()) {
                if (m.text() == null) {
                    throw new PackageException("bad-snapshot", entry + ": " + s.key());
                }
                measures.add(new PlanDocument.Measure(m.text(), m.owner(), m.due()));
            }
            sections.add(new PlanDocument.Section(s.key(), s.position(), s.title(), s.body(), measures));
        }
        PlanDocument.WorkPlanFile file = null;
        if (p.workPlan() != null) {
            Payloads.WorkPlanItem w = p.workPlan();
            if (w.sha256() == null || !w.sha256().matches("[0-9a-f]{64}") || w.fileName() == null || w.size() < 0) {
                throw new PackageException("bad-snapshot", entry + ": workPlan");
            }
            file = new PlanDocument.WorkPlanFile(w.sha256(), w.fileName(), w.size());
        }
        return new PlanDocument(unitCode, year, sections, file);
    }

    // ---- monitoring ----------------------------------------------------------------------------

    public static Payloads.MonitoringPayload toPayload(String unitCode, int year, List<MonitoringRecord> records) {
        return new Payloads.MonitoringPayload(Payloads.MONITORING_FORMAT, unitCode, year, records.stream()
                .map(r -> new Payloads.MonitoringItem(r.id(), r.kind(), r.quarter(), r.heldOn(), r.chairedBy(),
                        r.decisions(), r.nodeIds())).toList());
    }

    /** @param nodeIds the nodes of the snapshot beside it: a record names only those */
    public static List<MonitoringRecord> toRecords(Payloads.MonitoringPayload p, String unitCode, int year,
                                                   Set<String> nodeIds) {
        String entry = EntryNames.MONITORING;
        if (!Payloads.MONITORING_FORMAT.equals(p.format()) || !unitCode.equals(p.unitCode()) || p.year() != year
                || p.records() == null) {
            throw new PackageException("bad-snapshot", entry);
        }
        List<MonitoringRecord> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Payloads.MonitoringItem i : p.records()) {
            if (i.id() == null || !ids.add(i.id()) || i.id().length() > 64 || i.kind() == null) {
                throw new PackageException("bad-snapshot", entry + ": " + i.id());
            }
            MonitoringRecord r = new MonitoringRecord(i.id(), unitCode, year, i.kind(), i.quarter(), i.heldOn(),
                    i.chairedBy(), i.decisions(), i.nodeIds());
            if (r.problem() != null || !nodeIds.containsAll(r.nodeIds())) {
                throw new PackageException("bad-snapshot", entry + ": " + i.id());
            }
            out.add(r);
        }
        return out;
    }

    /** A name with a hidden character (which could make it read as another) is refused, not cleaned. */
    private static String name(String text, String entry) {
        if (text != null && SafeText.name(text) == null) {
            throw new PackageException("bad-snapshot", entry + ": " + SafeText.escaped(text));
        }
        return text;
    }
}
