package org.perfdesk.exchange.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.DataFormatException;

import javax.crypto.AEADBadTagException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.pkg.Hashing;

/**
 * What every suite promises the package code, checked for both: signatures, keys and their ids,
 * wrapping, sealing and passphrase boxes each succeed for the right inputs and refuse anything else;
 * and intl-1 is today's cryptography byte for byte.
 */
class SuiteTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] DATA = "{\"format\":\"perfdesk-package/1\",\"sequence\":2}".getBytes(StandardCharsets.UTF_8);
    private static final String PACKAGE = "00000000-0000-4000-8000-000000000001";
    private static final String OTHER_PACKAGE = "00000000-0000-4000-8000-000000000002";
    private static final String SENDER = "0123456789abcdef0123456789abcdef";
    private static final byte[] ENTRY = "{\"title\":\"推进重点工作\",\"weight\":12.5}".repeat(40).getBytes(StandardCharsets.UTF_8);
    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();

    static List<Suite> suites() {
        return Suite.all();
    }

    private static Suite other(Suite suite) {
        return suite == Suite.INTL ? Suite.GM : Suite.INTL;
    }

    @ParameterizedTest
    @MethodSource("suites")
    void signaturesVerifyOnlyForTheSameDataAndKey(Suite suite) {
        KeyPair key = suite.newSigningKey();
        byte[] signature = suite.sign(key.getPrivate(), DATA);

        assertThat(signature.length).isLessThanOrEqualTo(suite.maxSignatureLength());
        assertThat(suite.verify(key.getPublic(), DATA, signature)).isTrue();
        byte[] changed = DATA.clone();
        changed[changed.length - 2] = '3';
        assertThat(suite.verify(key.getPublic(), changed, signature)).isFalse();
        assertThat(suite.verify(suite.newSigningKey().getPublic(), DATA, signature)).isFalse();
        assertThat(suite.verify(key.getPublic(), DATA, Arrays.copyOf(signature, signature.length - 1))).isFalse();
        assertThat(suite.verify(key.getPublic(), DATA, Arrays.copyOf(signature, signature.length + 1))).isFalse();
        assertThat(suite.verify(key.getPublic(), DATA, new byte[suite.maxSignatureLength() + 1])).isFalse();
        assertThat(suite.verify(key.getPublic(), DATA, null)).isFalse();
        // another suite's key or signature is simply not valid here
        Suite other = other(suite);
        KeyPair foreign = other.newSigningKey();
        assertThat(suite.verify(foreign.getPublic(), DATA, other.sign(foreign.getPrivate(), DATA))).isFalse();
        assertThat(other.verify(key.getPublic(), DATA, signature)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("suites")
    void publicKeysRoundTripAsSubjectPublicKeyInfoAndPemAndRefuseOtherKinds(Suite suite) {
        KeyPair signing = suite.newSigningKey();
        KeyPair encryption = suite.newEncryptionKey();

        assertThat(suite.signingKey(signing.getPublic().getEncoded()).getEncoded()).isEqualTo(signing.getPublic().getEncoded());
        assertThat(suite.encryptionKey(encryption.getPublic().getEncoded()).getEncoded())
                .isEqualTo(encryption.getPublic().getEncoded());
        String pem = suite.toPem(signing.getPublic());
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
        assertThat(suite.signingKeyFromPem(pem).getEncoded()).isEqualTo(signing.getPublic().getEncoded());

        Suite other = other(suite);
        byte[] foreign = other.newSigningKey().getPublic().getEncoded();
        assertThatThrownBy(() -> suite.signingKey(foreign)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> suite.encryptionKey(foreign)).isInstanceOf(IllegalArgumentException.class);
        byte[] cut = Arrays.copyOf(signing.getPublic().getEncoded(), signing.getPublic().getEncoded().length - 1);
        assertThatThrownBy(() -> suite.signingKey(cut)).isInstanceOf(IllegalArgumentException.class);
        byte[] longer = Arrays.copyOf(signing.getPublic().getEncoded(), signing.getPublic().getEncoded().length + 1);
        assertThatThrownBy(() -> suite.signingKey(longer)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> suite.signingKeyFromPem("not a key")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intl1KeepsSigningAndEncryptionKeysApartWhileGm1KeysAreAllSm2() {
        byte[] x25519 = Suite.INTL.newEncryptionKey().getPublic().getEncoded();
        assertThatThrownBy(() -> Suite.INTL.signingKey(x25519)).isInstanceOf(IllegalArgumentException.class);
        // sm2p256v1 both: the suite keeps them apart by where they are stored, as intl-1 does by file
        byte[] sm2 = Suite.GM.newEncryptionKey().getPublic().getEncoded();
        assertThat(Suite.GM.signingKey(sm2).getEncoded()).isEqualTo(sm2);
    }

    @Test
    void gm1PublicKeysAreNamedCurveSm2AndSayWhatOpensslWrites() {
        byte[] spki = Suite.GM.newSigningKey().getPublic().getEncoded();
        // SEQUENCE { SEQUENCE { id-ecPublicKey, sm2p256v1 }, BIT STRING (04 ‖ x ‖ y) }: 91 bytes
        assertThat(spki).hasSize(91);
        assertThat(HEX.formatHex(spki, 0, 27)).isEqualTo("3059301306072a8648ce3d020106082a811ccf5501822d03420004");
        assertThat(Suite.GM.toPem(Suite.GM.signingKey(spki))).contains("MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE");
    }

    @ParameterizedTest
    @MethodSource("suites")
    void keyIdsAndFingerprintsHaveThePresentHumanForm(Suite suite) {
        KeyPair key = suite.newSigningKey();
        String id = suite.keyId(key.getPublic());

        assertThat(id).matches("[0-9a-f]{32}")
                .isEqualTo(HEX.formatHex(suite.hash(key.getPublic().getEncoded()), 0, 16));
        assertThat(suite.fingerprint(key.getPublic())).matches("([0-9A-F]{4} ){7}[0-9A-F]{4}");
        assertThat(Ed25519.normalizeFingerprint(suite.fingerprint(key.getPublic()))).isEqualTo(id);
        assertThat(suite.keyId(suite.newEncryptionKey().getPublic())).matches("[0-9a-f]{32}").isNotEqualTo(id);
    }

    @ParameterizedTest
    @MethodSource("suites")
    void privateKeysRoundTripAsPkcs8(Suite suite) throws GeneralSecurityException {
        KeyPair signing = suite.newSigningKey();
        KeyPair encryption = suite.newEncryptionKey();

        KeyPair signingAgain = new KeyPair(signing.getPublic(), suite.signingPrivateKey(signing.getPrivate().getEncoded()));
        KeyPair encryptionAgain = new KeyPair(encryption.getPublic(),
                suite.encryptionPrivateKey(encryption.getPrivate().getEncoded()));

        assertThat(suite.verify(signing.getPublic(), DATA, suite.sign(signingAgain.getPrivate(), DATA))).isTrue();
        byte[] contentKey = suite.newContentKey();
        assertThat(suite.unwrap(suite.wrap(contentKey, encryption.getPublic(), PACKAGE, SENDER), encryptionAgain, PACKAGE,
                SENDER)).isEqualTo(contentKey);
        byte[] foreign = other(suite).newSigningKey().getPrivate().getEncoded();
        assertThatThrownBy(() -> suite.signingPrivateKey(foreign)).isInstanceOf(GeneralSecurityException.class);
    }

    @ParameterizedTest
    @MethodSource("suites")
    void aContentKeyIsWrappedForItsRecipientOnly(Suite suite) throws GeneralSecurityException {
        KeyPair recipient = suite.newEncryptionKey();
        byte[] contentKey = suite.newContentKey();
        assertThat(contentKey).hasSize(suite == Suite.INTL ? 32 : 16);

        Envelope.Wrapped w = suite.wrap(contentKey, recipient.getPublic(), PACKAGE, SENDER);

        assertThat(w.keyId()).isEqualTo(suite.keyId(recipient.getPublic()));
        assertThat(suite.unwrap(w, recipient, PACKAGE, SENDER)).isEqualTo(contentKey);
        assertThatThrownBy(() -> suite.unwrap(w, suite.newEncryptionKey(), PACKAGE, SENDER))
                .isInstanceOf(GeneralSecurityException.class);
        for (int i = 0; i < w.wrappedKey().length; i += 7) {
            byte[] changed = w.wrappedKey().clone();
            changed[i] ^= 0x01;
            assertThatThrownBy(() -> suite.unwrap(new Envelope.Wrapped(w.keyId(), w.enc(), changed), recipient, PACKAGE,
                    SENDER)).as("byte %d", i).isInstanceOf(GeneralSecurityException.class);
        }
        assertThatThrownBy(() -> suite.unwrap(new Envelope.Wrapped(w.keyId(), w.enc(), new byte[0]), recipient, PACKAGE,
                SENDER)).isInstanceOf(GeneralSecurityException.class);
    }

    @ParameterizedTest
    @MethodSource("suites")
    void anotherPackagesWrappedKeyOpensNoEntryOfThisOne(Suite suite) throws GeneralSecurityException {
        KeyPair recipient = suite.newEncryptionKey();
        byte[] key = suite.newContentKey();
        byte[] sealed = suite.seal(key, PACKAGE, 1, ENTRY);
        Envelope.Wrapped fromOtherPackage = suite.wrap(suite.newContentKey(), recipient.getPublic(), OTHER_PACKAGE, SENDER);

        byte[] otherKey;
        try {
            otherKey = suite.unwrap(fromOtherPackage, recipient, PACKAGE, SENDER);
        } catch (GeneralSecurityException e) {
            assertThat(suite).isSameAs(Suite.INTL); // HPKE's info names the package; SM2 has no such input
            return;
        }
        assertThat(suite).isSameAs(Suite.GM);
        assertThatThrownBy(() -> suite.open(otherKey, PACKAGE, 1, sealed, ENTRY.length))
                .isInstanceOf(AEADBadTagException.class);
    }

    @ParameterizedTest
    @MethodSource("suites")
    void entriesOpenOnlyWithTheirKeyPackageAndIndex(Suite suite) throws Exception {
        byte[] key = suite.newContentKey();
        byte[] sealed = suite.seal(key, PACKAGE, 3, ENTRY);

        assertThat(sealed.length).isLessThan(ENTRY.length); // deflated first
        assertThat(suite.open(key, PACKAGE, 3, sealed, ENTRY.length)).isEqualTo(ENTRY);
        assertThat(suite.openAtMost(key, PACKAGE, 3, sealed, ENTRY.length + 100)).isEqualTo(ENTRY);
        assertThatThrownBy(() -> suite.open(key, PACKAGE, 4, sealed, ENTRY.length)).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> suite.open(key, OTHER_PACKAGE, 3, sealed, ENTRY.length))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> suite.open(suite.newContentKey(), PACKAGE, 3, sealed, ENTRY.length))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> suite.open(Arrays.copyOf(key, key.length + 1), PACKAGE, 3, sealed, ENTRY.length))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> suite.open(key, PACKAGE, 3, Arrays.copyOf(sealed, 15), ENTRY.length))
                .isInstanceOf(AEADBadTagException.class);
        for (int i = 0; i < sealed.length; i += 13) {
            byte[] changed = sealed.clone();
            changed[i] ^= 0x40;
            assertThatThrownBy(() -> suite.open(key, PACKAGE, 3, changed, ENTRY.length)).as("byte %d", i)
                    .isInstanceOf(AEADBadTagException.class);
        }
        assertThatThrownBy(() -> suite.open(key, PACKAGE, 3, sealed, ENTRY.length - 1))
                .isInstanceOf(DataFormatException.class);
        assertThatThrownBy(() -> suite.open(key, PACKAGE, 3, sealed, ENTRY.length + 1))
                .isInstanceOf(DataFormatException.class);
    }

    @ParameterizedTest
    @MethodSource("suites")
    void secretsUnderAPassphraseOpenOnlyWithItAndTheirLabel(Suite suite) {
        byte[] secret = suite.newSigningKey().getPrivate().getEncoded();
        byte[] aad = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

        KeyFile.Box box = suite.lock(new KeyFile.Passphrase(PASSPHRASE), aad, secret);

        assertThat(box.kdf()).isEqualTo(suite == Suite.INTL ? "PBKDF2WithHmacSHA256" : "PBKDF2WithHmacSM3");
        assertThat(box.cipher()).isEqualTo(suite == Suite.INTL ? "AES-256-GCM" : "SM4-GCM");
        assertThat(box.iterations()).isEqualTo(Integer.getInteger(KeyFile.TEST_ITERATIONS_PROPERTY, KeyFile.ITERATIONS));
        assertThat(suite.unlock(box, new KeyFile.Passphrase(PASSPHRASE), aad, "key.json")).isEqualTo(secret);
        assertThatThrownBy(() -> suite.unlock(box, new KeyFile.Passphrase("correct horse battery!".toCharArray()), aad,
                "key.json")).isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.key()).isEqualTo("error.key.wrongPassphrase"));
        byte[] otherAad = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> suite.unlock(box, new KeyFile.Passphrase(PASSPHRASE), otherAad, "key.json"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key()).isEqualTo("error.key.wrongPassphrase"));
        assertThatThrownBy(() -> other(suite).unlock(box, new KeyFile.Passphrase(PASSPHRASE), aad, "key.json"))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.key()).isEqualTo("error.key.unreadable");
                    assertThat(e.args()).contains("key.json");
                });

        KeyFile.Box second = suite.lockLike(box, new KeyFile.Passphrase(PASSPHRASE), aad, secret);
        assertThat(second.salt()).isEqualTo(box.salt());
        assertThat(second.iv()).isNotEqualTo(box.iv());
        assertThat(suite.unlock(second, new KeyFile.Passphrase(PASSPHRASE), aad, "key.json")).isEqualTo(secret);
        assertThatThrownBy(() -> other(suite).lockLike(box, new KeyFile.Passphrase(PASSPHRASE), aad, secret))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneStretchingOfThePassphraseServesBothSuitesWithoutMixingThem() {
        KeyFile.Passphrase passphrase = new KeyFile.Passphrase(PASSPHRASE);
        byte[] aad = new byte[] {1};
        KeyFile.Box intl = Suite.INTL.lock(passphrase, aad, new byte[] {7});
        // the same salt and rounds under gm-1 must derive gm-1's own key, not reuse the AES key remembered
        KeyFile.Box gmSameSalt = GmKeyLock.lock(passphrase, java.util.Base64.getDecoder().decode(intl.salt()),
                intl.iterations(), aad, new byte[] {8});

        assertThat(Suite.GM.unlock(gmSameSalt, new KeyFile.Passphrase(PASSPHRASE), aad, "x")).containsExactly(8);
        assertThat(Suite.INTL.unlock(intl, passphrase, aad, "x")).containsExactly(7);
    }

    @Test
    void suitesAreFoundByTheirNames() {
        assertThat(Suite.of("intl-1")).isSameAs(Suite.INTL);
        assertThat(Suite.of("gm-1")).isSameAs(Suite.GM);
        assertThat(Suite.all()).extracting(Suite::id).containsExactly("intl-1", "gm-1");
        assertThat(Suite.INTL.hashName()).isEqualTo("sha256");
        assertThat(Suite.GM.hashName()).isEqualTo("sm3");
        assertThatThrownBy(() -> Suite.of("gm-2")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gm-2");
    }

    @Test
    void intl1IsTodaysCryptographyByteForByte() throws Exception {
        KeyPair signing = Ed25519.generate();
        assertThat(Suite.INTL.sign(signing.getPrivate(), DATA)).isEqualTo(Ed25519.sign(signing.getPrivate(), DATA));
        assertThat(Suite.INTL.keyId(signing.getPublic())).isEqualTo(Ed25519.keyId(signing.getPublic()));
        assertThat(Suite.INTL.fingerprint(signing.getPublic())).isEqualTo(Ed25519.fingerprint(signing.getPublic()));
        assertThat(Suite.INTL.toPem(signing.getPublic())).isEqualTo(Ed25519.toPem(signing.getPublic()));
        assertThat(Suite.INTL.maxSignatureLength()).isEqualTo(Ed25519.SIGNATURE_LENGTH);
        assertThat(Hashing.hex(Suite.INTL.hash(DATA))).isEqualTo(Hashing.sha256(DATA));
        assertThat(Suite.INTL.envelopeScheme()).isEqualTo(Envelope.SCHEME);

        // the documented vector of package-format.md §10 (EnvelopeTest), through the suite
        byte[] contentKey = new byte[32];
        for (int i = 0; i < 32; i++) {
            contentKey[i] = (byte) (0x40 + i);
        }
        assertThat(HEX.formatHex(Suite.INTL.seal(contentKey, EnvelopeTest.PACKAGE_ID, 1, EnvelopeTest.PLAINTEXT)))
                .isEqualTo("18f859f8be6fad14a2d8f31f3b01a8930a77f1e29b2589d8df82b7d2adbc8261c6f677ff72575e15c7f3cd7c52a34a164f");

        KeyPair recipient = X25519.generate();
        Envelope.Wrapped old = Envelope.wrap(contentKey, recipient.getPublic(), PACKAGE, SENDER);
        assertThat(Suite.INTL.unwrap(old, recipient, PACKAGE, SENDER)).isEqualTo(contentKey);
        Envelope.Wrapped viaSuite = Suite.INTL.wrap(contentKey, recipient.getPublic(), PACKAGE, SENDER);
        assertThat(Envelope.unwrap(viaSuite, recipient, PACKAGE, SENDER)).isEqualTo(contentKey);

        KeyFile.Box box = KeyFile.lock(PASSPHRASE, new byte[] {1}, new byte[] {2, 3});
        assertThat(Suite.INTL.unlock(box, new KeyFile.Passphrase(PASSPHRASE), new byte[] {1}, "x")).containsExactly(2, 3);
        KeyFile.Box viaSuiteBox = Suite.INTL.lock(new KeyFile.Passphrase(PASSPHRASE), new byte[] {1}, new byte[] {4});
        assertThat(KeyFile.open(viaSuiteBox, PASSPHRASE, new byte[] {1}, "x")).containsExactly(4);
    }
}
