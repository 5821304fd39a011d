package org.perfdesk.domain;

import java.time.Instant;
import java.util.List;

/**
 * The calendar the office sent a unit for a year, as the unit received it: every step with its dates,
 * whether the office marked the unit a pilot unit (联系点) for the year, and the days the scheme gives a
 * unit for its rectification plan after the feedback. It replaces the defaults at the unit.
 */
public record OfficeCalendar(int year, List<YearCalendar.Deadline> steps, boolean pilot, int rectificationDays,
                             Instant issuedAt, String packageId) {
    public OfficeCalendar {
        steps = List.copyOf(steps);
    }
}
