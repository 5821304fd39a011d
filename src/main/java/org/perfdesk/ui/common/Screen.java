package org.perfdesk.ui.common;

import javafx.scene.Node;

/** One screen of the main window. It is built once and keeps its state when the user comes back. */
public interface Screen {
    /** The node shown in the centre of the window. */
    Node view();

    /** Reload data, e.g. after the year was switched. Called on the JavaFX thread. */
    default void refresh() {
    }

    /** Shows a part of the screen (a tab) that a {@link Place} names; screens without parts ignore it. */
    default void reveal(String part) {
    }
}
