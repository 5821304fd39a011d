package org.perfdesk.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The layout rules for small windows (from 1024×600, and at 150 % scaling), in one place so every
 * screen follows them: rows of buttons wrap instead of cutting words, forms scroll instead of being
 * squeezed, a screen as a whole scrolls only when the window is smaller than it can be. See also
 * {@link DetailsSplit} (a table with its details form beside or below it) and {@link TextFit}.
 */
public final class Layouts {
    private Layouts() {
    }

    /**
     * A row of buttons and choices that wraps onto a second line when the window is narrow (each
     * button keeps its words whole: {@link TextFit}).
     */
    public static FlowPane toolbar(Node... items) {
        FlowPane bar = new FlowPane(6, 6, items);
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    /** A word and its field (a choice list in a toolbar), kept together on one line when the row wraps. */
    public static HBox labelled(String text, Node field) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox pair = new HBox(6, label, field);
        pair.setAlignment(Pos.CENTER_LEFT);
        return pair;
    }

    /**
     * Shows {@code content} at the size of the visible area, but never smaller than its minimum:
     * scroll bars appear only when the window is smaller than the content can be made. The main
     * window holds every screen in one of these, and a screen may hold its parts in them.
     */
    public static ScrollPane fitOrScroll(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("plain-scroll");
        return scroll;
    }

    /**
     * A form (labels and fields, one under the other) as wide as its place and scrolling downwards when
     * it is taller: fields are never squeezed or cut off.
     */
    public static ScrollPane form(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().add("plain-scroll");
        return scroll;
    }
}
