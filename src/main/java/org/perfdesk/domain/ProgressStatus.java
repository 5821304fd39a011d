package org.perfdesk.domain;

/** Where an indicator stands in a quarter. */
public enum ProgressStatus {
    ON_TRACK, AT_RISK, BEHIND, DONE
}
