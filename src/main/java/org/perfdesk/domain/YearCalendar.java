package org.perfdesk.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The year's steps (工作步骤) with their dates. The defaults are the 2008 plan's, computed for each year
 * (the end of February is the 29th in a leap year); every year and province may set its own, and the
 * office's calendar travels to its units. Labels are made from the dates ({@link #when}), never written
 * into the texts, so a changed date never sits beside an old one.
 */
public final class YearCalendar {
    /** The unit's plan and work plan (方案), due by 15 July. */
    public static final String PLAN = "plan";
    public static final String MIDYEAR = "midyear";
    public static final String ANNUAL = "annual";

    /**
     * One step; {@code key} names its text under "calendar.&lt;key&gt;".
     *
     * @param from the first day of a step that spans a time (the July appraisal round), else null
     * @param date the day it is due, or its last day
     */
    public record Deadline(String key, LocalDate from, LocalDate date, Role who) {
        public Deadline {
            from = from != null && date != null && from.isAfter(date) ? null : from;
        }

        public Deadline(String key, LocalDate date, Role who) {
            this(key, null, date, who);
        }

        public Deadline withDates(LocalDate newFrom, LocalDate newDate) {
            return new Deadline(key, newFrom, newDate, who);
        }

        /** "报送年度绩效工作方案和工作计划（7 月 15 日前）" in the interface language. */
        public String label(int year) {
            String what = Texts.current().has("calendar." + key) ? Texts.t("calendar." + key) : key;
            return Texts.t("calendar.label", what, when(this, year));
        }
    }

    private YearCalendar() {
    }

    /** The plan's steps for a year, in date order. */
    public static List<Deadline> defaults(int year) {
        int next = year + 1;
        return List.of(
                new Deadline(PLAN, LocalDate.of(year, 7, 15), Role.UNIT),
                new Deadline("appraisal1Survey", LocalDate.of(year, 7, 1), YearMonth.of(year, 7).atEndOfMonth(),
                        Role.OFFICE),
                new Deadline("appraisal1", YearMonth.of(year, 8).atEndOfMonth(), Role.OFFICE),
                new Deadline(MIDYEAR, YearMonth.of(year, 8).atEndOfMonth(), Role.UNIT),
                new Deadline("appraisal2Survey", LocalDate.of(year, 11, 1), YearMonth.of(year, 11).atEndOfMonth(),
                        Role.OFFICE),
                new Deadline("appraisal2", YearMonth.of(year, 12).atEndOfMonth(), Role.OFFICE),
                new Deadline(ANNUAL, LocalDate.of(next, 1, 10), Role.UNIT),
                new Deadline("spotCheck", YearMonth.of(next, 1).atEndOfMonth(), Role.OFFICE),
                new Deadline("cityEvaluation", LocalDate.of(next, 1, 1), YearMonth.of(next, 2).atEndOfMonth(),
                        Role.OFFICE),
                new Deadline("feedback", LocalDate.of(next, 3, 1), YearMonth.of(next, 4).atEndOfMonth(), Role.OFFICE));
    }

    /** The default of one step, if the plan has it. */
    public static Optional<Deadline> defaultOf(String key, int year) {
        return defaults(year).stream().filter(d -> d.key().equals(key)).findFirst();
    }

    public static List<Deadline> sorted(List<Deadline> steps) {
        return steps.stream().sorted(Comparator.comparing(Deadline::date).thenComparing(d -> d.from() == null
                ? d.date() : d.from())).toList();
    }

    /**
     * The next step of {@code who} that is not over on {@code today} (its last day today or later); steps
     * of both roles when {@code who} is null.
     */
    public static Optional<Deadline> next(List<Deadline> steps, Role who, LocalDate today) {
        return sorted(steps).stream().filter(d -> (who == null || d.who() == who) && !d.date().isBefore(today))
                .findFirst();
    }

    /**
     * When a step is, in words made from its dates: "7 月 15 日前", "8 月底前", "翌年 1 月 10 日前", "7 月",
     * "翌年 3–4 月", "9 月 1 日至 9 月 20 日" ("by 15 July", "by the end of August", "in July", …).
     *
     * @param year the performance year: a date in the year after it reads "翌年 …"
     */
    public static String when(Deadline d, int year) {
        LocalDate to = d.date();
        LocalDate from = d.from();
        if (from == null) {
            return Texts.t(to.equals(YearMonth.from(to).atEndOfMonth()) ? "calendar.when.monthEnd"
                    : "calendar.when.before", prefix(to, year), to.getMonthValue(), to.getDayOfMonth());
        }
        boolean wholeMonths = from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth())
                && from.getYear() == to.getYear();
        if (wholeMonths && from.getMonthValue() == to.getMonthValue()) {
            return Texts.t("calendar.when.month", prefix(to, year), to.getMonthValue());
        }
        if (wholeMonths) {
            return Texts.t("calendar.when.months", prefix(to, year), from.getMonthValue(), to.getMonthValue());
        }
        return Texts.t("calendar.when.range", prefix(from, year), from.getMonthValue(), from.getDayOfMonth(),
                prefix(to, year), to.getMonthValue(), to.getDayOfMonth());
    }

    private static String prefix(LocalDate date, int year) {
        if (date.getYear() == year) {
            return "";
        }
        return date.getYear() == year + 1 ? Texts.t("calendar.when.nextYear")
                : Texts.t("calendar.when.inYear", String.valueOf(date.getYear()));
    }

    /**
     * A date the office set, moved into another year (the calendar copied to the next year): the same
     * month and day, and the end of a month stays the end of its month (28 February → 29 February).
     */
    public static LocalDate moved(LocalDate date, int years) {
        LocalDate shifted = date.plusYears(years);
        if (date.equals(YearMonth.from(date).atEndOfMonth())) {
            return YearMonth.from(shifted).atEndOfMonth();
        }
        return MonthDay.from(date).atYear(shifted.getYear());
    }
}
