package org.perfdesk.ui.layout;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Cell;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;

/**
 * What a person would see wrong in a laid-out window, found by walking its scene graph:
 * <ul>
 * <li>a button (or link, check box, radio button) whose words are cut short ("Back u…"): a button must
 * always show its full text;</li>
 * <li>any other text cut short (a label, a table cell, a column header, a choice list's value) that has
 * no tooltip with the full text;</li>
 * <li>a control lying (partly) outside the window, or outside a parent that cuts it off silently (a
 * split pane's side), unless a scroll pane or a table's scrolling holds it;</li>
 * <li>a field, list or table squeezed to a strip too small to use.</li>
 * </ul>
 */
public final class LayoutCheck {
    /** Half a pixel of rounding and a one-pixel border are not a person's problem. */
    private static final double SLACK = 1.5;
    /** Narrower than this, a text field or choice list shows a few characters at most. */
    static final double MIN_FIELD_WIDTH = 60;
    /** A table or list this small shows a row or two: an "unusable strip". */
    static final double MIN_TABLE_WIDTH = 160;
    static final double MIN_TABLE_HEIGHT = 70;
    /** A list (the navigation, a list of sections) may be narrower: its entries are short. */
    static final double MIN_LIST_WIDTH = 90;
    static final double MIN_LIST_HEIGHT = 45;
    /** Two lines of text. */
    static final double MIN_AREA_HEIGHT = 40;

    private final List<String> problems = new ArrayList<>();
    private final String where;

    private LayoutCheck(String where) {
        this.where = where;
    }

    /** Every problem of the scene as it is laid out now; {@code where} prefixes each line. */
    public static List<String> problems(Scene scene, String where) {
        LayoutCheck check = new LayoutCheck(where);
        Bounds window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        check.walk(scene.getRoot(), window, false);
        return check.problems;
    }

