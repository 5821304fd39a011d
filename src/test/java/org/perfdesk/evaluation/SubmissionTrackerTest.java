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
    void lateAndOnTimeCountFromTheDateTheUnitSignedNotFromTheImport(@TempDir Path demo, @TempDir Path copy)
            throws Exception {
        try (Workspace office = Workspace.open(DemoOffice.importedCopy(demo, copy))) {
            LocalDate today = LocalDate.of(2009, 3, 1);
            List<SubmissionTracker.Line> lines = SubmissionTracker.of(office, 2008, today);
            assertThat(lines).hasSize(7);
            // The demo's packages were imported today, years after 2008; their manifests are signed with
            // the days the demo data gives: 南平 on 18 July and 地税局 on 21 July (3 and 6 days after
            // the 15 July deadline), 农业厅 on the deadline itself, the others before it.
            java.util.Map<String, SubmissionTracker.Cell> plan = new java.util.HashMap<>();
            lines.forEach(l -> plan.put(l.unit().code(), l.cell(Expected.PLAN)));
            assertThat(plan.get("NP")).extracting(SubmissionTracker.Cell::state, SubmissionTracker.Cell::days,
                    SubmissionTracker.Cell::received).containsExactly(State.LATE, 3L, LocalDate.of(2008, 7, 18));
            assertThat(plan.get("DSJ")).extracting(SubmissionTracker.Cell::state, SubmissionTracker.Cell::days)
                    .containsExactly(State.LATE, 6L);
            assertThat(plan.get("NYT")).extracting(SubmissionTracker.Cell::state, SubmissionTracker.Cell::received)
                    .containsExactly(State.ON_TIME, LocalDate.of(2008, 7, 15));
            for (String onTime : List.of("XM", "SLT", "LYT", "WJJ")) {
                assertThat(plan.get(onTime).state()).as(onTime).isEqualTo(State.ON_TIME);
            }
            // The half-year report by the end of August: 物价局 on 3 September; the annual summary by 10
            // January: 地税局 on the 12th. Every other report came in time.
            for (SubmissionTracker.Line l : lines) {
                String code = l.unit().code();
                assertThat(l.cell(Expected.MIDYEAR)).as(code + " half-year").extracting(SubmissionTracker.Cell::state,
                        SubmissionTracker.Cell::days).containsExactly(code.equals("WJJ") ? State.LATE : State.ON_TIME,
                        code.equals("WJJ") ? 3L : 0L);
                assertThat(l.cell(Expected.ANNUAL)).as(code + " annual").extracting(SubmissionTracker.Cell::state,
                        SubmissionTracker.Cell::days).containsExactly(code.equals("DSJ") ? State.LATE : State.ON_TIME,
                        code.equals("DSJ") ? 2L : 0L);
            }
            assertThat(lines).allSatisfy(l -> {
                assertThat(l.cell(Expected.MIDYEAR).state()).isIn(State.ON_TIME, State.LATE);
                assertThat(l.cell(Expected.ANNUAL).state()).isIn(State.ON_TIME, State.LATE);
                assertThat(l.cell(Expected.ANNUAL).due()).isEqualTo(LocalDate.of(2009, 1, 10));
                assertThat(l.cell(Expected.RECTIFICATION).state()).isEqualTo(State.NOT_EXPECTED);
            });
        }
    }

    @Test
    void aPackageDatedAfterItsImportCountsFromTheImport() {
        java.time.Instant imported = java.time.Instant.parse("2008-07-14T08:00:00Z");
        java.time.Instant claimed = java.time.Instant.parse("2008-07-20T08:00:00Z");
        java.time.Instant signed = java.time.Instant.parse("2008-07-10T08:00:00Z");
        // A unit PC whose clock runs ahead cannot make a package late that the office already holds.
        assertThat(SubmissionTracker.sent(record(claimed, imported))).isEqualTo(imported);
        assertThat(SubmissionTracker.sent(record(signed, imported))).isEqualTo(signed);
    }

    private static org.perfdesk.domain.PackageRecord record(java.time.Instant created, java.time.Instant processed) {
        return new org.perfdesk.domain.PackageRecord("id", org.perfdesk.domain.PackageRecord.Direction.IN, "PLAN",
                "XM", "key", "XNB", 2008, 1, null, "hash", "f.perfpkg", 1, created, processed, null, null, null, "manifest");
    }

    @Test
    void aPackageMissingForYearsSaysItsDueDateNotThousandsOfDays() {
        org.perfdesk.domain.Texts zh = org.perfdesk.domain.Texts.of(org.perfdesk.domain.Texts.CHINESE);
        LocalDate due = LocalDate.of(2008, 8, 31);
        assertThat(org.perfdesk.report.xlsx.TrackerWorkbook.describe(
                SubmissionTracker.cell(Expected.MIDYEAR, due, null, false, LocalDate.of(2026, 12, 7)), zh))
                .isEqualTo("未报（截止 2008-08-31）");
        assertThat(org.perfdesk.report.xlsx.TrackerWorkbook.describe(
                SubmissionTracker.cell(Expected.MIDYEAR, due, null, false, LocalDate.of(2008, 9, 10)), zh))
                .isEqualTo("未报（逾期 10 天）");
    }
}
