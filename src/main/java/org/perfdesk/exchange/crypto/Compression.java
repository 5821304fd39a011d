package org.perfdesk.exchange.crypto;

import java.util.zip.Deflater;

/**
 * How hard to compress an entry. Evidence is mostly photos, PDFs and Office files, which are compressed
 * already: deflating them again costs more time than anything else in an export and saves nothing, so
 * they are stored (deflate level 0, which every reader unpacks as usual). JSON is compressed at the
 * fastest level, which keeps nine tenths of the saving of the default level in half the time.
 */
public final class Compression {
    /** How much of the start of an entry is tried. */
    static final int SAMPLE = 64 * 1024;

    private Compression() {
    }

    /** The deflate level for bytes starting with {@code data[0 .. length)}. */
    public static int levelFor(byte[] data, int length) {
        int n = Math.min(length, SAMPLE);
        if (n < 1024) {
            return Deflater.BEST_SPEED;
        }
        Deflater probe = new Deflater(Deflater.BEST_SPEED, true);
        try {
            probe.setInput(data, 0, n);
            probe.finish();
            byte[] out = new byte[n + 64];
            int produced = 0;
            while (!probe.finished() && produced < out.length) {
                produced += probe.deflate(out, produced, out.length - produced);
            }
            // Less than 3 % saved: not worth the time to compress nor to unpack.
            return produced >= n * 0.97 ? Deflater.NO_COMPRESSION : Deflater.BEST_SPEED;
        } finally {
            probe.end();
        }
    }
}
