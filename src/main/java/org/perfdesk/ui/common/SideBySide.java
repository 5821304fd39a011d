package org.perfdesk.ui.common;

import java.util.List;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Two or more columns of a screen (settings: the workspace and its keys beside the backups) that
 * stand side by side when the width holds each at its minimum, and one under the other when it does
 * not, each then as wide as the pane. Side by side, each column gets its minimum, then what is left
 * in proportion to how much more it would like (its preferred width), then the rest goes to the last.
 */
public final class SideBySide extends Pane {
    private final double gap;

    public SideBySide(double gap, Node... columns) {
        super(columns);
        this.gap = gap;
        getStyleClass().add("side-by-side");
    }

    /** True when {@code width} holds every column at its minimum, side by side. */
    public boolean fitsSideBySide(double width) {
        List<Node> columns = managed();
        double needed = gap * Math.max(0, columns.size() - 1);
        for (Node c : columns) {
            needed += c.minWidth(-1);
        }
        return width < 0 || width >= needed - 0.5;
    }

    private List<Node> managed() {
        return getManagedChildren();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        double min = 0;
        for (Node c : managed()) {
            min = Math.max(min, c.minWidth(-1));
        }
        return snappedLeftInset() + min + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        List<Node> columns = managed();
        double pref = gap * Math.max(0, columns.size() - 1);
        for (Node c : columns) {
            pref += c.prefWidth(-1);
        }
        return snappedLeftInset() + pref + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return height(width, true);
    }

    @Override
    protected double computePrefHeight(double width) {
        return height(width, false);
    }

    private double height(double width, boolean min) {
        double inner = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
        List<Node> columns = managed();
        double h = 0;
        if (fitsSideBySide(inner)) {
            double[] widths = widths(inner < 0 ? computePrefWidth(-1) - snappedLeftInset() - snappedRightInset() : inner);
            for (int i = 0; i < columns.size(); i++) {
                Node c = columns.get(i);
                h = Math.max(h, min ? c.minHeight(widths[i]) : c.prefHeight(widths[i]));
            }
        } else {
            for (Node c : columns) {
                h += min ? c.minHeight(inner) : c.prefHeight(inner);
            }
            h += gap * Math.max(0, columns.size() - 1);
        }
        return snappedTopInset() + h + snappedBottomInset();
    }

    /** Side by side: each column's minimum, then the rest in proportion to what it would like more. */
    private double[] widths(double inner) {
        List<Node> columns = managed();
        int n = columns.size();
        double[] w = new double[n];
        double[] more = new double[n];
        double left = inner - gap * Math.max(0, n - 1);
        double wanted = 0;
        for (int i = 0; i < n; i++) {
            w[i] = columns.get(i).minWidth(-1);
            more[i] = Math.max(0, columns.get(i).prefWidth(-1) - w[i]);
            left -= w[i];
            wanted += more[i];
        }
        if (left > 0 && wanted > 0) {
            double share = Math.min(1, left / wanted);
            for (int i = 0; i < n; i++) {
                w[i] += more[i] * share;
            }
            left -= Math.min(left, wanted);
        }
        if (left > 0 && n > 0) {
            w[n - 1] += left;
        }
        return w;
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double inner = getWidth() - snappedLeftInset() - snappedRightInset();
        double innerHeight = getHeight() - snappedTopInset() - snappedBottomInset();
        List<Node> columns = managed();
        if (fitsSideBySide(inner)) {
            double[] widths = widths(inner);
            for (int i = 0; i < columns.size(); i++) {
                columns.get(i).resizeRelocate(snapPositionX(x), y, snapSizeX(widths[i]), innerHeight);
                x += widths[i] + gap;
            }
        } else {
            for (Node c : columns) {
                double h = c.prefHeight(inner);
                c.resizeRelocate(x, snapPositionY(y), inner, snapSizeY(h));
                y += h + gap;
            }
        }
    }
}
