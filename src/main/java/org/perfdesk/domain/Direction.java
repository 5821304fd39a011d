package org.perfdesk.domain;

/** Which way a quantitative indicator improves. */
public enum Direction {
    /** e.g. GDP growth, coverage rate. */
    HIGHER_BETTER,
    /** e.g. energy use per unit of GDP, number of complaints. */
    LOWER_BETTER,
    /** e.g. a price index held within a band around the target. */
    AT_TARGET
}
