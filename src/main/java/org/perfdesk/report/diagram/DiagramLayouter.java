package org.perfdesk.report.diagram;

import java.util.ArrayList;
import java.util.List;

import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.diagram.DecompositionModel.Item;
import org.perfdesk.report.diagram.DecompositionModel.Owner;
import org.perfdesk.report.diagram.DecompositionModel.Role;
import org.perfdesk.report.diagram.DiagramLayout.Box;
import org.perfdesk.report.diagram.DiagramLayout.Edge;
import org.perfdesk.report.diagram.DiagramLayout.Label;
import org.perfdesk.report.diagram.DiagramLayout.Point;

/**
 * Lays the chart out: the unit's box on top; below it, in a grid of columns, one cell per division
 * (department, county), each holding its box and, stacked and indented beneath, its persons. A bus
 * line under the unit feeds every row of the grid through a trunk in the left margin, and elbows
 * inside a cell link each box to its parent. Wrapping rows of cells keep an 80-node tree at a
 * readable size where a single row of 20 boxes would not fit any page.
 */
public final class DiagramLayouter {
    static final double CELL_WIDTH = 280;
    static final double GAP_X = 28;
    static final double GAP_Y = 48;
    static final double BOX_GAP = 10;
    static final double INDENT = 24;
    static final double PAD = 8;
    static final double MARGIN = 24;
    static final double TRUNK_GUTTER = 20;
    static final int MAX_TITLE_LINES = 2;
    static final int MAX_ITEM_LINES = 2;
    static final int MAX_INDENT_LEVELS = 4;
    static final int MAX_AUTO_COLUMNS = 6;

    /**
     * @param columns   cells per row; 0 to choose the count whose overall shape comes closest to aspect
     * @param aspect    width / height to aim for when choosing
     * @param cellWidth the width of a division's cell in pixels
     * @param header    true to put the title and legend above the chart (false when the page prints them as text)
     */
    public record Options(int columns, double aspect, double cellWidth, boolean header) {
        /** For a screen or a stand-alone PNG: landscape. */
        public static Options screen() {
            return new Options(0, 1.6, CELL_WIDTH, true);
        }

        public static Options columns(int columns) {
            return new Options(columns, 1, CELL_WIDTH, true);
        }

        /**
         * For a page {@code width} pixels wide with {@code columns} cells per row, without the title and
         * legend (the document prints them as text).
         */
        public static Options print(int columns, double width) {
            double chrome = 2 * MARGIN + (columns > 1 ? TRUNK_GUTTER : 0) + (columns - 1) * GAP_X;
            return new Options(columns, 1, Math.floor((width - chrome) / columns), false);
        }
    }

    private final TextMeasure m;
    private final Texts t;

    public DiagramLayouter(TextMeasure measure, Texts texts) {
        this.m = measure;
        this.t = texts;
    }

