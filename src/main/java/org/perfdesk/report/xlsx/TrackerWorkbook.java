package org.perfdesk.report.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.evaluation.SubmissionTracker;
import org.perfdesk.store.SafeFiles;

/**
 * 报送情况 as a sheet to print or circulate: a row per unit, a column per expected package, each cell
 * saying on time (with the date), late by so many days, missing, returned or not due; late and missing
 * cells shaded so they stand out on paper too.
 */
public final class TrackerWorkbook {
    private TrackerWorkbook() {
    }

    public static void write(List<SubmissionTracker.Line> lines, int year, Texts t, Path out) {
        try {
            SafeFiles.writeAtomically(out, toBytes(lines, year, t));
        } catch (IOException e) {
            throw new UserError(e, "xlsx.error.cannotWrite", out.toString(), String.valueOf(e.getMessage()));
        }
    }

    static byte[] toBytes(List<SubmissionTracker.Line> lines, int year, Texts t) {
        XSSFWorkbook wb = new XSSFWorkbook();
        try {
            SheetStyles styles = new SheetStyles(wb);
            CellStyle plain = styles.cell(Column.Type.TEXT, false);
            CellStyle centred = styles.cell(Column.Type.CENTERED, false);
            CellStyle flagged = wb.createCellStyle();
            flagged.cloneStyleFrom(centred);
            flagged.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            flagged.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            List<String> headers = new ArrayList<>(List.of(t.get("tracker.col.unit"), t.get("tracker.col.group")));
            for (SubmissionTracker.Expected e : SubmissionTracker.Expected.values()) {
                headers.add(t.get("tracker.expected." + e.name()));
            }
            TitledTable table = new TitledTable(wb, styles, t.get("tracker.sheet"),
                    t.get("tracker.title", String.valueOf(year)), headers, new int[] {28, 12, 20, 20, 20, 20},
                    List.of(t.get("tracker.note")));
            for (SubmissionTracker.Line l : lines) {
                Row row = table.next();
                TitledTable.text(row, 0, l.unit().name(), plain);
                TitledTable.text(row, 1, l.unit().group() == null ? "" : t.of(l.unit().group()), centred);
                int col = 2;
                for (SubmissionTracker.Cell c : l.cells()) {
                    boolean bad = c.state() == SubmissionTracker.State.LATE
                            || c.state() == SubmissionTracker.State.MISSING
                            || c.state() == SubmissionTracker.State.RETURNED;
                    TitledTable.text(row, col++, describe(c, t), bad ? flagged : centred);
                }
            }
            table.finish(1, t.get("results.workbook.footer"));
        } catch (RuntimeException e) {
            NewWorkbooks.discard(wb);
            throw e;
        }
        return NewWorkbooks.bytesAndDiscard(wb);
    }

    /** Beyond a year overdue, the due date is said instead of the days. */
    static final int LONG_AGO_DAYS = 366;

    /**
     * "7-10 按时", "逾期 18 天", "未报（逾期 10 天）", "退回待重报", "未到期（7-15）", "—". A package
     * missing for more than a year (a past year's workspace) says its due date: thousands of days
     * tell nobody anything.
     */
    public static String describe(SubmissionTracker.Cell c, Texts t) {
        String due = c.due() == null ? "" : c.due().toString();
        String received = c.received() == null ? "" : c.received().toString();
        return switch (c.state()) {
            case ON_TIME -> t.get("tracker.state.ON_TIME", received);
            case LATE -> t.get("tracker.state.LATE", received, String.valueOf(c.days()));
            case MISSING -> c.days() > LONG_AGO_DAYS ? t.get("tracker.state.MISSING_LONG", due)
                    : t.get("tracker.state.MISSING", String.valueOf(c.days()));
            case RETURNED -> t.get("tracker.state.RETURNED");
            case NOT_DUE -> t.get("tracker.state.NOT_DUE", due);
            case NOT_EXPECTED -> "—";
        };
    }
}
