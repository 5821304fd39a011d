package org.perfdesk.domain;

/** Kinds of problem the goal-tree rules report. Each has UI text under "problem.<name>". */
public enum ProblemType {
    /** A node's children carry weights that do not add up to its own weight. */
    CHILD_WEIGHTS_MISMATCH,
    /** The top-level goals' weights do not add up to the full score. */
    TOP_WEIGHTS_MISMATCH,
    /** A quantitative indicator without a target value. */
    MISSING_TARGET,
    /** A quantitative indicator without a unit of measure. */
    MISSING_UNIT_OF_MEASURE,
    /** A deadline or milestone date outside the plan year. */
    DEADLINE_OUTSIDE_YEAR,
    /** A leaf (the end of a decomposition) that nobody is responsible for. */
    LEAF_WITHOUT_OWNER,
    /** An owner code that is not one of the unit's divisions, persons or sub-units. */
    UNKNOWN_OWNER,
    /** A node without a title. */
    EMPTY_TITLE
}
