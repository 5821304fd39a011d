package org.perfdesk.exchange.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * The gm-1 algorithms against the examples printed in their standards: SM3 (GB/T 32905-2016 A.1, A.2),
 * SM4 (GB/T 32907-2016 A.1; the 1,000,000-round A.2 runs in the proof profile, {@code
 * proof/Sm4MillionRoundsTest}), SM2 signature and encryption on the recommended curve sm2p256v1
 * (GM/T 0003.5-2012 = GB/T 32918.5-2017 Annex C, with the distinguishing ID 1234567812345678), and
 * SM4-GCM (RFC 8998 A.1).
 */
class GmKnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();

    // GM/T 0003.5 Annex C: the key, the nonce k, and what they give.
    private static final BigInteger D = new BigInteger("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8", 16);
    private static final BigInteger PX = new BigInteger("09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020", 16);
    private static final BigInteger PY = new BigInteger("CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13", 16);
    private static final String K = "59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21";
    private static final BigInteger R = new BigInteger("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3", 16);
    private static final BigInteger S = new BigInteger("B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA", 16);
    private static final byte[] SIGNED = "message digest".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENCRYPTED = "encryption standard".getBytes(StandardCharsets.US_ASCII);
    private static final String C1X = "04EBFC718E8D1798620432268E77FEB6415E2EDE0E073C0F4F640ECD2E149A73";
    private static final String C1Y = "E858F9D81E5430A57B36DAAB8F950A3C64E6EE6A63094D99283AFF767E124DF0";
    private static final String C3 = "59983C18F809E262923C53AEC295D30383B54E39D609D160AFCB1908D0BD8766";
    private static final String C2 = "21886CA989CA9C7D58087307CA93092D651EFA";

    @Test
    void sm3HashesTheStandardsExamples() {
        assertThat(HEX.formatHex(Sm3.hash("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(HEX.formatHex(Suite.GM.hash("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void sm4EncryptsAndDecryptsTheStandardsBlock() {
        byte[] keyAndPlaintext = HEX.parseHex("0123456789abcdeffedcba9876543210");
        BlockCipher sm4 = Sm4Gcm.engine();
        assertThat(sm4).isInstanceOf(SM4Engine.class); // the class the proof profile runs a million rounds of
        byte[] out = new byte[16];
        sm4.init(true, new KeyParameter(keyAndPlaintext));
        sm4.processBlock(keyAndPlaintext, 0, out, 0);
        assertThat(HEX.formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
        sm4.init(false, new KeyParameter(keyAndPlaintext));
        byte[] back = new byte[16];
        sm4.processBlock(out, 0, back, 0);
        assertThat(back).isEqualTo(keyAndPlaintext);
    }

    @Test
    void sm2VerifiesTheStandardsSignature() {
        PublicKey key = Sm2.publicKey(PX, PY);
        byte[] der = der(new ASN1Integer(R), new ASN1Integer(S));

        assertThat(Sm2.verify(key, SIGNED, der)).isTrue();
        assertThat(Suite.GM.verify(Suite.GM.signingKey(key.getEncoded()), SIGNED, der)).isTrue();
        assertThat(Sm2.verify(key, "message digesT".getBytes(StandardCharsets.US_ASCII), der)).isFalse();
        assertThat(Sm2.verify(key, SIGNED, der(new ASN1Integer(R), new ASN1Integer(S.add(BigInteger.ONE))))).isFalse();
        // r ‖ s without DER is not what the format carries, and is refused
        byte[] raw = HEX.parseHex(String.format("%064x%064x", R, S));
        assertThat(Sm2.verify(key, SIGNED, raw)).isFalse();
    }

    @Test
    void sm2SignsLikeTheStandardWithItsKeyAndNonce() {
        KeyPair pair = Sm2.pairOf(D);
        assertThat(pair.getPublic().getEncoded()).isEqualTo(Sm2.publicKey(PX, PY).getEncoded());

        byte[] signature = Sm2.sign(pair.getPrivate(), SIGNED, fixed(K));

        assertThat(signature).isEqualTo(der(new ASN1Integer(R), new ASN1Integer(S)));
    }

    @Test
    void sm2DecryptsTheStandardsCiphertextAndEncryptsItAgainWithItsNonce() throws GeneralSecurityException {
        KeyPair pair = Sm2.pairOf(D);
        byte[] published = der(new ASN1Integer(new BigInteger(C1X, 16)), new ASN1Integer(new BigInteger(C1Y, 16)),
                new DEROctetString(HEX.parseHex(C3)), new DEROctetString(HEX.parseHex(C2)));

        assertThat(Sm2.decrypt(pair.getPrivate(), published)).isEqualTo(ENCRYPTED);
        assertThat(Sm2.encrypt(pair.getPublic(), ENCRYPTED, fixed(K))).isEqualTo(published);

        byte[] changed = published.clone();
        changed[changed.length - 1] ^= 1; // the last byte of C2: C3 no longer matches
        assertThatThrownBy(() -> Sm2.decrypt(pair.getPrivate(), changed)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> Sm2.decrypt(Sm2.generate().getPrivate(), published))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void sm2EncryptionRoundTripsWithFreshKeys() throws GeneralSecurityException {
        KeyPair pair = Sm2.generate();
        byte[] contentKey = GmEnvelope.newContentKey();

        byte[] first = Sm2.encrypt(pair.getPublic(), contentKey);
        byte[] second = Sm2.encrypt(pair.getPublic(), contentKey);

        assertThat(first).isNotEqualTo(second); // a fresh k each time
        assertThat(Sm2.decrypt(pair.getPrivate(), first)).isEqualTo(contentKey);
        assertThat(Sm2.decrypt(pair.getPrivate(), second)).isEqualTo(contentKey);
    }

    @Test
    void sm4GcmGivesRfc8998sVector() throws AEADBadTagException {
        byte[] key = HEX.parseHex("0123456789ABCDEFFEDCBA9876543210");
        byte[] iv = HEX.parseHex("00001234567800000000ABCD");
        byte[] aad = HEX.parseHex("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        byte[] plaintext = HEX.parseHex("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
                + "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        String expected = "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
                + "83de3541e4c2b58177e065a9bf7b62ec";

        assertThat(HEX.formatHex(Sm4Gcm.seal(key, iv, aad, plaintext))).isEqualTo(expected);
        assertThat(Sm4Gcm.open(key, iv, aad, HEX.parseHex(expected))).isEqualTo(plaintext);

        byte[] changedTag = HEX.parseHex(expected);
        changedTag[changedTag.length - 1] ^= 1;
        assertThatThrownBy(() -> Sm4Gcm.open(key, iv, aad, changedTag)).isInstanceOf(AEADBadTagException.class);
        byte[] otherAad = aad.clone();
        otherAad[0] ^= 1;
        assertThatThrownBy(() -> Sm4Gcm.open(key, iv, otherAad, HEX.parseHex(expected)))
                .isInstanceOf(AEADBadTagException.class);
    }

    private static byte[] der(ASN1Encodable... items) {
        try {
            return new DERSequence(items).getEncoded(ASN1Encoding.DER);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random source that yields the standard's k (Bouncy Castle draws k as 32 bytes, big-endian). */
    private static SecureRandom fixed(String hex) {
        byte[] k = HEX.parseHex(hex);
        return new SecureRandom() {
            private static final long serialVersionUID = 1L;
            private int at;

            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = k[at++ % k.length];
                }
            }
        };
    }
}
