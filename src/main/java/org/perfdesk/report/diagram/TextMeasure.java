package org.perfdesk.report.diagram;

/**
 * Text metrics for the layout. Java2D supplies them for the PNG and the .docx ({@link Java2dText});
 * a JavaFX screen can supply its own, so the boxes fit the text it draws.
 */
public interface TextMeasure {
    /** Advance width of the text in pixels. */
    double width(String text, TextStyle style);

    /** From the top of a line to its baseline. */
    double ascent(TextStyle style);

    /** From one baseline to the next. */
    double lineHeight(TextStyle style);
}
