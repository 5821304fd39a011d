package org.perfdesk.domain;

/**
 * Which way a quantitative indicator is met; how each turns an actual value into completion is
 * {@link Completion}.
 */
public enum Direction {
    /** At least the target (≥), e.g. GDP growth, coverage rate; more counts up to the scheme's cap. */
    HIGHER_BETTER,
    /**
     * At most the target (≤, 控制在…以内), e.g. energy use per unit of GDP, the price rise, complaints:
     * at or below it is met; below it earns no more than met.
     */
    LOWER_BETTER,
    /**
     * Equal to the target (=), or within the range from the target to the measure's upper bound
     * (区间) when it has one, e.g. a reserve ratio held between two figures.
     */
    AT_TARGET
}