    private void walk(Node node, Bounds viewport, boolean scrolled) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Cell<?> cell && cell.isEmpty()) {
            return;
        }
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        if (bounds.getWidth() <= 0 || bounds.getHeight() <= 0) {
            return; // collapsed out of the layout (a hidden part)
        }
        if (node instanceof Labeled labeled) {
            checkText(labeled, bounds, viewport, scrolled);
        }
        if (!scrolled && isChecked(node) && !inside(bounds, viewport)) {
            problems.add(where + ": " + describe(node) + " lies outside the visible area (" + round(bounds)
                    + " not within " + round(viewport) + ")");
        }
        if (node instanceof Control control && control.isResizable()) {
            checkSize(control, bounds);
            if (!scrolled && node.getParent() instanceof javafx.scene.layout.Pane pane && !(pane.getParent() instanceof Control)
                    && !isScrollContent(node)) {
                // A row or column too small for what it holds lets it stick out over its neighbours.
                Bounds room = pane.localToScene(pane.getLayoutBounds());
                if (!inside(bounds, room)) {
                    problems.add(where + ": " + describe(node) + " sticks out of its " + pane.getClass().getSimpleName()
                            + " (" + round(bounds) + " not within " + round(room) + ")");
                }
            }
        }
        if (node instanceof TextInputControl || !(node instanceof Parent parent)) {
            return; // a field's own text scrolls inside it
        }
        if (node instanceof ScrollPane scroll) {
            // Whatever lies in the content can be scrolled to; the content itself is checked within.
            Node content = scroll.getContent();
            if (content != null) {
                walk(content, content.localToScene(content.getLayoutBounds()), scrolled);
            }
            return;
        }
        boolean scrolls = scrolled || node instanceof VirtualFlow
                // the tabs' headers (those that do not fit are in the header's menu) and the columns'
                // headers (they scroll with the table)
                || node.getStyleClass().contains("tab-header-area")
                || node.getStyleClass().contains("column-header-background");
        Bounds inner = viewport;
        if (!scrolls && node.getClip() != null) {
            // A parent that cuts off what does not fit (a split pane's side): its content must fit in it.
            Bounds clip = node.localToScene(node.getClip().getBoundsInParent());
            inner = intersect(viewport, clip);
        }
        for (Node child : parent.getChildrenUnmodifiable()) {
            walk(child, inner, scrolls);
        }
    }

    /** The content of a scroll pane may be larger than the pane that holds it: that is what scrolls. */
    private static boolean isScrollContent(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Control control) {
                return control instanceof ScrollPane scroll && scroll.getContent() == node;
            }
        }
        return false;
    }

    /** Controls and loose texts are what a person reads or uses; containers may be larger than their content. */
    private static boolean isChecked(Node node) {
        return node instanceof Control || (node instanceof Text && !isLabeledText(node));
    }

    private void checkText(Labeled labeled, Bounds bounds, Bounds viewport, boolean scrolled) {
        String full = labeled.getText();
        if (full == null || full.isEmpty()) {
            return;
        }
        String expected = labeled.isMnemonicParsing() ? withoutMnemonic(full) : full;
        String shown = displayed(labeled);
        if (shown == null || shown.equals(expected)) {
            return;
        }
        if (labeled instanceof ButtonBase) {
            problems.add(where + ": button " + describe(labeled) + " shows \"" + shown + "\" instead of \"" + expected
                    + "\"");
            return;
        }
        if (shown.strip().matches("(…|\\.\\.\\.)?")) {
            problems.add(where + ": " + describe(labeled) + " is cut down to \"" + shown + "\"");
            return;
        }
        Tooltip tip = labeled.getTooltip();
        if (tip == null || tip.getText() == null || !tip.getText().contains(expected.strip())) {
            problems.add(where + ": " + describe(labeled) + " shows \"" + shown + "\" of \"" + expected
                    + "\" and has no tooltip with the full text");
        }
    }

    private void checkSize(Control control, Bounds bounds) {
        double w = bounds.getWidth();
        double h = bounds.getHeight();
        String kind = null;
        if ((control instanceof TextInputControl && !(control instanceof javafx.scene.control.TextArea)
                || control instanceof javafx.scene.control.ComboBoxBase<?>)
                && !(control.getParent() instanceof Cell<?>) && w < MIN_FIELD_WIDTH - SLACK) {
            kind = "field";
        } else if ((control instanceof javafx.scene.control.TableView<?>
                || control instanceof javafx.scene.control.TreeTableView<?>) && (w < MIN_TABLE_WIDTH || h < MIN_TABLE_HEIGHT)) {
            kind = "table";
        } else if ((control instanceof javafx.scene.control.ListView<?> || control instanceof javafx.scene.control.TreeView<?>)
                && (w < MIN_LIST_WIDTH || h < MIN_LIST_HEIGHT)) {
            kind = "list";
        } else if (control instanceof javafx.scene.control.TextArea && (w < MIN_TABLE_WIDTH || h < MIN_AREA_HEIGHT)) {
            kind = "text box";
        }
        if (kind != null) {
            problems.add(where + ": " + kind + " " + describe(control) + " is squeezed to " + Math.round(w) + "×"
                    + Math.round(h) + " px");
        }
    }

    /** The text the skin draws (with "…" where it cut it), or null when the skin draws none. */
    static String displayed(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (isLabeledText(child)) {
                return ((Text) child).getText();
            }
        }
        return null;
    }

    private static boolean isLabeledText(Node node) {
        return node instanceof Text && node.getStyleClass().contains("text")
                && node.getClass().getName().endsWith("LabeledText");
    }

    private static String withoutMnemonic(String text) {
        int i = text.indexOf('_');
        if (i < 0 || i == text.length() - 1) {
            return text;
        }
        return text.substring(0, i) + text.substring(i + 1);
    }

    private static boolean inside(Bounds b, Bounds viewport) {
        return b.getMinX() >= viewport.getMinX() - SLACK && b.getMinY() >= viewport.getMinY() - SLACK
                && b.getMaxX() <= viewport.getMaxX() + SLACK && b.getMaxY() <= viewport.getMaxY() + SLACK;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return new BoundingBox(minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY));
    }

    static String describe(Node node) {
        StringBuilder s = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            s.append('#').append(node.getId());
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            s.append(" \"").append(l.getText()).append('"');
        } else if (node instanceof Text t) {
            s.append(" \"").append(t.getText()).append('"');
        }
        // The nearest ancestor with an id says where on the screen it is.
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                s.append(" in #").append(p.getId());
                break;
            }
        }
        return s.toString();
    }

    private static String round(Bounds b) {
        return String.format("%.0f,%.0f–%.0f,%.0f", b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
    }
}
