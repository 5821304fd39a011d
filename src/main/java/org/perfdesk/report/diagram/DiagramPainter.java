package org.perfdesk.report.diagram;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.perfdesk.report.diagram.DecompositionModel.Role;
import org.perfdesk.report.diagram.DiagramLayout.Box;
import org.perfdesk.report.diagram.DiagramLayout.Edge;
import org.perfdesk.report.diagram.DiagramLayout.Label;
import org.perfdesk.report.diagram.DiagramLayout.Point;

/**
 * Paints a layout with Java2D: white paper, blue lines, one colour per role, status-free — or, for a
 * document that goes to a black-and-white printer, black ink only: headings told apart by weight and
 * rules, an unknown owner by a double border, nodes without an owner by a dashed one.
 */
final class DiagramPainter {
    private static final Color INK = new Color(0x1F2937);
    private static final Color MUTED = new Color(0x5F6B7A);
    private static final Color LINE = new Color(0x5B7DB1);

    /** Heading fill and border per role. */
    private record Palette(Color heading, Color border, Color headingText, boolean dashed) {
    }

    private final Java2dText text;
    private final boolean mono;

    DiagramPainter(Java2dText text) {
        this(text, false);
    }

    DiagramPainter(Java2dText text, boolean mono) {
        this.text = text;
        this.mono = mono;
    }

    /** The part of the chart between {@code top} and {@code bottom} (layout pixels), scaled. */
    BufferedImage paint(DiagramLayout layout, double scale, double top, double bottom) {
        int w = (int) Math.ceil(layout.width() * scale);
        int h = Math.max(1, (int) Math.ceil((bottom - top) * scale));
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            g.translate(0, -top);
            g.setClip(new Rectangle2D.Double(0, top, layout.width(), bottom - top));
            for (Label l : layout.labels()) {
                draw(g, l, mono ? Color.BLACK : l.style() == TextStyle.TITLE ? INK : MUTED);
            }
            g.setColor(mono ? Color.BLACK : LINE);
            g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
            for (Edge e : layout.edges()) {
                g.draw(path(e.points()));
            }
            for (Box b : layout.boxes()) {
                if (b.bottom() >= top && b.y() <= bottom) {
                    paint(g, b);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private void paint(Graphics2D g, Box b) {
        Palette p = mono ? monoPalette(b.role()) : palette(b.role());
        Shape outline = new RoundRectangle2D.Double(b.x(), b.y(), b.width(), b.height(), 10, 10);
        g.setColor(Color.WHITE);
        g.fill(outline);
        Shape clip = g.getClip();
        g.clip(outline);
        g.setColor(p.heading());
        g.fill(new Rectangle2D.Double(b.x(), b.y(), b.width(), b.headingHeight()));
        g.setClip(clip);
        g.setColor(p.border());
        g.setStroke(p.dashed()
                ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0)
                : new BasicStroke(b.role() == Role.UNIT ? 2.2f : 1.4f));
        g.draw(outline);
        if (mono) {
            // The heading band is ruled off rather than filled; an owner the unit does not know gets a second border.
            g.setStroke(new BasicStroke(1f));
            if (b.labels().size() > 0 && b.height() > b.headingHeight() + 1) {
                g.draw(new java.awt.geom.Line2D.Double(b.x(), b.y() + b.headingHeight(), b.right(),
                        b.y() + b.headingHeight()));
            }
            if (b.role() == Role.UNKNOWN) {
                g.draw(new RoundRectangle2D.Double(b.x() + 3, b.y() + 3, b.width() - 6, b.height() - 6, 8, 8));
            }
        }
        for (Label l : b.labels()) {
            Color c = mono ? Color.BLACK : switch (l.style()) {
                case UNIT, HEADING -> p.headingText();
                case POINTS -> MUTED;
                default -> INK;
            };
            draw(g, l, c);
        }
    }

    private void draw(Graphics2D g, Label l, Color color) {
        g.setColor(color);
        g.setFont(text.font(l.style()));
        g.drawString(l.text(), (float) l.x(), (float) l.baseline());
    }

    private static Palette palette(Role role) {
        return switch (role) {
            case UNIT -> new Palette(new Color(0x1F4E79), new Color(0x1F4E79), Color.WHITE, false);
            case BRANCH -> new Palette(new Color(0xDCE6F2), new Color(0x2E75B6), new Color(0x13315C), false);
            case MEMBER -> new Palette(new Color(0xF1F3F5), new Color(0x8A96A3), INK, false);
            case UNKNOWN -> new Palette(new Color(0xFFF2CC), new Color(0xBF9000), INK, false);
            case UNASSIGNED -> new Palette(new Color(0xFDE9E7), new Color(0xC00000), new Color(0x9C0006), true);
        };
    }

    /** Black on white: no fills; the unit's box is the only one with a heavier border. */
    private static Palette monoPalette(Role role) {
        return new Palette(Color.WHITE, Color.BLACK, Color.BLACK, role == Role.UNASSIGNED);
    }

    private static Path2D path(List<Point> points) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(points.get(0).x(), points.get(0).y());
        for (int i = 1; i < points.size(); i++) {
            p.lineTo(points.get(i).x(), points.get(i).y());
        }
        return p;
    }
}
