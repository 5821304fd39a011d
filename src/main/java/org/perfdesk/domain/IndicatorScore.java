package org.perfdesk.domain;

import java.math.BigDecimal;

/** The office's own score of one indicator (指标考核), replacing the computed one, with its reason. */
public record IndicatorScore(String nodeId, BigDecimal points, String reason) {
}
