package org.perfdesk.report.xlsx;

import java.util.List;

import org.perfdesk.domain.Texts;

/**
 * Why a row of a 指标考核数据表 refuses the import: where (the row number Excel shows, the column's
 * header) and what (a reason whose text is "figures.import.problem." + its name).
 */
public record FiguresProblem(int row, String column, Reason reason, List<Object> args) {
    public enum Reason {
        NO_HEADER, MISSING_COLUMN, DUPLICATE_COLUMN, MISSING_UNIT, UNKNOWN_UNIT, NAME_MISMATCH, AMBIGUOUS_NAME,
        MISSING_INDICATOR, UNKNOWN_INDICATOR, INDICATOR_MISMATCH, AMBIGUOUS_INDICATOR, NOT_A_NUMBER, UNKNOWN_LEVEL,
        BAD_DATE, MISSING_SOURCE, MISSING_NOTE, DUPLICATE_INDICATOR;

        public String key() {
            return "figures.import.problem." + name();
        }
    }

    public FiguresProblem {
        args = List.copyOf(args);
    }

    static FiguresProblem of(int row, String column, Reason reason, Object... args) {
        return new FiguresProblem(row, column, reason, List.of(args));
    }

    /** 第 N 行「列名」：原因 / row N, column "…": reason. */
    public String describe(Texts texts) {
        return texts.get("xlsx.problem.at", String.valueOf(row), column, texts.get(reason.key(), args.toArray()));
    }
}
