package org.perfdesk.ui.common;

import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Label-and-field forms: labels never cut short ("发现的…"), fields take the rest of the width. */
public final class Forms {
    /** The stylesheet's font size (.root), for measuring words before the label is styled. */
    private static final double FONT_SIZE = 13;
    /** A little room for the label's padding and for rounding. */
    private static final double WORD_SLACK = 4;

    private Forms() {
    }

    public static GridPane grid() {
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        return form;
    }

    /**
     * A field's label in a narrow form: {@code width} wide, wrapping between words ("Quality /
     * requirement"), never inside one: as wide as its longest word when that is wider.
     */
    public static javafx.scene.control.Label wrappingLabel(String text, double width) {
        javafx.scene.control.Label label = new javafx.scene.control.Label(text);
        label.setWrapText(true);
        double widest = width;
        String family = Styles.uiFontFamily();
        javafx.scene.text.Font font = family == null ? javafx.scene.text.Font.font(FONT_SIZE)
                : javafx.scene.text.Font.font(family, FONT_SIZE);
        for (String word : text.split("\\s+")) {
            javafx.scene.text.Text t = new javafx.scene.text.Text(word);
            t.setFont(font);
            widest = Math.max(widest, Math.ceil(t.getLayoutBounds().getWidth()) + WORD_SLACK);
        }
        label.setMinWidth(widest);
        label.setPrefWidth(widest);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
