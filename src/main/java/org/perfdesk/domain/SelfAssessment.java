package org.perfdesk.domain;

import java.math.BigDecimal;

/**
 * The unit's own assessment of one indicator at year end: a score (quantitative and milestone)
 * or a level (qualitative), and the reasons. Evidence files are attached separately.
 */
public record SelfAssessment(String nodeId, BigDecimal score, String level, String narrative) {
}
