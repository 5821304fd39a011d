package org.perfdesk.report.docx;

import java.util.ArrayList;
import java.util.List;

import org.perfdesk.report.diagram.DiagramLayout;

/**
 * Cuts a tall chart into bands that each fit a page, between rows of boxes where only the trunk
 * line crosses. A single row taller than a page is cut where the page ends.
 */
final class DiagramPages {
    /** A horizontal band of the chart in layout pixels. */
    record Slice(double top, double bottom) {
        double height() {
            return bottom - top;
        }
    }

    private DiagramPages() {
    }

    static List<Slice> slices(DiagramLayout layout, double pageHeight) {
        List<Slice> out = new ArrayList<>();
        double top = 0;
        while (layout.height() - top > pageHeight) {
            double limit = top + pageHeight;
            double cut = limit;
            for (double b : layout.breaks()) {
                if (b > top && b <= limit) {
                    cut = b;
                }
            }
            out.add(new Slice(top, cut));
            top = cut;
        }
        out.add(new Slice(top, layout.height()));
        return out;
    }
}
