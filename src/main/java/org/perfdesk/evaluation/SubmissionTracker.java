package org.perfdesk.evaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.YearCalendar;
import org.perfdesk.store.Workspace;

/**
 * 报送情况: for each unit, the packages the year expects (plan, half-year report, annual summary, and
 * a rectification plan once the office sent feedback) and where each stands. A package counts as
 * sent on the day its manifest says it was made (signed by the unit, so nobody can change it on the
 * way), not the day the office happened to import it from the stick; a date after the import (a unit
 * PC's clock running ahead) counts as the import day. Due dates come from the year's calendar, and a
 * rectification plan is due as many days after the feedback was written as the year's scheme gives
 * (30 by default, {@link org.perfdesk.domain.EvaluationScheme#rectificationDays()}).
 */
public final class SubmissionTracker {

    /** What a unit owes in the year, with the calendar entry that dates it (null for rectification). */
    public enum Expected {
        PLAN("PLAN", "plan"),
        MIDYEAR("MIDYEAR", "midyear"),
        ANNUAL("ANNUAL", "annual"),
        RECTIFICATION("RECTIFICATION", null);

        /** The package kind as the package log records it (evaluation does not depend on exchange). */
        final String kind;
        final String calendarKey;

        Expected(String kind, String calendarKey) {
            this.kind = kind;
            this.calendarKey = calendarKey;
        }
    }

    public enum State {
        /** Received by the due date. */
        ON_TIME,
        /** Received after the due date. */
        LATE,
        /** The plan came back from review and a new one has not arrived yet. */
        RETURNED,
        /** Not received, not due yet. */
        NOT_DUE,
        /** Not received and past the due date. */
        MISSING,
        /** Nothing is owed (no feedback was sent, so no rectification plan). */
        NOT_EXPECTED
    }

    /**
     * @param received the day the package was sent (its signed creation date)
     * @param days     how late it came (LATE) or has been missing (MISSING); 0 otherwise
     */
    public record Cell(Expected what, State state, LocalDate due, LocalDate received, long days) {
    }

    public record Line(OrgUnit unit, List<Cell> cells) {
        public Cell cell(Expected what) {
            return cells.stream().filter(c -> c.what() == what).findFirst().orElseThrow();
        }
    }

    private SubmissionTracker() {
    }

    /** One cell: where a package stands on {@code today}, from its due date and first receipt. */
    public static Cell cell(Expected what, LocalDate due, LocalDate received, boolean returned, LocalDate today) {
        if (due == null) {
            return new Cell(what, State.NOT_EXPECTED, null, null, 0);
        }
        if (returned) {
            return new Cell(what, State.RETURNED, due, received, 0);
        }
        if (received != null) {
            long late = ChronoUnit.DAYS.between(due, received);
            return late > 0 ? new Cell(what, State.LATE, due, received, late)
                    : new Cell(what, State.ON_TIME, due, received, 0);
        }
        long overdue = ChronoUnit.DAYS.between(due, today);
        return overdue > 0 ? new Cell(what, State.MISSING, due, null, overdue)
                : new Cell(what, State.NOT_DUE, due, null, 0);
    }

    /** The year's matrix for the units the office evaluates. */
    public static List<Line> of(Workspace ws, int year, LocalDate today) {
        Map<String, LocalDate> calendar = ws.calendar().find(year).stream()
                .collect(Collectors.toMap(YearCalendar.Deadline::key, YearCalendar.Deadline::date, (a, b) -> a));
        List<PackageRecord> outgoing = ws.packages().findOutgoing();
        int rectificationDays = new Evaluator(ws).schemeToRead(year).rectificationDays();
        List<Line> lines = new ArrayList<>();
        for (OrgUnit u : new Evaluator(ws).units(year)) {
            List<PackageRecord> in = ws.packages().findIncoming(u.code()).stream().filter(p -> p.year() == year)
                    .sorted(Comparator.comparing(SubmissionTracker::sent)).toList();
            Optional<PlanReview> review = ws.reviews().latest(u.code(), year);
            List<Cell> cells = new ArrayList<>();
            for (Expected what : Expected.values()) {
                List<PackageRecord> received = in.stream().filter(p -> p.kind().equals(what.kind)).toList();
                LocalDate first = received.isEmpty() ? null : day(received.get(0));
                LocalDate due = what.calendarKey != null ? calendar.get(what.calendarKey)
                        : outgoing.stream().filter(p -> p.year() == year && u.code().equals(p.recipientCode())
                                && p.kind().equals("FEEDBACK"))
                        .map(p -> day(p).plusDays(rectificationDays)).min(Comparator.naturalOrder()).orElse(null);
                boolean returned = what == Expected.PLAN && review.isPresent()
                        && review.get().decision() == PlanReview.Decision.RETURNED
                        && !received.isEmpty() && review.get().planPackageId()
                        .equals(received.get(received.size() - 1).packageId());
                cells.add(cell(what, due, first, returned, today));
            }
            lines.add(new Line(u, cells));
        }
        return lines;
    }

    private static LocalDate day(PackageRecord p) {
        return sent(p).atZone(ZoneId.systemDefault()).toLocalDate();
    }

    /** When the package was made, as its signed manifest says; never after it reached this workspace. */
    static java.time.Instant sent(PackageRecord p) {
        if (p.createdAt() == null) {
            return p.processedAt();
        }
        return p.processedAt() != null && p.processedAt().isBefore(p.createdAt()) ? p.processedAt() : p.createdAt();
    }
}
