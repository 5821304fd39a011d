package org.perfdesk.exchange.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

/** Evidence that is compressed already is stored; JSON is deflated; both open to the same bytes. */
class CompressionTest {
    private static final byte[] KEY = new byte[32];
    private static final String PACKAGE = "5b8f8a52-1c1e-4c55-8f2c-0d1c3f6b9a10";

    @Test
    void aPhotoIsStoredAndJsonIsDeflatedAndBothOpenToTheSameBytes() throws Exception {
        byte[] photo = new byte[300_000];
        new Random(7).nextBytes(photo); // as incompressible as a JPEG
        byte[] json = "{\"title\":\"完成项目数\",\"weight\":\"10\"},".repeat(10_000).getBytes(StandardCharsets.UTF_8);

        assertThat(Compression.levelFor(photo, photo.length)).isEqualTo(Deflater.NO_COMPRESSION);
        assertThat(Compression.levelFor(json, json.length)).isEqualTo(Deflater.BEST_SPEED);

        byte[] sealedPhoto = Envelope.seal(KEY, PACKAGE, 1, photo);
        byte[] sealedJson = Envelope.seal(KEY, PACKAGE, 2, json);
        // Stored blocks add 5 bytes per 64 KiB and the tag 16: never the growth deflating random bytes gives.
        assertThat(sealedPhoto.length).isBetween(photo.length, photo.length + 64);
        assertThat(sealedJson.length).isLessThan(json.length / 10);
        assertThat(Envelope.open(KEY, PACKAGE, 1, sealedPhoto, photo.length)).isEqualTo(photo);
        assertThat(Envelope.open(KEY, PACKAGE, 2, sealedJson, json.length)).isEqualTo(json);
    }

    @Test
    void aShortOrHalfCompressibleEntryIsStillDeflated() {
        byte[] small = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] mixed = new byte[200_000];
        new Random(8).nextBytes(mixed);
        java.util.Arrays.fill(mixed, 0, 40_000, (byte) 'a'); // a document with a large plain part up front
        assertThat(Compression.levelFor(small, small.length)).isEqualTo(Deflater.BEST_SPEED);
        assertThat(Compression.levelFor(mixed, mixed.length)).isEqualTo(Deflater.BEST_SPEED);
    }
}
