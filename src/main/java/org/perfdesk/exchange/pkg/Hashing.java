package org.perfdesk.exchange.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashes as lower-case hex, the way the manifest and sha256sum (or {@code openssl dgst -sm3}) write them. */
public final class Hashing {
    private Hashing() {
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
        return hex(sha256().digest(data));
    }

    /** A file's hash under a suite (SHA-256 or SM3), as lower-case hex. */
    public static String hash(org.perfdesk.exchange.crypto.Suite suite, Path file) throws IOException {
        return hash(suite.newDigest(), file);
    }

    /** Bytes' hash under a suite, as lower-case hex. */
    public static String hash(org.perfdesk.exchange.crypto.Suite suite, byte[] data) {
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
            }
        }
        return hex(md.digest());
    }
}
