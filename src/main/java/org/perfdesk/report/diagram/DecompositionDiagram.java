package org.perfdesk.report.diagram;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.SafeFiles;
import org.perfdesk.store.Workspace;

/**
 * The goal-decomposition flow diagram (绩效目标分解流程示意图) the work plan asks every unit to draw:
 * the unit, its divisions (departments, counties), their responsible persons, and in each box the
 * goals, indicators and tasks it owns — "层层分解，落实到人". Texts follow the UI language.
 */
public final class DecompositionDiagram {
    private final DecompositionModel model;
    private final String title;
    private final String legend;
    private final Texts texts;
    private final Java2dText fonts = Java2dText.cjk();

    private DecompositionDiagram(DecompositionModel model, String title, String legend, Texts texts) {
        this.model = model;
        this.title = title;
        this.legend = legend;
        this.texts = texts;
    }

    /** The unit's chart for the year; a year without goals is a {@link UserError}. */
    public static DecompositionDiagram load(Workspace ws, String unitCode, int year) {
        OrgUnit unit = ws.orgUnits().find(unitCode)
                .orElseThrow(() -> new UserError("report.error.unknownUnit", unitCode));
        GoalTree tree = ws.goals().loadTree(unitCode, year);
        if (tree.size() == 0) {
            throw new UserError("report.error.noGoals", unit.name(), String.valueOf(year));
        }
        return of(unit, year, ws.orgUnits().findSubtree(unitCode), tree, Texts.current());
    }

    public static DecompositionDiagram of(OrgUnit unit, int year, List<OrgUnit> orgs, GoalTree tree, Texts t) {
        return new DecompositionDiagram(DecompositionModel.of(unit, orgs, tree, t),
                t.get("diagram.title", unit.name(), String.valueOf(year)), t.get("diagram.legend"), t);
    }

    public DecompositionModel model() {
        return model;
    }

    public String title() {
        return title;
    }

    /** Landscape layout for a screen or a stand-alone PNG, measured with the Java2D fonts. */
    public DiagramLayout layout() {
        return layout(DiagramLayouter.Options.screen());
    }

    public DiagramLayout layout(DiagramLayouter.Options options) {
        return layout(fonts, options);
    }

    /** The layout measured with another toolkit's fonts (a JavaFX view draws it itself). */
    public DiagramLayout layout(TextMeasure measure, DiagramLayouter.Options options) {
        return new DiagramLayouter(measure, texts).layout(model, title, legend, options);
    }

    /** The whole chart at 1:1. */
    public BufferedImage render() {
        DiagramLayout l = layout();
        return render(l, 1, 0, l.height());
    }

    /** The band of a Java2D layout between {@code top} and {@code bottom}, scaled (2 for print). */
    public BufferedImage render(DiagramLayout layout, double scale, double top, double bottom) {
        return new DiagramPainter(fonts).paint(layout, scale, top, bottom);
    }

    /**
     * The chart for a document: pages at most {@code firstHeight} pixels tall (the first) and
     * {@code pageHeight} (the others) with whole rows of cells, each with its own connecting lines, without
     * the title and legend (the page prints them as text).
     */
    public List<DiagramLayout> pages(DiagramLayouter.Options options, double firstHeight, double pageHeight) {
        return new DiagramLayouter(fonts, texts).pages(model, title, legend, options, firstHeight, pageHeight);
    }

    /** The legend as a line of text. */
    public String legend() {
        return legend;
    }

    /** A whole layout in black ink only, scaled, as PNG: for paper. */
    public byte[] printPng(DiagramLayout layout, double scale) {
        return encode(new DiagramPainter(fonts, true).paint(layout, scale, 0, layout.height()));
    }

    /** PNG bytes of a band of a layout. */
    public byte[] png(DiagramLayout layout, double scale, double top, double bottom) {
        return encode(render(layout, scale, top, bottom));
    }

    /** Writes the whole chart at 1:1 as PNG, whole or not at all. */
    public void writePng(Path out) {
        byte[] bytes = encode(render());
        try {
            SafeFiles.writeAtomically(out, bytes);
        } catch (IOException e) {
            throw new UserError(e, "report.error.writeFailed", out.toString(), String.valueOf(e.getMessage()));
        }
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed in memory", e);
        }
        return bytes.toByteArray();
    }
}
