package org.perfdesk.domain;

import java.math.BigDecimal;

/** Extra points the office grants a unit for the year (加分), with the reason; capped by the scheme. */
public record Bonus(String id, String unitCode, int year, BigDecimal points, String reason) {
}
