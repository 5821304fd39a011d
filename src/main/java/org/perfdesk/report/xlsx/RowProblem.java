package org.perfdesk.report.xlsx;

import java.util.List;

import org.perfdesk.domain.Texts;

/**
 * Why a row of the sheet refuses the import: where (row number as Excel shows it, column header)
 * and what (a reason whose text is "xlsx.problem." + its name, with arguments).
 */
public record RowProblem(int row, String column, Reason reason, List<Object> args, String sheet) {
    public enum Reason {
        NO_HEADER, MISSING_COLUMN, DUPLICATE_COLUMN, MISSING_CODE, BAD_CODE, DUPLICATE_CODE, MISSING_PARENT,
        MISSING_TITLE, TWO_TITLES, TITLE_IN_WRONG_COLUMN, BAD_CHOICE, NOT_A_NUMBER, NUMBER_OUT_OF_RANGE,
        NEGATIVE, BAD_DATE, METHOD_MISSING, NOT_FOR_METHOD, TARGET_LEVEL_NOT_LISTED,
        UNKNOWN_OWNER, AMBIGUOUS_OWNER,
        /** The organisation sheet (组织机构) and owners a workspace lacks. */
        ORG_MISSING_NAME, ORG_BAD_KIND, ORG_BAD_CODE, ORG_DUPLICATE_CODE, ORG_UNKNOWN_PARENT, ORG_CODE_TAKEN,
        ORG_BAD_PARENT, ORG_NOT_CREATED, NEW_OWNER_NOT_CREATED,
        /** A form of the office's own, read through a column mapping. */
        NO_TITLE_COLUMN, NO_DATA;

        public String key() {
            return "xlsx.problem." + name();
        }
    }

    public RowProblem {
        args = List.copyOf(args);
        sheet = sheet == null ? "" : sheet;
    }

    public RowProblem(int row, String column, Reason reason, List<Object> args) {
        this(row, column, reason, args, "");
    }

    static RowProblem of(int row, Column column, Reason reason, Object... args) {
        return new RowProblem(row, column.header(), reason, List.of(args));
    }

    static RowProblem at(String sheet, int row, String column, Reason reason, Object... args) {
        return new RowProblem(row, column, reason, List.of(args), sheet);
    }

    /** 第 N 行「列名」：原因 / row N, column "…": reason. */
    public String describe(Texts texts) {
        return describe(texts, false);
    }

    /** The same, led by 「工作表」 when the workbook has several sheets that could be meant. */
    public String describe(Texts texts, boolean nameSheet) {
        String what = texts.get(reason.key(), args.toArray());
        String text = column.isEmpty() ? texts.get("xlsx.note.atRow", String.valueOf(row)) + what
                : texts.get("xlsx.problem.at", String.valueOf(row), column, what);
        return nameSheet && !sheet.isEmpty() ? texts.get("xlsx.note.sheet", sheet) + text : text;
    }
}
