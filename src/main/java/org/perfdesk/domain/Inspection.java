package org.perfdesk.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A record of inspection verification (察访核验): an open or unannounced visit (明查 / 暗访), or the
 * office's supervision (督查) or special inspection (专项检查) of a unit's goals; what was found, the points
 * it costs the unit (none for 督查 and 专项检查 unless the office chooses to deduct), and the evidence file
 * (by its SHA-256 in the workspace).
 */
public record Inspection(String id, String unitCode, int year, LocalDate date, Kind kind, String finding,
                         BigDecimal deduction, String evidenceSha256) {
    public enum Kind {
        OPEN, UNANNOUNCED, SUPERVISION, SPECIAL_CHECK;

        /** 督查 and 专项检查 follow up the goals: they cost nothing unless the office sets a deduction. */
        public boolean deductsByDefault() {
            return this == OPEN || this == UNANNOUNCED;
        }
    }
}
