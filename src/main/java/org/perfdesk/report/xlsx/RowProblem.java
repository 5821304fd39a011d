package org.perfdesk.report.xlsx;

import java.util.List;

import org.perfdesk.domain.Texts;

/**
 * Why a row of the sheet refuses the import: where (row number as Excel shows it, column header)
 * and what (a reason whose text is "xlsx.problem." + its name, with arguments).
 */
public record RowProblem(int row, String column, Reason reason, List<Object> args) {
    public enum Reason {
        NO_HEADER, MISSING_COLUMN, DUPLICATE_COLUMN, MISSING_CODE, BAD_CODE, DUPLICATE_CODE, MISSING_PARENT,
        MISSING_TITLE, TWO_TITLES, TITLE_IN_WRONG_COLUMN, BAD_CHOICE, NOT_A_NUMBER, NUMBER_OUT_OF_RANGE,
        NEGATIVE, BAD_DATE, METHOD_MISSING, NOT_FOR_METHOD, TARGET_LEVEL_NOT_LISTED, MISSING_OWNER,
        UNKNOWN_OWNER, AMBIGUOUS_OWNER;

        public String key() {
            return "xlsx.problem." + name();
        }
    }

    public RowProblem {
        args = List.copyOf(args);
    }

    static RowProblem of(int row, Column column, Reason reason, Object... args) {
        return new RowProblem(row, column.header(), reason, List.of(args));
    }

    /** 第 N 行「列名」：原因 / row N, column "…": reason. */
    public String describe(Texts texts) {
        return texts.get("xlsx.problem.at", String.valueOf(row), column, texts.get(reason.key(), args.toArray()));
    }
}
