package org.perfdesk.report.xlsx;

import java.util.List;

import org.perfdesk.domain.Texts;

/**
 * Why a row of a public-appraisal sheet refuses the import: where (the row number Excel shows, the
 * column's header) and what (a reason whose text is "appraisal.import.problem." + its name).
 */
public record AppraisalProblem(int row, String column, Reason reason, List<Object> args) {
    public enum Reason {
        NO_HEADER, MISSING_COLUMN, DUPLICATE_COLUMN, UNKNOWN_LEVEL_COLUMN, MISSING_UNIT, UNKNOWN_UNIT,
        NAME_MISMATCH, AMBIGUOUS_NAME, MISSING, NOT_A_WHOLE_NUMBER, NEGATIVE, TOO_LARGE, BAD_ROUND, ZERO_SAMPLE,
        COUNTS_DO_NOT_ADD_UP, DUPLICATE_ROUND;

        public String key() {
            return "appraisal.import.problem." + name();
        }
    }

    public AppraisalProblem {
        args = List.copyOf(args);
    }

    static AppraisalProblem of(int row, String column, Reason reason, Object... args) {
        return new AppraisalProblem(row, column, reason, List.of(args));
    }

    /** 第 N 行「列名」：原因 / row N, column "…": reason. */
    public String describe(Texts texts) {
        return texts.get("xlsx.problem.at", String.valueOf(row), column, texts.get(reason.key(), args.toArray()));
    }
}
