package org.perfdesk.exchange.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.DataFormatException;

import javax.crypto.AEADBadTagException;

import org.junit.jupiter.api.Test;

/**
 * The package sealing with fixed keys → fixed output: the vector printed in package-format.md §10.
 * The same values come out of {@code src/site/resources/perfdesk-unseal.py}'s functions (Python's
 * cryptography for X25519 and AES-GCM, HKDF and HPKE's labelled steps written out separately), so
 * two implementations agree on the AES-256-GCM suite for which RFC 9180 prints no vector.
 */
class EnvelopeTest {
    private static final HexFormat HEX = HexFormat.of();
    static final String PACKAGE_ID = "00000000-0000-4000-8000-000000000001";
    static final String SENDER_KEY_ID = "0123456789abcdef0123456789abcdef";
    static final byte[] PLAINTEXT = "{\"title\":\"推进重点工作\"}".getBytes(StandardCharsets.UTF_8);

    private static byte[] bytes(int from) {
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    private static final KeyPair RECIPIENT = X25519.pairOf(X25519.privateFromRaw(bytes(0x00)));
    private static final KeyPair EPHEMERAL = X25519.pairOf(X25519.privateFromRaw(bytes(0x20)));
    private static final byte[] CONTENT_KEY = bytes(0x40);
    private static final String WRAPPED =
            "bc315ddf8004da51670717f959d228ed87676f89ad499037bb5df917000813845805ab27e6cb7f1f68bd0effed41a9f1";
    private static final String SEALED_ENTRY_1 =
            "18f859f8be6fad14a2d8f31f3b01a8930a77f1e29b2589d8df82b7d2adbc8261c6f677ff72575e15c7f3cd7c52a34a164f";

    /** Encryption hands AES-GCM its input in pieces; the sealed bytes must be those of one call, at every edge. */
    @Test
    void sealingInPiecesGivesTheBytesOfOneCall() throws Exception {
        java.util.Random random = new java.util.Random(7);
        for (int size : new int[] {0, 1, 15, 16, 2047, 2048, 2049, 4096, 100_003}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            javax.crypto.Cipher one = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            one.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(CONTENT_KEY, "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, Envelope.nonce(3)));
            one.updateAAD(Envelope.aad(PACKAGE_ID, 3));
            byte[] sealed = Envelope.sealDeflated(CONTENT_KEY, PACKAGE_ID, 3, data);
            assertThat(sealed).as("size %d", size).isEqualTo(one.doFinal(data));
        }
    }

    @Test
    void fixedKeysGiveTheDocumentedVector() throws Exception {
        assertThat(HEX.formatHex(X25519.raw(RECIPIENT.getPublic())))
                .isEqualTo("8f40c5adb68f25624ae5b214ea767a6ec94d829d3d7b5e1ad1ba6f3e2138285f");
        assertThat(X25519.toBase64(RECIPIENT.getPublic())).isEqualTo("MCowBQYDK2VuAyEAj0DFrbaPJWJK5bIU6nZ6bslNgp09e14a0bpvPiE4KF8=");
        Envelope.Wrapped w = Envelope.wrap(CONTENT_KEY, RECIPIENT.getPublic(), EPHEMERAL, PACKAGE_ID, SENDER_KEY_ID);
        assertThat(w.keyId()).isEqualTo("c30703c0c265fc4a73267bf1ca5e77ff");
        assertThat(HEX.formatHex(w.enc())).isEqualTo("358072d6365880d1aeea329adf9121383851ed21a28e3b75e965d0d2cd166254");
        assertThat(HEX.formatHex(w.wrappedKey())).isEqualTo(WRAPPED);
        assertThat(Envelope.unwrap(w, RECIPIENT, PACKAGE_ID, SENDER_KEY_ID)).isEqualTo(CONTENT_KEY);

        assertThat(HEX.formatHex(Envelope.seal(CONTENT_KEY, PACKAGE_ID, 1, PLAINTEXT))).isEqualTo(SEALED_ENTRY_1);
        assertThat(Envelope.open(CONTENT_KEY, PACKAGE_ID, 1, HEX.parseHex(SEALED_ENTRY_1), PLAINTEXT.length))
                .isEqualTo(PLAINTEXT);
    }

    @Test
    void aWrappedKeyOpensOnlyForItsRecipientPackageAndSender() {
        Envelope.Wrapped w = Envelope.wrap(CONTENT_KEY, RECIPIENT.getPublic(), PACKAGE_ID, SENDER_KEY_ID);
        assertThatThrownBy(() -> Envelope.unwrap(w, X25519.generate(), PACKAGE_ID, SENDER_KEY_ID))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> Envelope.unwrap(w, RECIPIENT, "00000000-0000-4000-8000-000000000002", SENDER_KEY_ID))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> Envelope.unwrap(w, RECIPIENT, PACKAGE_ID, "f".repeat(32)))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> Envelope.unwrap(new Envelope.Wrapped(w.keyId(), new byte[32], w.wrappedKey()),
                RECIPIENT, PACKAGE_ID, SENDER_KEY_ID)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void anEntryOpensOnlyUnchangedAtItsIndexInItsPackage() {
        byte[] sealed = HEX.parseHex(SEALED_ENTRY_1);
        for (int i = 0; i < sealed.length; i++) {
            byte[] flipped = sealed.clone();
            flipped[i] ^= 0x01;
            assertThatThrownBy(() -> Envelope.open(CONTENT_KEY, PACKAGE_ID, 1, flipped, PLAINTEXT.length))
                    .isInstanceOf(AEADBadTagException.class);
        }
        assertThatThrownBy(() -> Envelope.open(CONTENT_KEY, PACKAGE_ID, 2, sealed, PLAINTEXT.length))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> Envelope.open(CONTENT_KEY, "00000000-0000-4000-8000-000000000002", 1, sealed,
                PLAINTEXT.length)).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> Envelope.open(CONTENT_KEY, PACKAGE_ID, 1, Arrays.copyOf(sealed, sealed.length - 1),
                PLAINTEXT.length)).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> Envelope.open(CONTENT_KEY, PACKAGE_ID, 1, new byte[5], PLAINTEXT.length))
                .isInstanceOf(AEADBadTagException.class);
        // The declared size is a hard bound: one byte less or more is refused.
        assertThatThrownBy(() -> Envelope.open(CONTENT_KEY, PACKAGE_ID, 1, sealed, PLAINTEXT.length - 1))
                .isInstanceOf(DataFormatException.class);
        assertThatThrownBy(() -> Envelope.open(CONTENT_KEY, PACKAGE_ID, 1, sealed, PLAINTEXT.length + 1))
                .isInstanceOf(DataFormatException.class);
    }

    @Test
    void anEmptyEntryAndALargeOneRoundTrip() throws Exception {
        byte[] key = Envelope.newContentKey();
        assertThat(Envelope.open(key, PACKAGE_ID, 7, Envelope.seal(key, PACKAGE_ID, 7, new byte[0]), 0)).isEmpty();
        byte[] big = new byte[3 << 20];
        new java.util.Random(3).nextBytes(big);
        assertThat(Envelope.open(key, PACKAGE_ID, 0, Envelope.seal(key, PACKAGE_ID, 0, big), big.length)).isEqualTo(big);
    }
}
