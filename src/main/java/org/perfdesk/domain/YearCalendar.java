package org.perfdesk.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The year's deadlines (工作步骤). The defaults are the 2008 plan's dates; every year and province
 * may set its own, so callers treat these as a starting point.
 */
public final class YearCalendar {
    /** One deadline; {@code key} names its text under "calendar.<key>". */
    public record Deadline(String key, LocalDate date, Role who) {
    }

    private YearCalendar() {
    }

    public static List<Deadline> defaults(int year) {
        return List.of(
                new Deadline("plan", LocalDate.of(year, 7, 15), Role.UNIT),
                new Deadline("appraisal1", LocalDate.of(year, 8, 31), Role.OFFICE),
                new Deadline("midyear", LocalDate.of(year, 8, 31), Role.UNIT),
                new Deadline("appraisal2", LocalDate.of(year, 12, 31), Role.OFFICE),
                new Deadline("annual", LocalDate.of(year + 1, 1, 10), Role.UNIT),
                new Deadline("spotCheck", LocalDate.of(year + 1, 1, 31), Role.OFFICE),
                new Deadline("cityEvaluation", LocalDate.of(year + 1, 2, 28), Role.OFFICE),
                new Deadline("feedback", LocalDate.of(year + 1, 4, 30), Role.OFFICE));
    }
}
