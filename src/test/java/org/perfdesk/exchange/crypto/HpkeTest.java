package org.perfdesk.exchange.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;

import org.junit.jupiter.api.Test;

/**
 * RFC 9180, Appendix A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode. Every
 * intermediate value the RFC lists is compared. Packages use AES-256-GCM (aead_id 2), which differs
 * only in the suite id and the key length; {@code EnvelopeTest} holds a vector for that suite,
 * checked against an independent implementation (Python's cryptography, see package-format.md §10).
 */
class HpkeTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] INFO = HEX.parseHex("4f6465206f6e2061204772656369616e2055726e");
    private static final byte[] PT = HEX.parseHex("4265617574792069732074727574682c20747275746820626561757479");

    private static KeyPair ephemeral() {
        return X25519.pairOf(X25519.privateFromRaw(
                HEX.parseHex("52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736")));
    }

    private static KeyPair recipient() {
        return X25519.pairOf(X25519.privateFromRaw(
                HEX.parseHex("4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8")));
    }

    @Test
    void derivedKeyPairsAreTheRfcs() {
        KeyPair e = Hpke.deriveKeyPair(HEX.parseHex("7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234"));
        KeyPair r = Hpke.deriveKeyPair(HEX.parseHex("6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037"));
        assertThat(HEX.formatHex(X25519.rawPrivate(e.getPrivate())))
                .isEqualTo("52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736");
        assertThat(HEX.formatHex(X25519.raw(e.getPublic())))
                .isEqualTo("37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431");
        assertThat(HEX.formatHex(X25519.rawPrivate(r.getPrivate())))
                .isEqualTo("4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8");
        assertThat(HEX.formatHex(X25519.raw(r.getPublic())))
                .isEqualTo("3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d");
    }

    @Test
    void keyScheduleAndEncryptionsOfA11() throws Exception {
        byte[] enc = X25519.raw(ephemeral().getPublic());
        byte[] shared = Hpke.decap(enc, recipient());
        assertThat(HEX.formatHex(shared)).isEqualTo("fe0e18c9f024ce43799ae393c7e8fe8fce9d218875e8227b0187c04e7d2ea1fc");
        Hpke.Context ctx = Hpke.keySchedule(Hpke.Aead.AES_128_GCM, shared, INFO);
        assertThat(HEX.formatHex(ctx.keyScheduleContext())).isEqualTo("00725611c9d98c07c03f60095cd32d400d8347d45ed670"
                + "97bbad50fc56da742d07cb6cffde367bb0565ba28bb02c90744a20f5ef37f30523526106f637abb05449");
        assertThat(HEX.formatHex(ctx.secret())).isEqualTo("12fff91991e93b48de37e7daddb52981084bd8aa64289c3788471d9a9712f397");
        assertThat(HEX.formatHex(ctx.key())).isEqualTo("4531685d41d65f03dc48f6b8302c05b0");
        assertThat(HEX.formatHex(ctx.baseNonce())).isEqualTo("56d890e5accaaf011cff4b7d");
        assertThat(HEX.formatHex(ctx.exporterSecret()))
                .isEqualTo("45ff1c2e220db587171952c0592d5f5ebe103f1561a2614e38f2ffd47e99e3f8");
        // A.1.1.1, sequence numbers 0 and 1.
        assertThat(HEX.formatHex(ctx.seal(HEX.parseHex("436f756e742d30"), PT, 0))).isEqualTo(
                "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a");
        assertThat(HEX.formatHex(ctx.seal(HEX.parseHex("436f756e742d31"), PT, 1))).isEqualTo(
                "af2d7e9ac9ae7e270f46ba1f975be53c09f8d875bdc8535458c2494e8a6eab251c03d0c22a56b8ca42c2063b84");
    }

    @Test
    void sealWithTheRfcEphemeralKeyGivesItsEncAndCiphertextAndOpens() throws Exception {
        Hpke.Sealed s = Hpke.seal(recipient().getPublic(), ephemeral(), INFO, HEX.parseHex("436f756e742d30"), PT,
                Hpke.Aead.AES_128_GCM);
        assertThat(HEX.formatHex(s.enc())).isEqualTo("37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431");
        assertThat(HEX.formatHex(s.ciphertext())).isEqualTo(
                "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a");
        assertThat(Hpke.open(recipient(), s.enc(), INFO, HEX.parseHex("436f756e742d30"), s.ciphertext(),
                Hpke.Aead.AES_128_GCM)).isEqualTo(PT);
    }

    @Test
    void anyChangeOrAnotherKeyFailsToOpen() {
        Hpke.Sealed s = Hpke.seal(recipient().getPublic(), INFO, new byte[0], PT, Hpke.Aead.AES_256_GCM);
        byte[] flipped = s.ciphertext().clone();
        flipped[3] ^= 1;
        assertThatThrownBy(() -> Hpke.open(recipient(), s.enc(), INFO, new byte[0], flipped, Hpke.Aead.AES_256_GCM))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> Hpke.open(X25519.generate(), s.enc(), INFO, new byte[0], s.ciphertext(),
                Hpke.Aead.AES_256_GCM)).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> Hpke.open(recipient(), s.enc(), new byte[] {1}, new byte[0], s.ciphertext(),
                Hpke.Aead.AES_256_GCM)).isInstanceOf(AEADBadTagException.class);
    }
}
