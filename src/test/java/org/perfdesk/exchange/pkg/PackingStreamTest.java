package org.perfdesk.exchange.pkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.perfdesk.exchange.crypto.Suite;

/**
 * An entry hashed and compressed while it is written must seal to exactly what sealing the finished
 * bytes gives: the same hash in the table of contents, the same sealed bytes (so every reader opens it
 * as before), for an entry of any size, written in pieces of any size, under both suites.
 */
class PackingStreamTest {
    private static final String PACKAGE = "5b8f8a52-1c1e-4c55-8f2c-0d1c3f6b9a10";

    @Test
    void packedWhileWrittenSealsToTheSameBytesAsSealingTheWhole() throws IOException {
        byte[] json = "{\"title\":\"完成项目数\",\"weight\":\"10\"},".repeat(12_000).getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[200_000];
        new Random(15).nextBytes(random); // incompressible: stored, decided on the first 64 KiB as before
        byte[][] entries = {new byte[0], "{}".getBytes(StandardCharsets.UTF_8), slice(json, 64 * 1024),
            slice(json, 64 * 1024 + 1), json, random};
        for (Suite suite : Suite.all()) {
            byte[] key = suite.newContentKey();
            for (byte[] plain : entries) {
                for (int piece : new int[] {1, 7_000, 1 << 20}) {
                    if (piece == 1 && plain.length > 70_000) {
                        continue; // byte by byte only where it is quick
                    }
                    PackingStream.Packed packed = pack(suite, plain, piece);
                    String what = suite.id() + ", " + plain.length + " bytes in pieces of " + piece;
                    assertArrayEquals(plain, packed.plain(), what);
                    assertEquals(Hashing.hash(suite, plain), packed.hash(), what);
                    assertArrayEquals(suite.seal(key, PACKAGE, 3, plain),
                            suite.sealDeflated(key, PACKAGE, 3, packed.deflated()), what);
                }
            }
        }
    }

    private static PackingStream.Packed pack(Suite suite, byte[] plain, int piece) throws IOException {
        PackingStream out = new PackingStream(suite);
        for (int at = 0; at < plain.length; at += piece) {
            out.write(plain, at, Math.min(piece, plain.length - at));
        }
        return out.packed();
    }

    private static byte[] slice(byte[] b, int n) {
        return java.util.Arrays.copyOf(b, n);
    }
}
