package org.perfdesk.domain;

/** The hat a workspace wears. Any unit may also collect from its sub-units; the office is the root collector. */
public enum Role {
    UNIT, OFFICE
}
