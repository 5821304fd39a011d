package org.perfdesk.domain;

import java.time.Instant;

/**
 * The office's explicit decision on a unit that has not sent its goal tree (未报送) or lacks material
 * the scheme requires (材料不全): rank it with what it has, or list it without a rank. Without a
 * decision such a unit is not ranked and the results cannot be frozen. Recorded in the audit log.
 */
public record StandingDecision(String unitCode, int year, Decision decision, String reason, Instant decidedAt) {
    public enum Decision {
        /** Ranked among the others with the material it has (missing figures earn nothing). */
        RANK,
        /** Listed as 未报送 / 材料不全, without a rank. */
        UNRANKED
    }
}
