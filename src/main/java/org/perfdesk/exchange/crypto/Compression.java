package org.perfdesk.exchange.crypto;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * Levels already decided, by the SHA-256 of the sample they were decided on. The level is a function of
     * those bytes alone, so a sample seen before gets the same level without deflating it again: each
     * export of a unit carries the same evidence files, and trying 64 KiB of a photo (1 ms) ten times was
     * a tenth of a warm export's CPU; hashing the sample costs a twentieth of that. Digests only, a few
     * thousand at most (forgotten all at once beyond that).
     */
    private static final Map<ByteBuffer, Integer> DECIDED = new ConcurrentHashMap<>();
    private static final int REMEMBERED = 4096;

    /** The deflate level for bytes starting with {@code data[0 .. length)}. */
    public static int levelFor(byte[] data, int length) {
        int n = Math.min(length, SAMPLE);
        if (n < 1024) {
            return Deflater.BEST_SPEED;
        }
        ByteBuffer sample = sampleDigest(data, n);
        Integer known = DECIDED.get(sample);
        if (known != null) {
            return known;
        }
        int level = tried(data, n);
        if (DECIDED.size() >= REMEMBERED) {
            DECIDED.clear();
        }
        DECIDED.put(sample, level);
        return level;
    }

    private static ByteBuffer sampleDigest(byte[] data, int n) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(data, 0, n);
            return ByteBuffer.wrap(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deflates the first {@code n} bytes at the fastest level and judges what that saves. */
    private static int tried(byte[] data, int n) {
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