    public DiagramLayout layout(DecompositionModel model, String title, String legend, Options options) {
        this.cellWidth = options.cellWidth();
        this.header = options.header();
        List<Cell> cells = new ArrayList<>();
        for (Owner branch : model.root().children()) {
            cells.add(cell(branch));
        }
        int max = Math.max(1, cells.size());
        if (options.columns() > 0) {
            return place(model.root(), cells, Math.min(options.columns(), max), title, legend);
        }
        // Candidates by number of rows, each with as few columns as hold the cells, so that the last
        // row is not left nearly empty (8 cells: 4 + 4 rather than 6 + 2).
        DiagramLayout best = null;
        double bestScore = Double.MAX_VALUE;
        int previous = -1;
        for (int rows = 1; rows <= max; rows++) {
            int c = (max + rows - 1) / rows;
            if (c > MAX_AUTO_COLUMNS || c == previous) {
                continue;
            }
            previous = c;
            DiagramLayout l = place(model.root(), cells, c, title, legend);
            double score = Math.abs(Math.log(l.width() / l.height() / options.aspect()));
            if (score < bestScore) {
                best = l;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * The chart as pages no taller than {@code firstHeight} pixels (the first) and {@code pageHeight} (the
     * others) where it can be: whole rows of cells per page, each page with the unit's box on top (on the
     * pages after the first its name only, marked as continued) and its own connecting lines, so that no
     * line runs off a page. A row taller than a page gets a page of its own.
     */
    public List<DiagramLayout> pages(DecompositionModel model, String title, String legend, Options options,
                                     double firstHeight, double pageHeight) {
        this.cellWidth = options.cellWidth();
        this.header = options.header();
        List<Cell> cells = new ArrayList<>();
        for (Owner branch : model.root().children()) {
            cells.add(cell(branch));
        }
        int columns = Math.max(1, Math.min(options.columns() > 0 ? options.columns() : 2, cells.size()));
        Owner root = model.root();
        Owner continued = new Owner(root.code(), t.get("diagram.continued", root.name()), root.role(), List.of(),
                root.children());
        List<DiagramLayout> pages = new ArrayList<>();
        int start = 0;
        while (start < cells.size() || pages.isEmpty()) {
            Owner top = pages.isEmpty() ? root : continued;
            int end = Math.min(cells.size(), start + columns);
            double limit = pages.isEmpty() ? firstHeight : pageHeight;
            DiagramLayout page = place(top, cells.subList(start, end), columns, title, legend);
            if (page.height() > limit && splitTallest(cells, start, end, top, columns, title, legend, limit)) {
                continue;
            }
            while (end < cells.size()) {
                int next = Math.min(cells.size(), end + columns);
                DiagramLayout bigger = place(top, cells.subList(start, next), columns, title, legend);
                if (bigger.height() > (pages.isEmpty() ? firstHeight : pageHeight)) {
                    break;
                }
                page = bigger;
                end = next;
            }
            pages.add(page);
            start = end;
        }
        return pages;
    }

    /**
     * A row too tall for its page: its tallest division is cut after the last of its boxes that still fits,
     * and the rest goes on as a cell of its own after the row, under the division's name with （续）, so
     * that the printed diagram is never scaled below its size nor a line cut at a page's edge. False when
     * not even the division's first box and one more fit.
     */
    private boolean splitTallest(List<Cell> cells, int start, int end, Owner top, int columns, String title,
                                 String legend, double limit) {
        int tallest = start;
        for (int i = start; i < end; i++) {
            if (cells.get(i).height() > cells.get(tallest).height()) {
                tallest = i;
            }
        }
        Cell cell = cells.get(tallest);
        for (int k = cell.boxes().size() - 1; k >= 2; k--) {
            List<Cell> row = new ArrayList<>(cells.subList(start, end));
            row.set(tallest - start, prefix(cell, k));
            if (place(top, row, columns, title, legend).height() <= limit) {
                cells.set(tallest, prefix(cell, k));
                cells.add(end, rest(cell, k));
                return true;
            }
        }
        return false;
    }

    private static Cell prefix(Cell c, int k) {
        double h = 0;
        for (Draft d : c.boxes().subList(0, k)) {
            h += d.height();
        }
        return new Cell(List.copyOf(c.boxes().subList(0, k)), List.copyOf(c.depths().subList(0, k)),
                List.copyOf(c.parents().subList(0, k)), h + BOX_GAP * (k - 1));
    }

    /** The boxes from {@code k} on, under a heading box that names the division again. */
    private Cell rest(Cell c, int k) {
        Owner division = c.boxes().get(0).owner();
        Owner again = new Owner(division.code(), t.get("diagram.continued", division.name()), division.role(), List.of(),
                List.of());
        List<Draft> boxes = new ArrayList<>(List.of(draft(again, cellWidth)));
        List<Integer> depths = new ArrayList<>(List.of(0));
        List<Integer> parents = new ArrayList<>(List.of(-1));
        double h = boxes.get(0).height();
        for (int i = k; i < c.boxes().size(); i++) {
            boxes.add(c.boxes().get(i));
            depths.add(c.depths().get(i));
            int parent = c.parents().get(i);
            parents.add(parent >= k ? parent - k + 1 : 0);
            h += BOX_GAP + c.boxes().get(i).height();
        }
        return new Cell(boxes, depths, parents, h);
    }

    private double cellWidth = CELL_WIDTH;
    private boolean header = true;

    /** A box measured but not yet placed. */
    private record Draft(Owner owner, double width, double height, double headingHeight, List<Line> lines) {
    }

    /** A line inside a box, relative to the box's top left. */
    private record Line(String text, double dx, double baseline, TextStyle style) {
    }

    /** A division's column entry: its box and its members' boxes, each with its depth in the cell. */
    private record Cell(List<Draft> boxes, List<Integer> depths, List<Integer> parents, double height) {
    }

    private Cell cell(Owner branch) {
        List<Draft> boxes = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        stack(branch, 0, -1, boxes, depths, parents);
        double h = 0;
        for (Draft d : boxes) {
            h += d.height();
        }
        return new Cell(boxes, depths, parents, h + BOX_GAP * (boxes.size() - 1));
    }

    private void stack(Owner o, int depth, int parent, List<Draft> boxes, List<Integer> depths, List<Integer> parents) {
        int indent = Math.min(depth, MAX_INDENT_LEVELS);
        boxes.add(draft(o, cellWidth - INDENT * indent));
        depths.add(indent);
        parents.add(parent);
        int self = boxes.size() - 1;
        for (Owner child : o.children()) {
            stack(child, depth + 1, self, boxes, depths, parents);
        }
    }

    private Draft draft(Owner o, double width) {
        TextStyle headingStyle = o.role() == Role.UNIT ? TextStyle.UNIT : TextStyle.HEADING;
        List<Line> lines = new ArrayList<>();
        double y = PAD;
        for (String s : TextWrap.lines(o.name(), width - 2 * PAD, MAX_TITLE_LINES, headingStyle, m)) {
            lines.add(new Line(s, PAD, y + m.ascent(headingStyle), headingStyle));
            y += m.lineHeight(headingStyle);
        }
        double headingHeight = y + PAD / 2;
        y = headingHeight + PAD / 2;
        String bullet = "•";
        double bulletWidth = m.width(bullet + " ", TextStyle.ITEM);
        for (Item item : o.items()) {
            String points = item.weight() == null ? "" : t.get("diagram.points", Numbers.plain(item.weight()));
            double pointsWidth = m.width(points, TextStyle.POINTS);
            double textWidth = width - 2 * PAD - bulletWidth - (points.isEmpty() ? 0 : pointsWidth + 6);
            List<String> wrapped = TextWrap.lines(item.title().isBlank() ? "—" : item.title(), textWidth,
                    MAX_ITEM_LINES, TextStyle.ITEM, m);
            double baseline = y + m.ascent(TextStyle.ITEM);
            lines.add(new Line(bullet, PAD, baseline, TextStyle.ITEM));
            if (!points.isEmpty()) {
                lines.add(new Line(points, width - PAD - pointsWidth, baseline, TextStyle.POINTS));
            }
            for (String s : wrapped) {
                lines.add(new Line(s, PAD + bulletWidth, y + m.ascent(TextStyle.ITEM), TextStyle.ITEM));
                y += m.lineHeight(TextStyle.ITEM);
            }
            y += 2;
        }
        double height = o.items().isEmpty() ? headingHeight : y + PAD - 2;
        return new Draft(o, width, Math.ceil(height), headingHeight, lines);
    }

    private DiagramLayout place(Owner root, List<Cell> cells, int columns, String title, String legend) {
        int rows = (cells.size() + columns - 1) / columns;
        double gridWidth = columns * cellWidth + (columns - 1) * GAP_X;
        boolean trunk = rowsWithDrops(cells, columns) > 1;
        double contentLeft = MARGIN + (trunk ? TRUNK_GUTTER : 0);
        double width = Math.max(contentLeft + gridWidth + MARGIN, header
                ? Math.max(m.width(title, TextStyle.TITLE), m.width(legend, TextStyle.LEGEND)) + 2 * MARGIN : 0);
        double shift = (width - (contentLeft + gridWidth + MARGIN)) / 2;
        contentLeft += shift;
        double trunkX = MARGIN + shift + TRUNK_GUTTER / 2;

        List<Label> labels = new ArrayList<>();
        double y = header ? MARGIN : BOX_GAP;
        if (header) {
            labels.add(new Label(title, (width - m.width(title, TextStyle.TITLE)) / 2, y + m.ascent(TextStyle.TITLE),
                    TextStyle.TITLE));
            y += m.lineHeight(TextStyle.TITLE) + 4;
            labels.add(new Label(legend, (width - m.width(legend, TextStyle.LEGEND)) / 2,
                    y + m.ascent(TextStyle.LEGEND), TextStyle.LEGEND));
            y += m.lineHeight(TextStyle.LEGEND) + 16;
        }

        List<Box> boxes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        List<Double> breaks = new ArrayList<>();
        double rootWidth = columns >= 2 ? 2 * cellWidth + GAP_X : cellWidth;
        Draft rootDraft = draft(root, rootWidth);
        Box rootBox = box(rootDraft, contentLeft + (gridWidth - rootWidth) / 2, y);
        boxes.add(rootBox);
        double rootX = rootBox.x() + rootBox.width() / 2;
        double bottom = rootBox.bottom();

        double firstBus = Double.NaN;
        double lastBus = Double.NaN;
        for (int r = 0; r < rows; r++) {
            breaks.add(bottom + GAP_Y / 4);
            double top = bottom + GAP_Y;
            double bus = top - GAP_Y / 2;
            List<Double> drops = new ArrayList<>();
            double rowBottom = top;
            for (int c = 0; c < columns && r * columns + c < cells.size(); c++) {
                Cell cell = cells.get(r * columns + c);
                double left = contentLeft + c * (cellWidth + GAP_X);
                List<Box> placed = placeCell(cell, left, top, boxes, edges);
                Box head = placed.get(0);
                if (head.role() != Role.UNASSIGNED) {
                    double x = head.x() + head.width() / 2;
                    drops.add(x);
                    edges.add(line(x, bus, x, head.y()));
                }
                rowBottom = Math.max(rowBottom, top + cell.height());
            }
            if (!drops.isEmpty()) {
                double from = drops.get(0);
                double to = drops.get(drops.size() - 1);
                if (r == 0) {
                    from = Math.min(from, rootX);
                    to = Math.max(to, rootX);
                    edges.add(line(rootX, rootBox.bottom(), rootX, bus));
                    firstBus = bus;
                }
                if (trunk) {
                    from = Math.min(from, trunkX);
                }
                if (to > from) {
                    edges.add(line(from, bus, to, bus));
                }
                lastBus = bus;
            }
            bottom = rowBottom;
        }
        if (trunk && lastBus > firstBus) {
            edges.add(line(trunkX, firstBus, trunkX, lastBus));
        }
        return new DiagramLayout(Math.ceil(width), Math.ceil(bottom + (header ? MARGIN : BOX_GAP)), labels, boxes, edges,
                breaks);
    }

    private static int rowsWithDrops(List<Cell> cells, int columns) {
        int count = 0;
        for (int start = 0; start < cells.size(); start += columns) {
            boolean any = false;
            for (int i = start; i < Math.min(start + columns, cells.size()); i++) {
                any |= cells.get(i).boxes().get(0).owner().role() != Role.UNASSIGNED;
            }
            count += any ? 1 : 0;
        }
        return count;
    }

    private List<Box> placeCell(Cell cell, double left, double top, List<Box> boxes, List<Edge> edges) {
        List<Box> placed = new ArrayList<>();
        double y = top;
        for (int i = 0; i < cell.boxes().size(); i++) {
            Draft d = cell.boxes().get(i);
            Box b = box(d, left + INDENT * cell.depths().get(i), y);
            placed.add(b);
            boxes.add(b);
            int parent = cell.parents().get(i);
            if (parent >= 0) {
                Box p = placed.get(parent);
                double x = p.x() + INDENT / 2;
                double mid = b.y() + Math.min(b.headingHeight(), b.height()) / 2;
                edges.add(new Edge(List.of(new Point(x, p.bottom()), new Point(x, mid), new Point(b.x(), mid))));
            }
            y = b.bottom() + BOX_GAP;
        }
        return placed;
    }

    private static Box box(Draft d, double x, double y) {
        List<Label> labels = new ArrayList<>();
        for (Line l : d.lines()) {
            labels.add(new Label(l.text(), x + l.dx(), y + l.baseline(), l.style()));
        }
        List<String> ids = d.owner().items().stream().map(Item::nodeId).toList();
        return new Box(d.owner().code(), d.owner().role(), x, y, d.width(), d.height(), d.headingHeight(), ids, labels);
    }

    private static Edge line(double x1, double y1, double x2, double y2) {
        return new Edge(List.of(new Point(x1, y1), new Point(x2, y2)));
    }
}
