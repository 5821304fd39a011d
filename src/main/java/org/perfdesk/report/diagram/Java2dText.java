package org.perfdesk.report.diagram;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Java2D fonts and metrics, with a family that has Chinese glyphs. */
public final class Java2dText implements TextMeasure {
    /** Families with CJK glyphs as Windows, macOS and Linux name them, preferred first. */
    static final List<String> PREFERRED = List.of("Noto Sans CJK SC", "Microsoft YaHei", "微软雅黑", "PingFang SC",
            "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei", "黑体",
            "Droid Sans Fallback");
    private static final String SAMPLE = "绩效目标分解流程示意图";
    /** Antialiased with fractional metrics: the painter uses the same hints, so measured text fits. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final String family;
    private final Map<TextStyle, Font> fonts = new EnumMap<>(TextStyle.class);

    private Java2dText(String family) {
        this.family = family;
        for (TextStyle s : TextStyle.values()) {
            fonts.put(s, new Font(family, s.bold() ? Font.BOLD : Font.PLAIN, s.size()));
        }
    }

    /** The first preferred CJK family installed, else the logical "SansSerif" (the JDK maps it to a system font). */
    public static Java2dText cjk() {
        return new Java2dText(Families.CHOSEN);
    }

    public String family() {
        return family;
    }

    public Font font(TextStyle style) {
        return fonts.get(style);
    }

    @Override
    public double width(String text, TextStyle style) {
        return text.isEmpty() ? 0 : fonts.get(style).getStringBounds(text, FRC).getWidth();
    }

    @Override
    public double ascent(TextStyle style) {
        return metrics(style).getAscent();
    }

    @Override
    public double lineHeight(TextStyle style) {
        LineMetrics lm = metrics(style);
        // CJK fonts carry a tall line gap; 1.45 em keeps lines apart without wasting height.
        return Math.min(lm.getAscent() + lm.getDescent() + lm.getLeading(), style.size() * 1.45);
    }

    private LineMetrics metrics(TextStyle style) {
        return fonts.get(style).getLineMetrics(SAMPLE, FRC);
    }

    /** Looked up once: listing the system's fonts is slow the first time. */
    private static final class Families {
        static final String CHOSEN = choose();

        private static String choose() {
            Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
            for (String name : PREFERRED) {
                if (installed.contains(name) && new Font(name, Font.PLAIN, 12).canDisplayUpTo(SAMPLE) == -1) {
                    return name;
                }
            }
            return Font.SANS_SERIF;
        }
    }
}
