package org.perfdesk.domain;

/**
 * One section of a report as the user edits it. The key says what it is about: "overview",
 * "goal:&lt;node id&gt;" for a top-level goal, "closing".
 */
public record ReportSection(String unitCode, int year, ReportKind kind, String key, int position, String title,
                            String body) {
    public static final String OVERVIEW = "overview";
    public static final String CLOSING = "closing";
    public static final String GOAL_PREFIX = "goal:";

    public ReportSection {
        body = body == null ? "" : body;
    }

    /** The node a goal section is about, or null. */
    public String goalId() {
        return key.startsWith(GOAL_PREFIX) ? key.substring(GOAL_PREFIX.length()) : null;
    }

    public ReportSection withBody(String text) {
        return new ReportSection(unitCode, year, kind, key, position, title, text);
    }
}
