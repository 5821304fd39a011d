package org.perfdesk.domain;

import java.math.BigDecimal;

/**
 * Progress of one indicator in one quarter, with the "gap analysis" the plan asks for:
 * problems found, their causes, and the measures taken (问题、原因、措施).
 *
 * @param completionPercent share of the year's target reached so far, 0–100 (may exceed 100)
 */
public record Progress(
        String nodeId,
        int quarter,
        BigDecimal actualValue,
        BigDecimal completionPercent,
        ProgressStatus status,
        String narrative,
        String problems,
        String causes,
        String measures) {

    public Progress {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4, was " + quarter);
        }
    }
}
