package org.perfdesk.domain;

/** What an organisation is. Office, city, county and department are reporting units or
 *  sub-units; division and person live inside a unit and own parts of its goal tree. */
public enum OrgKind {
    OFFICE, CITY, COUNTY, DEPARTMENT, DIVISION, PERSON;

    /** Divisions and persons belong to a unit's inside; they never keep a workspace of their own. */
    public boolean isInternal() {
        return this == DIVISION || this == PERSON;
    }
}
