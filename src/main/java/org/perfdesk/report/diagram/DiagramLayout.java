package org.perfdesk.report.diagram;

import java.util.List;

import org.perfdesk.report.diagram.DecompositionModel.Role;

/**
 * The chart's geometry in pixels at 1:1, with every text line already placed: a painter only fills
 * boxes, strokes edges and draws labels, whether it is Java2D or a JavaFX canvas.
 *
 * @param labels the title and legend above the chart
 * @param breaks heights where the chart can be cut into pages: between the rows of boxes, where
 *               only the connecting trunk crosses
 */
public record DiagramLayout(double width, double height, List<Label> labels, List<Box> boxes, List<Edge> edges,
                            List<Double> breaks) {

    public DiagramLayout {
        labels = List.copyOf(labels);
        boxes = List.copyOf(boxes);
        edges = List.copyOf(edges);
        breaks = List.copyOf(breaks);
    }

    /** One line of text; x is where it starts, baseline where it stands. */
    public record Label(String text, double x, double baseline, TextStyle style) {
    }

    /**
     * One owner's box: a heading band with the name, then the nodes it owns.
     *
     * @param ownerCode null for the box of nodes without an owner
     * @param nodeIds   the goal-tree nodes listed in the box, in order
     */
    public record Box(String ownerCode, Role role, double x, double y, double width, double height,
                      double headingHeight, List<String> nodeIds, List<Label> labels) {
        public Box {
            nodeIds = List.copyOf(nodeIds);
            labels = List.copyOf(labels);
        }

        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }

        public boolean overlaps(Box other) {
            return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
        }
    }

    /** A connecting line through the given points. */
    public record Edge(List<Point> points) {
        public Edge {
            points = List.copyOf(points);
        }
    }

    public record Point(double x, double y) {
    }
}
