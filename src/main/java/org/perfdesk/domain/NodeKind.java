package org.perfdesk.domain;

/** Levels of the goal-decomposition tree. Indicators and tasks are what gets measured and owned. */
public enum NodeKind {
    GOAL, SUB_GOAL, INDICATOR, TASK;

    public boolean isMeasurable() {
        return this == INDICATOR || this == TASK;
    }
}
