package org.perfdesk.report.xlsx;

import java.util.List;

import org.perfdesk.domain.Texts;

/**
 * What an import read in a way worth knowing but that does not stop it: a date or target
 * interpreted, a relative weight converted, a footer or hidden row left out, an organisation to be
 * created. Where (sheet, row as Excel shows it, column header; 0 and "" for the file as a whole) and
 * what (a kind whose text is "xlsx.note." + its name, with arguments).
 */
public record RowNote(String sheet, int row, String column, Kind kind, List<Object> args) {
    public enum Kind {
        DATE_READ, DATES_SEVERAL, NO_DATE, TARGET_READ, TARGET_RANGE, TARGET_TEXT, UNIT_DIFFERS, WEIGHT_IN_NAME,
        WEIGHT_SHARES, WEIGHT_COLUMNS, OWNER_SPLIT, OWNER_NOT_NAME, OWNER_NEW, PERSON_NEW, HIDDEN_ROW, HIDDEN_SHEET,
        TOTAL_ROW, FOOTER_ROW, NOTES_ROW, REPEATED_HEADER, LEVEL_SKIPPED, CONTINUATION, NO_NAME_ROW, ORG_DIFFERS,
        MAPPING_REMEMBERED, SHEET_AS_GOAL, KEY_VALUE, KEY_VALUE_UNUSED;

        public String key() {
            return "xlsx.note." + name();
        }
    }

    public RowNote {
        sheet = sheet == null ? "" : sheet;
        column = column == null ? "" : column;
        args = List.copyOf(args);
    }

    static RowNote of(String sheet, int row, String column, Kind kind, Object... args) {
        return new RowNote(sheet, row, column, kind, List.of(args));
    }

    /** 「Sheet」第 N 行「列名」：… ; the sheet is named only when the workbook has several. */
    public String describe(Texts texts, boolean nameSheet) {
        String what = texts.get(kind.key(), args.toArray());
        String where = row == 0 ? "" : column.isEmpty() ? texts.get("xlsx.note.atRow", String.valueOf(row))
                : texts.get("xlsx.note.at", String.valueOf(row), column);
        String sheetPart = nameSheet && !sheet.isEmpty() ? texts.get("xlsx.note.sheet", sheet) : "";
        return sheetPart + where + what;
    }
}
