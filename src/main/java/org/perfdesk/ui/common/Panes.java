package org.perfdesk.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The parts of the window that F6 moves between (Shift+F6 backwards): each area given (the
 * navigation, the screen), and within an area the sides of its split panes (the tree, the details
 * form, the problems list …) in the order they are laid out, or nodes marked with {@link #mark}.
 * The keyboard lands on the pane itself when it takes the keyboard (a table, a list) or else on its
 * first field.
 */
public final class Panes {
    private static final String PANE = "focus-pane";

    private Panes() {
    }

    /** Makes a node a pane of its own, where no split pane shows it as one. */
    public static void mark(Node... panes) {
        for (Node p : panes) {
            p.getStyleClass().add(PANE);
        }
    }

    /** Moves the keyboard to the next (or previous) pane of {@code areas}. */
    public static void cycle(Scene scene, boolean forward, Node... areas) {
        List<Node> panes = new ArrayList<>();
        for (Node area : areas) {
            List<Node> inside = new ArrayList<>();
            collect(area, inside, true);
            if (inside.isEmpty() && area.isVisible()) {
                inside.add(area);
            }
            panes.addAll(inside);
        }
        Node focus = scene.getFocusOwner();
        int at = -1;
        for (int i = 0; i < panes.size(); i++) {
            if (focus != null && contains(panes.get(i), focus)) {
                at = i;
            }
        }
        int n = panes.size();
        for (int step = 1; step <= n; step++) {
            int i = at < 0 ? (forward ? step - 1 : n - step) : Math.floorMod(at + (forward ? step : -step), n);
            Node target = focusable(panes.get(i));
            if (target != null) {
                target.requestFocus();
                return;
            }
        }
    }

    private static void collect(Node node, List<Node> out, boolean top) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (!top && node.getStyleClass().contains(PANE)) {
            out.add(node);
            return;
        }
        if (node instanceof javafx.scene.control.SplitPane split) {
            for (Node item : split.getItems()) {
                List<Node> inner = new ArrayList<>();
                collect(item, inner, false);
                if (inner.isEmpty() && item.isVisible() && !item.isDisabled()) {
                    inner.add(item);
                }
                out.addAll(inner);
            }
            return;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out, false);
            }
        }
    }

    private static boolean contains(Node pane, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == pane) {
                return true;
            }
        }
        return false;
    }

    /** The pane itself when it takes the keyboard, else its first field that does. */
    private static Node focusable(Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return null;
        }
        if (node.isFocusTraversable()) {
            return node;
        }
        List<Node> children = node instanceof Parent p ? p.getChildrenUnmodifiable() : List.of();
        for (Node child : children) {
            Node found = focusable(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
