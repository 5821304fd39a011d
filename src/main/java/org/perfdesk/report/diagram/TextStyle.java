package org.perfdesk.report.diagram;

/** The kinds of text in the diagram, with their size in pixels at 1:1 (never below 12). */
public enum TextStyle {
    TITLE(20, true),
    LEGEND(12, false),
    UNIT(16, true),
    HEADING(14, true),
    ITEM(13, false),
    POINTS(12, false);

    private final int size;
    private final boolean bold;

    TextStyle(int size, boolean bold) {
        this.size = size;
        this.bold = bold;
    }

    public int size() {
        return size;
    }

    public boolean bold() {
        return bold;
    }
}
