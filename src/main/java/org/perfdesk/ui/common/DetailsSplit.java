package org.perfdesk.ui.common;

import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/**
 * Two sides of a screen: a table (or tree) with the form of its selected row on the right ({@link #of}),
 * or a list of units on the left with the work on the chosen unit ({@link #listFirst}). When there is
 * room they stand side by side, the form or list at its width when first shown; as the window grows, a
 * form keeps its width (the table takes the rest) and a list keeps its share. When the place is
 * narrower than both need, the second goes below the first. Neither is ever squeezed below its minimum
 * width: a form that does not fit scrolls (make it a {@link Layouts#form}), and the window scrolls as
 * a whole only below both minimums. The divider can still be dragged.
 */
public final class DetailsSplit {
    /** Extra width before the sides go back beside each other, so a window at the edge does not flicker. */
    private static final double HYSTERESIS = 24;
    private static final double DIVIDER = 8;

    private final SplitPane split;
    private final boolean fixedFirst;
    private final double fixedWidth;
    private final double breakpoint;
    private boolean placed;

    private DetailsSplit(SplitPane split, Region flexible, double flexibleMin, Region fixed, double fixedMin,
                         double fixedWidth, boolean fixedFirst) {
        this.split = split;
        this.fixedFirst = fixedFirst;
        this.fixedWidth = fixedWidth;
        this.breakpoint = flexibleMin + fixedMin + DIVIDER;
        flexible.setMinWidth(flexibleMin);
        fixed.setMinWidth(fixedMin);
        // A form keeps its width as the window grows; a list grows with it (its share stays).
        SplitPane.setResizableWithParent(fixed, fixedFirst);
        split.widthProperty().addListener((obs, old, w) -> arrange(w.doubleValue()));
        split.heightProperty().addListener((obs, old, h) -> {
            if (!placed) {
                arrange(split.getWidth());
            }
        });
    }

    /**
     * A table and, on its right, the form of its selected row.
     *
     * @param main         the table, at least {@code mainMin} wide
     * @param details      the form, at least {@code detailsMin} wide, {@code detailsWidth} when there is room
     */
    public static SplitPane of(Region main, double mainMin, Region details, double detailsMin, double detailsWidth) {
        SplitPane split = new SplitPane(main, details);
        split.getStyleClass().add("details-split");
        split.getProperties().put(DetailsSplit.class,
                new DetailsSplit(split, main, mainMin, details, detailsMin, detailsWidth, false));
        return split;
    }

    /**
     * A list to choose from (the units) and, on its right, the work on what is chosen.
     *
     * @param list     at least {@code listMin} wide, {@code listWidth} when there is room
     * @param work     at least {@code workMin} wide
     */
    public static SplitPane listFirst(Region list, double listMin, double listWidth, Region work, double workMin) {
        SplitPane split = new SplitPane(list, work);
        split.getStyleClass().add("details-split");
        split.getProperties().put(DetailsSplit.class,
                new DetailsSplit(split, work, workMin, list, listMin, listWidth, true));
        return split;
    }

    /** True while the second side stands below the first. */
    public static boolean stacked(SplitPane split) {
        return split.getOrientation() == Orientation.VERTICAL;
    }

    private void arrange(double width) {
        if (width <= 0 || split.getHeight() <= 0) {
            return;
        }
        Orientation wanted = split.getOrientation();
        if (width < breakpoint + 1) {
            wanted = Orientation.VERTICAL;
        } else if (width >= breakpoint + HYSTERESIS) {
            wanted = Orientation.HORIZONTAL;
        }
        if (wanted != split.getOrientation() || !placed) {
            placed = true;
            split.setOrientation(wanted);
            if (wanted == Orientation.HORIZONTAL) {
                // The fixed side at its width; the other takes the rest (and what the window gains later).
                double share = Math.min(fixedWidth, width / 2) / width;
                split.setDividerPositions(fixedFirst ? share : 1 - share);
            } else {
                split.setDividerPositions(fixedFirst ? 0.4 : 0.55);
            }
        }
    }
}
