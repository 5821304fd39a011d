package org.perfdesk.report.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.evaluation.AuditSentences;
import org.perfdesk.store.AuditLog;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * 审计日志 as a sheet to print and sign: one row per entry, oldest first, as the window says it (time,
 * who, kind, the sentence with its reason), and above the table the unit, the time of export and the
 * result of the check with the last entry's check code, so the paper can be compared with the
 * workspace later.
 */
public final class AuditWorkbook {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AuditWorkbook() {
    }

    /** Checks the log, then writes it; returns the check's result. */
    public static AuditLog.Check write(Workspace ws, Texts t, Path out) {
        AuditLog.Check check = ws.audit().verify();
        List<AuditLog.Entry> entries = ws.audit().all();
        AuditSentences words = new AuditSentences(ws);
        try {
            SafeFiles.writeAtomically(out, toBytes(ws.self().name(), entries, words, check, t));
        } catch (IOException e) {
            throw new UserError(e, "xlsx.error.cannotWrite", out.toString(), String.valueOf(e.getMessage()));
        }
        return check;
    }

    static byte[] toBytes(String unit, List<AuditLog.Entry> entries, AuditSentences words, AuditLog.Check check,
                          Texts t) {
        XSSFWorkbook wb = new XSSFWorkbook();
        try {
            SheetStyles styles = new SheetStyles(wb);
            CellStyle plain = styles.cell(Column.Type.TEXT, false);
            CellStyle centred = styles.cell(Column.Type.CENTERED, false);
            TitledTable table = new TitledTable(wb, styles, t.get("nav.audit"), t.get("audit.workbook.title", unit),
                    List.of(t.get("audit.col.seq"), t.get("audit.col.at"), t.get("audit.col.actor"),
                            t.get("audit.col.action"), t.get("audit.col.sentence")),
                    new int[] {6, 17, 14, 12, 78},
                    List.of(t.get("audit.workbook.exported", LocalDateTime.now().format(MINUTE)),
                            AuditSentences.verdict(check)));
            for (AuditLog.Entry e : entries) {
                Row row = table.next();
                TitledTable.text(row, 0, String.valueOf(e.seq()), centred);
                TitledTable.text(row, 1, AuditSentences.localTime(e.at()), centred);
                TitledTable.text(row, 2, words.who(e), plain);
                TitledTable.text(row, 3, AuditSentences.kind(e), centred);
                TitledTable.text(row, 4, words.sentence(e), plain);
            }
            table.finish(1, t.get("results.workbook.footer"));
        } catch (RuntimeException e) {
            NewWorkbooks.discard(wb);
            throw e;
        }
        return NewWorkbooks.bytesAndDiscard(wb);
    }
}
