import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws PerfDesk's icons and writes them in the three formats jpackage wants: PNG (Linux),
 * ICO (Windows) and ICNS (macOS). Drawn as shapes at every size, so small icons stay sharp,
 * and with no font, so the result is the same on any machine.
 *
 * <pre>java packaging/icons/MakeIcons.java packaging/icons</pre>
 *
 * The produced files are committed; run this again only to change the drawing.
 */
public final class MakeIcons {
    private static final Color BLUE_TOP = new Color(0x2F, 0x74, 0xD6);
    private static final Color BLUE_BOTTOM = new Color(0x17, 0x4A, 0x96);
    private static final Color GOLD = new Color(0xFF, 0xC5, 0x3D);

    private interface Painter {
        void paint(Graphics2D g, int size);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "packaging/icons");
        Files.createDirectories(dir);
        write(dir, "perfdesk", MakeIcons::paintApp);
        write(dir, "perfpkg", MakeIcons::paintPackage);
    }

    private static void write(Path dir, String name, Painter painter) throws IOException {
        Files.write(dir.resolve(name + ".png"), png(render(painter, 256)));
        Files.write(dir.resolve(name + ".ico"), ico(painter));
        Files.write(dir.resolve(name + ".icns"), icns(painter));
    }

    /** The application: a blue tile with rising bars and a gold trend arrow (the arrow from 32 px up). */
    private static void paintApp(Graphics2D g, int s) {
        double inset = s * 0.04;
        double side = s - 2 * inset;
        g.setPaint(new GradientPaint(0, (float) inset, BLUE_TOP, 0, (float) (inset + side), BLUE_BOTTOM));
        g.fill(new RoundRectangle2D.Double(inset, inset, side, side, s * 0.36, s * 0.36));
        paintMark(g, 0, 0, s, s >= 32);
    }

    /** Bars and arrow inside the square (x, y, size); shared by the app icon and the package icon. */
    private static void paintMark(Graphics2D g, double x, double y, double s, boolean arrow) {
        double base = y + s * 0.78;
        double width = s * 0.14;
        double[] left = {0.20, 0.43, 0.66};
        double[] height = {0.20, 0.33, 0.48};
        g.setColor(Color.WHITE);
        for (int i = 0; i < 3; i++) {
            double top = base - s * height[i];
            g.fill(new RoundRectangle2D.Double(x + s * left[i], top, width, base - top, s * 0.04, s * 0.04));
        }
        if (!arrow) {
            return;
        }
        // A rising line over the bars, ending in an arrow head at the top right.
        Path2D line = new Path2D.Double();
        line.moveTo(x + s * 0.17, y + s * 0.50);
        line.lineTo(x + s * 0.40, y + s * 0.33);
        line.lineTo(x + s * 0.55, y + s * 0.41);
        line.lineTo(x + s * 0.74, y + s * 0.22);
        g.setColor(GOLD);
        g.setStroke(new BasicStroke((float) (s * 0.055), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        Path2D head = new Path2D.Double();
        head.moveTo(x + s * 0.84, y + s * 0.12);
        head.lineTo(x + s * 0.83, y + s * 0.32);
        head.lineTo(x + s * 0.64, y + s * 0.13);
        head.closePath();
        g.fill(head);
    }

    /** A package file: a white sheet with a folded corner carrying the small blue tile. */
    private static void paintPackage(Graphics2D g, int s) {
        double l = s * 0.14, r = s * 0.86, t = s * 0.04, b = s * 0.96, fold = s * 0.22;
        Path2D sheet = new Path2D.Double();
        sheet.moveTo(l, t);
        sheet.lineTo(r - fold, t);
        sheet.lineTo(r, t + fold);
        sheet.lineTo(r, b);
        sheet.lineTo(l, b);
        sheet.closePath();
        g.setColor(Color.WHITE);
        g.fill(sheet);
        g.setColor(new Color(0x8A, 0x96, 0xA8));
        g.setStroke(new BasicStroke((float) Math.max(1, s * 0.02), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(sheet);
        Path2D corner = new Path2D.Double();
        corner.moveTo(r - fold, t);
        corner.lineTo(r - fold, t + fold);
        corner.lineTo(r, t + fold);
        g.draw(corner);
        double tile = s * 0.52;
        double tx = (s - tile) / 2, ty = s * 0.38;
        g.setPaint(new GradientPaint(0, (float) ty, BLUE_TOP, 0, (float) (ty + tile), BLUE_BOTTOM));
        g.fill(new RoundRectangle2D.Double(tx, ty, tile, tile, tile * 0.36, tile * 0.36));
        paintMark(g, tx, ty, tile, s >= 48);
    }

    private static BufferedImage render(Painter painter, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        painter.paint(g, size);
        g.dispose();
        return img;
    }

    private static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * ICO with 16…256 px: 32-bit BMP entries below 256 px (every Windows reads them, also in
     * resource editors), a PNG entry at 256 px (Vista and later).
     */
    private static byte[] ico(Painter painter) throws IOException {
        int[] sizes = {16, 20, 24, 32, 40, 48, 64, 128, 256};
        byte[][] images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            BufferedImage img = render(painter, sizes[i]);
            images[i] = sizes[i] >= 256 ? png(img) : dib(img);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LittleEndian out = new LittleEndian(bytes);
        out.u16(0).u16(1).u16(sizes.length);
        int offset = 6 + 16 * sizes.length;
        for (int i = 0; i < sizes.length; i++) {
            out.u8(sizes[i] >= 256 ? 0 : sizes[i]).u8(sizes[i] >= 256 ? 0 : sizes[i]).u8(0).u8(0);
            out.u16(1).u16(32).u32(images[i].length).u32(offset);
            offset += images[i].length;
        }
        for (byte[] image : images) {
            bytes.write(image);
        }
        return bytes.toByteArray();
    }

    /** A BMP as ICO stores it: header with double height, BGRA rows bottom-up, then an all-zero AND mask. */
    private static byte[] dib(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        int maskRow = ((w + 31) / 32) * 4;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LittleEndian out = new LittleEndian(bytes);
        out.u32(40).u32(w).u32(2 * h).u16(1).u16(32).u32(0).u32(w * h * 4 + maskRow * h).u32(0).u32(0).u32(0).u32(0);
        for (int y = h - 1; y >= 0; y--) {
            for (int x = 0; x < w; x++) {
                int argb = img.getRGB(x, y);
                out.u8(argb).u8(argb >>> 8).u8(argb >>> 16).u8(argb >>> 24);
            }
        }
        for (int i = 0; i < maskRow * h; i++) {
            out.u8(0);
        }
        return bytes.toByteArray();
    }

    /** ICNS with PNG entries, which macOS 10.7 and later read, from 16 px to 1024 px (512@2x). */
    private static byte[] icns(Painter painter) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("ic11", 32);
        types.put("ic12", 64);
        types.put("ic07", 128);
        types.put("ic13", 256);
        types.put("ic08", 256);
        types.put("ic14", 512);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        for (Map.Entry<String, Integer> e : types.entrySet()) {
            byte[] data = png(render(painter, e.getValue()));
            out.writeBytes(e.getKey());
            out.writeInt(8 + data.length);
            out.write(data);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(8 + body.size());
        body.writeTo(file);
        return file.toByteArray();
    }

    private static final class LittleEndian {
        private final ByteArrayOutputStream out;

        LittleEndian(ByteArrayOutputStream out) {
            this.out = out;
        }

        LittleEndian u8(int v) {
            out.write(v & 0xFF);
            return this;
        }

        LittleEndian u16(int v) {
            return u8(v).u8(v >>> 8);
        }

        LittleEndian u32(int v) {
            return u16(v).u16(v >>> 16);
        }
    }
}
