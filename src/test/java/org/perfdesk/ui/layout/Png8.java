package org.perfdesk.ui.layout;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Writes a screenshot as a PNG of at most 256 colours, so the user guide's images stay small (about a
 * third of a full-colour PNG) without a tool outside Java. A window has few colours; the palette takes
 * the most frequent ones that differ visibly from those taken already, and every pixel gets the nearest.
 * The same image always gives the same file.
 */
final class Png8 {
    private static final int COLOURS = 256;
    /** Squared RGB distance under which a colour counts as one already in the palette. */
    private static final int SAME = 3 * 6 * 6;

    private Png8() {
    }

    static void write(BufferedImage rgb, Path file) throws IOException {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int[] pixels = rgb.getRGB(0, 0, w, h, null, 0, w);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int p : pixels) {
            counts.merge(p & 0xFFFFFF, 1, Integer::sum);
        }
        List<Map.Entry<Integer, Integer>> byUse = new ArrayList<>(counts.entrySet());
        byUse.sort((a, b) -> b.getValue().equals(a.getValue()) ? Integer.compare(a.getKey(), b.getKey())
                : Integer.compare(b.getValue(), a.getValue()));
        int[] palette = new int[COLOURS];
        int size = 0;
        for (int pass = 0; pass < 2 && size < COLOURS; pass++) {
            int same = pass == 0 ? SAME : 0;
            for (Map.Entry<Integer, Integer> e : byUse) {
                if (size == COLOURS) {
                    break;
                }
                int c = e.getKey();
                if (nearest(palette, size, c)[1] > same) {
                    palette[size++] = c;
                }
            }
        }
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        int colours = size;
        int bits = size <= 2 ? 1 : size <= 4 ? 2 : size <= 16 ? 4 : 8;
        IndexColorModel model = new IndexColorModel(bits, size, r, g, b);
        BufferedImage indexed = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
        Map<Integer, Integer> index = new HashMap<>();
        byte[] row = new byte[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = pixels[y * w + x] & 0xFFFFFF;
                row[x] = (byte) (int) index.computeIfAbsent(c, k -> nearest(palette, colours, k)[0]);
            }
            indexed.getRaster().setDataElements(0, y, w, 1, row);
        }
        ImageIO.write(indexed, "png", file.toFile());
    }

    /** {index, squared distance} of the palette colour nearest to {@code c}. */
    private static int[] nearest(int[] palette, int size, int c) {
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            int dr = ((palette[i] >> 16) & 0xFF) - ((c >> 16) & 0xFF);
            int dg = ((palette[i] >> 8) & 0xFF) - ((c >> 8) & 0xFF);
            int db = (palette[i] & 0xFF) - (c & 0xFF);
            int d = dr * dr + dg * dg + db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return new int[] {best, bestDistance};
    }
}
