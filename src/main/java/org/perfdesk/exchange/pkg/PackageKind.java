package org.perfdesk.exchange.pkg;

import java.util.Locale;

/**
 * What a package carries. Units send the first six; the office sends the others: the year's indicator
 * system (INDICATORS) and calendar (CALENDAR) go down to the units, and a plan is answered under 批复
 * (APPROVAL, RETURN) or under 备案 (FILED, CORRECTION).
 */
public enum PackageKind {
    ENROLLMENT, PLAN, PROGRESS, MIDYEAR, ANNUAL, RECTIFICATION,
    CERTIFICATE, APPROVAL, RETURN, FEEDBACK, RECEIPT,
    INDICATORS, CALENDAR, FILED, CORRECTION;

    /** The office's answer to a plan: under 批复 or under 备案. */
    public boolean answersPlan() {
        return this == APPROVAL || this == RETURN || this == FILED || this == CORRECTION;
    }

    public boolean fromOffice() {
        return ordinal() >= CERTIFICATE.ordinal();
    }

    /** Unit packages other than enrollment carry a snapshot of the unit's data for the year. */
    public boolean carriesSnapshot() {
        return !fromOffice() && this != ENROLLMENT;
    }

    /** The name used on the command line and in file names: "plan", "midyear", … */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PackageKind fromCliName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
