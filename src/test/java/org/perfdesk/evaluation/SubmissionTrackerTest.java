package org.perfdesk.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.evaluation.SubmissionTracker.Expected;
import org.perfdesk.evaluation.SubmissionTracker.State;
import org.perfdesk.store.Workspace;

/** Where each expected package stands, worked by hand against the calendar. */
class SubmissionTrackerTest {
    private static final LocalDate DUE = LocalDate.of(2008, 7, 15);

    @Test
    void onTimeLateMissingNotDueReturnedAndNotExpected() {
        assertThat(SubmissionTracker.cell(Expected.PLAN, DUE, LocalDate.of(2008, 7, 15), false, DUE.plusDays(90)))
                .extracting(SubmissionTracker.Cell::state, SubmissionTracker.Cell::days).containsExactly(State.ON_TIME, 0L);
        // 15 July to 2 August: 18 days late.
        assertThat(SubmissionTracker.cell(Expected.PLAN, DUE, LocalDate.of(2008, 8, 2), false, DUE.plusDays(90)))
                .extracting(SubmissionTracker.Cell::state, SubmissionTracker.Cell::days).containsExactly(State.LATE, 18L);
        // Nothing by 25 July: 10 days overdue; nothing on 14 July: not due yet.
        assertThat(SubmissionTracker.cell(Expected.PLAN, DUE, null, false, LocalDate.of(2008, 7, 25)))
                .extracting(SubmissionTracker.Cell::state, SubmissionTracker.Cell::days).containsExactly(State.MISSING, 10L);
        assertThat(SubmissionTracker.cell(Expected.PLAN, DUE, null, false, LocalDate.of(2008, 7, 14)).state())
                .isEqualTo(State.NOT_DUE);
        assertThat(SubmissionTracker.cell(Expected.PLAN, DUE, LocalDate.of(2008, 7, 1), true, DUE).state())
                .isEqualTo(State.RETURNED);
        assertThat(SubmissionTracker.cell(Expected.RECTIFICATION, null, null, false, DUE).state())
                .isEqualTo(State.NOT_EXPECTED);
    }

    @Test
    void theDemoOfficeHasEveryUnitsPlanHalfYearReportAndAnnualSummary(@TempDir Path demo, @TempDir Path copy)
            throws Exception {
        try (Workspace office = Workspace.open(DemoOffice.importedCopy(demo, copy))) {
            LocalDate today = LocalDate.of(2008, 9, 1);
            List<SubmissionTracker.Line> lines = SubmissionTracker.of(office, 2008, today);
            assertThat(lines).hasSize(7);
            // The demo's packages are imported today (long after 2008): received, and late by the days since.
            LocalDate imported = LocalDate.now();
            long days = java.time.temporal.ChronoUnit.DAYS.between(DUE, imported);
            assertThat(lines).allSatisfy(l -> {
                assertThat(l.cell(Expected.PLAN).state()).isEqualTo(State.LATE);
                assertThat(l.cell(Expected.PLAN).days()).isEqualTo(days);
                assertThat(l.cell(Expected.MIDYEAR).state()).isEqualTo(State.LATE);
                assertThat(l.cell(Expected.ANNUAL).state()).isEqualTo(State.LATE);
                assertThat(l.cell(Expected.ANNUAL).due()).isEqualTo(LocalDate.of(2009, 1, 10));
                assertThat(l.cell(Expected.RECTIFICATION).state()).isEqualTo(State.NOT_EXPECTED);
            });
        }
    }
}
