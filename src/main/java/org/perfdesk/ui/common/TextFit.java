package org.perfdesk.ui.common;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Cell;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.NestedTableColumnHeader;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;
import javafx.stage.Window;

/**
 * Two rules for text that hold in every window, whatever screen or dialog it shows, so a screen
 * added later follows them without doing anything:
 * <ul>
 * <li>a button (link, check box, radio button) is never narrower than its words: its minimum width is
 * its preferred width, so a row that cannot hold its buttons must wrap (a {@code FlowPane}) or the
 * screen scrolls; "Back u…" cannot happen;</li>
 * <li>a text that wraps keeps all its lines: its minimum height is its preferred height;</li>
 * <li>a table column is never narrower than its header's words;</li>
 * <li>any other text that the layout cuts short (a label, a table cell, a column header, a choice
 * list's value: "厦门市人…") gets a tooltip with the whole text, and loses it again when it fits.</li>
 * </ul>
 * Checked after each layout of a window's scene, over the nodes that are showing.
 */
public final class TextFit {
    /** Marks tooltips made here, so a tooltip a screen set itself is never replaced. */
    private static final String AUTO = "perfdesk.textFit.tooltip";
    private static final String ATTACHED = "perfdesk.textFit";
    private static final double TOOLTIP_WIDTH = 480;
    /** JavaFX's own minimum width of a table column: one a screen did not choose. */
    private static final double DEFAULT_COLUMN_MIN = 10;
    private static boolean installed;

    private TextFit() {
    }

    /** Watches every window from now on (and those open now); calling it again does nothing. FX thread. */
    public static void install() {
        if (installed) {
            return;
        }
        installed = true;
        Window.getWindows().forEach(TextFit::watch);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(TextFit::watch);
            }
        });
    }

    private static void watch(Window window) {
        attach(window.getScene());
        window.sceneProperty().addListener((obs, old, scene) -> attach(scene));
    }

    /** Applies the rules to {@code scene} after each of its layouts. */
    public static void attach(Scene scene) {
        if (scene == null || scene.getProperties().containsKey(ATTACHED)) {
            return;
        }
        scene.getProperties().put(ATTACHED, Boolean.TRUE);
        scene.addPostLayoutPulseListener(() -> {
            if (scene.getRoot() != null) {
                fit(scene.getRoot());
            }
        });
    }

    private static void fit(Node node) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && !(node instanceof Cell<?> cell && cell.isEmpty())) {
            fitText(labeled);
        } else if (node instanceof TableColumnHeader header && !(node instanceof NestedTableColumnHeader)) {
            fitColumn(header);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                fit(child);
            }
        }
    }

    private static void fitText(Labeled labeled) {
        if (labeled instanceof ButtonBase) {
            if (labeled.getMinWidth() == Control.USE_COMPUTED_SIZE && !labeled.isWrapText()) {
                labeled.setMinWidth(Control.USE_PREF_SIZE);
            }
            return;
        }
        if (labeled.isWrapText() && !(labeled instanceof Cell<?>) && labeled.getMinHeight() == Control.USE_COMPUTED_SIZE) {
            // Words that wrap keep all their lines: a window too small for them scrolls instead.
            labeled.setMinHeight(Control.USE_PREF_SIZE);
        }
        String full = labeled.getText();
        Tooltip tip = labeled.getTooltip();
        boolean ours = tip != null && tip.getProperties().containsKey(AUTO);
        if (full != null && !full.isBlank() && isCut(labeled, full)) {
            if (tip == null) {
                Tooltip made = new Tooltip(full);
                made.getProperties().put(AUTO, Boolean.TRUE);
                made.setWrapText(true);
                made.setMaxWidth(TOOLTIP_WIDTH);
                labeled.setTooltip(made);
            } else if (ours && !full.equals(tip.getText())) {
                tip.setText(full);
            }
        } else if (ours) {
            labeled.setTooltip(null);
        }
    }

    /**
     * A column is never narrower than its header's words ("…" says nothing about what a column holds):
     * a table whose columns do not fit scrolls sideways, or hides columns first ({@link NarrowColumns}).
     */
    private static void fitColumn(TableColumnHeader header) {
        TableColumnBase<?, ?> column = header.getTableColumn();
        if (column == null || column.getMinWidth() != DEFAULT_COLUMN_MIN || column.getText() == null) {
            return;
        }
        for (Node child : header.getChildrenUnmodifiable()) {
            if (child instanceof Labeled label && column.getText().equals(label.getText())) {
                double words = label.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset();
                column.setMinWidth(Math.ceil(Math.max(DEFAULT_COLUMN_MIN, words)));
                return;
            }
        }
    }

    /** True when the skin draws less than the text (it ends in "…" where the layout cut it). */
    static boolean isCut(Labeled labeled, String full) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && child.getStyleClass().contains("text")
                    && child.getClass().getName().endsWith("LabeledText")) {
                String expected = labeled.isMnemonicParsing() ? Mnemonics.shown(full) : full;
                return !expected.equals(shown.getText());
            }
        }
        return false;
    }
}
