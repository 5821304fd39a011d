package org.perfdesk.exchange.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** RFC 7748 §6.1 with the JDK's provider, the raw form HPKE uses, ids and the all-zero check. */
class X25519Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc7748Section61() {
        var alice = X25519.privateFromRaw(HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        var bob = X25519.privateFromRaw(HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        var alicePublic = X25519.publicOf(alice);
        var bobPublic = X25519.publicOf(bob);
        assertThat(HEX.formatHex(X25519.raw(alicePublic)))
                .isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        assertThat(HEX.formatHex(X25519.raw(bobPublic)))
                .isEqualTo("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        assertThat(HEX.formatHex(X25519.dh(alice, bobPublic))).isEqualTo(shared);
        assertThat(HEX.formatHex(X25519.dh(bob, X25519.fromRaw(X25519.raw(alicePublic))))).isEqualTo(shared);
    }

    @Test
    void base64IdsAndRawRoundTrip() {
        KeyPair pair = X25519.generate();
        String b64 = X25519.toBase64(pair.getPublic());
        assertThat(b64).startsWith("MCowBQYDK2VuAyEA").hasSize(60);
        assertThat(X25519.fromBase64(b64)).isEqualTo(pair.getPublic());
        assertThat(X25519.keyId(pair.getPublic())).matches("[0-9a-f]{32}");
        assertThat(X25519.fromRaw(X25519.raw(pair.getPublic())).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(X25519.publicOf(pair.getPrivate()).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        // A signing key is not an encryption key.
        assertThatThrownBy(() -> X25519.fromBase64(Ed25519.toBase64(Ed25519.generate().getPublic())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSmallOrderPointIsRefused() {
        KeyPair pair = X25519.generate();
        assertThatThrownBy(() -> X25519.dh(pair.getPrivate(), X25519.fromRaw(new byte[32])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
