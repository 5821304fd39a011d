package org.perfdesk.exchange.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hashes as lower-case hex, the way the manifest and sha256sum (or {@code openssl dgst -sm3}) write them.
 * Every byte hashed through here is counted ({@link #digested()}), so {@code bench exchange} can show how
 * many times a package's bytes pass through a digest, a figure machine load does not change.
 */
public final class Hashing {
    private static final LongAdder DIGESTED = new LongAdder();

    private Hashing() {
    }

    /** Bytes hashed through this class since the program started (all threads, all suites). */
    public static long digested() {
        return DIGESTED.sum();
    }

    /** Counts bytes hashed elsewhere in this package with a suite's digest ({@link PackingStream}). */
    static void counted(long bytes) {
        DIGESTED.add(bytes);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    public static String sha256(byte[] data) {
        DIGESTED.add(data.length);
        return hex(sha256().digest(data));
    }

    /** A file's hash under a suite (SHA-256 or SM3), as lower-case hex. */
    public static String hash(org.perfdesk.exchange.crypto.Suite suite, Path file) throws IOException {
        return hash(suite.newDigest(), file);
    }

    /** Bytes' hash under a suite, as lower-case hex. */
    public static String hash(org.perfdesk.exchange.crypto.Suite suite, byte[] data) {
        DIGESTED.add(data.length);
        return hex(suite.newDigest().digest(data));
    }

    public static String sha256(Path file) throws IOException {
        return hash(sha256(), file);
    }

    private static String hash(MessageDigest md, Path file) throws IOException {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                DIGESTED.add(n);
            }
        }
        return hex(md.digest());
    }
}
