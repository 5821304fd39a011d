package org.perfdesk.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A record of inspection verification (察访核验): an open or unannounced visit (明查 / 暗访), what was
 * found, the points it costs the unit, and the evidence file (by its SHA-256 in the workspace).
 */
public record Inspection(String id, String unitCode, int year, LocalDate date, Kind kind, String finding,
                         BigDecimal deduction, String evidenceSha256) {
    public enum Kind {
        OPEN, UNANNOUNCED
    }
}
