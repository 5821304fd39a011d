package org.perfdesk.exchange.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.zip.DataFormatException;

import javax.crypto.AEADBadTagException;

/**
 * An algorithm suite: every cryptographic choice a package, card, key file or chain depends on, under
 * one name that signed data will carry (package-format.md, "Algorithm suites").
 * <ul>
 *   <li>{@link #INTL} {@code intl-1}: Ed25519, SHA-256, HPKE with X25519 and AES-256-GCM, AES-256-GCM,
 *       PBKDF2-HMAC-SHA256 — what every package so far uses, done by the classes that always did it
 *       ({@link Ed25519}, {@link X25519}, {@link Envelope}, {@link KeyFile}), bytes unchanged;</li>
 *   <li>{@link #GM} {@code gm-1}: SM2 signatures with SM3 and the ID {@code 1234567812345678}, SM3, SM2
 *       encryption (C1C3C2, GM/T 0009) of an SM4 content key, SM4-GCM, PBKDF2-HMAC-SM3 (Bouncy Castle).</li>
 * </ul>
 * A workspace holds a signing key pair and an encryption key pair of its suite; a key id and a
 * fingerprint read the same under both (32 hex digits; eight groups of four), only the hash behind them
 * differs. Methods throw {@link IllegalArgumentException} for a key of another suite.
 */
public interface Suite {
    Suite INTL = new IntlSuite();
    Suite GM = new GmSuite();

    /** {@code intl-1} or {@code gm-1}: the name signed data carries. */
    String id();

    /** The suite as people read it, in the interface language (国密算法（gm-1：SM2/SM3/SM4）). */
    default String label() {
        return org.perfdesk.domain.Texts.t("suite." + id());
    }

    // ---- signing

    KeyPair newSigningKey();

    /** The signature of {@code data} itself (intl-1: 64 raw bytes; gm-1: DER, at most 72 bytes). */
    byte[] sign(PrivateKey key, byte[] data);

    /** False for a wrong signature, a malformed one, one longer than {@link #maxSignatureLength()}, or a key of another suite. */
    boolean verify(PublicKey key, byte[] data, byte[] signature);

    /** The most bytes a signature can have: a reader refuses a longer {@code manifest.sig} before parsing it. */
    int maxSignatureLength();

    /** A signing public key from its SubjectPublicKeyInfo DER; {@link IllegalArgumentException} if not this suite's. */
    PublicKey signingKey(byte[] spki);

    /** A signing private key from its PKCS#8 form (a key file, a key backup). */
    PrivateKey signingPrivateKey(byte[] pkcs8) throws GeneralSecurityException;

    // ---- encryption keys

    KeyPair newEncryptionKey();

    /** An encryption public key from its SubjectPublicKeyInfo DER; {@link IllegalArgumentException} if not this suite's. */
    PublicKey encryptionKey(byte[] spki);

    PrivateKey encryptionPrivateKey(byte[] pkcs8) throws GeneralSecurityException;

    // ---- key ids (signing and encryption keys alike)

    /** The first 16 bytes of the suite's hash over the SubjectPublicKeyInfo DER, as 32 lower-case hex digits. */
    String keyId(PublicKey key);

    /** The key id in upper case, in eight groups of four, to read over the phone. */
    default String fingerprint(PublicKey key) {
        return Ed25519.fingerprintOf(keyId(key));
    }

    /** Any public key of the suite as PEM ({@code -----BEGIN PUBLIC KEY-----}, SubjectPublicKeyInfo). */
    String toPem(PublicKey key);

    /** A signing public key from PEM; {@link IllegalArgumentException} if it is not one of this suite's. */
    default PublicKey signingKeyFromPem(String pem) {
        return signingKey(Pem.publicKeyDer(pem));
    }

    // ---- content hash

    /** {@code sha256} or {@code sm3}: the hash's name as the manifest and the by-hand tools write it. */
    String hashName();

    /** A fresh digest to feed in pieces. */
    MessageDigest newDigest();

    default byte[] hash(byte[] data) {
        return newDigest().digest(data);
    }

    // ---- sealing a package for its recipients

    /** The name of the envelope ({@code encryption.scheme} in the manifest). */
    String envelopeScheme();

    /** A fresh content key (intl-1: 32 bytes for AES-256; gm-1: 16 bytes for SM4). */
    byte[] newContentKey();

    /** The content key sealed for one recipient's encryption key, bound to the package and its sender where the scheme can. */
    Envelope.Wrapped wrap(byte[] contentKey, PublicKey recipient, String packageId, String senderKeyId);

    /**
     * The content key back.
     *
     * @throws GeneralSecurityException when it was sealed for another key (or package or sender, where
     *                                  the scheme binds them), or was changed, or is malformed
     */
    byte[] unwrap(Envelope.Wrapped wrapped, KeyPair recipient, String packageId, String senderKeyId)
            throws GeneralSecurityException;

    /** Compresses and encrypts the entry at {@code index}. */
    byte[] seal(byte[] contentKey, String packageId, int index, byte[] plaintext);

    /**
     * The same for an entry already compressed the way {@link #seal} compresses it (raw DEFLATE at
     * {@link Compression#levelFor}'s level): only encrypted. {@code seal(k, p, i, x)} and
     * {@code sealDeflated(k, p, i, deflate(x))} open alike.
     */
    byte[] sealDeflated(byte[] contentKey, String packageId, int index, byte[] deflated);

    /**
     * Decrypts and decompresses the entry at {@code index}, which must unpack to exactly {@code size} bytes.
     *
     * @throws AEADBadTagException when the bytes, the index, the package or the key differ
     * @throws DataFormatException when the decrypted bytes do not unpack to {@code size} bytes
     */
    byte[] open(byte[] contentKey, String packageId, int index, byte[] sealed, long size)
            throws AEADBadTagException, DataFormatException;

    /** The same when only an upper bound is known (the table of contents). */
    byte[] openAtMost(byte[] contentKey, String packageId, int index, byte[] sealed, long max)
            throws AEADBadTagException, DataFormatException;

    // ---- secrets under a passphrase (key files, key backup)

    /** Encrypts {@code secret} under the passphrase with a fresh salt; {@code aad} authenticated. */
    KeyFile.Box lock(KeyFile.Passphrase passphrase, byte[] aad, byte[] secret);

    /** The same with the salt and rounds of another box of this suite, so one stretching opens both. */
    KeyFile.Box lockLike(KeyFile.Box sameSaltAs, KeyFile.Passphrase passphrase, byte[] aad, byte[] secret);

    /**
     * Decrypts what {@link #lock} made: a {@code UserError} "wrong passphrase" for a failed tag, "cannot be
     * read" (naming {@code where}) for a box of another suite or a malformed one.
     */
    byte[] unlock(KeyFile.Box box, KeyFile.Passphrase passphrase, byte[] aad, String where);

    // ---- keyed hash

    /** HMAC with the suite's hash (intl-1: HMAC-SHA256; gm-1: HMAC-SM3): the audit log's check values. */
    byte[] hmac(byte[] key, byte[] data);

    // ---- keys in JSON (base64 of the SubjectPublicKeyInfo DER)

    /** A signing public key from base64; {@link IllegalArgumentException} if it is not this suite's. */
    default PublicKey signingKey(String base64) {
        return signingKey(decode(base64));
    }

    /** An encryption public key from base64; {@link IllegalArgumentException} if it is not this suite's. */
    default PublicKey encryptionKey(String base64) {
        return encryptionKey(decode(base64));
    }

    /** Any public key as JSON carries it: base64 of its SubjectPublicKeyInfo DER. */
    static String toBase64(PublicKey key) {
        return java.util.Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static byte[] decode(String base64) {
        if (base64 == null) {
            throw new IllegalArgumentException("no key");
        }
        return java.util.Base64.getDecoder().decode(base64.strip());
    }

    /**
     * The suite a public key (signing or encryption) belongs to: Ed25519 and X25519 keys are intl-1's,
     * SM2 keys gm-1's. @throws IllegalArgumentException for any other key
     */
    static Suite ofKey(PublicKey key) {
        if (key instanceof java.security.interfaces.EdECKey || key instanceof java.security.interfaces.XECKey) {
            return INTL;
        }
        if (key != null && Sm2.isSm2(key.getEncoded())) {
            return GM;
        }
        throw new IllegalArgumentException("a key of no known suite");
    }

    /** The suite a SubjectPublicKeyInfo DER (base64) names, by its algorithm; {@link IllegalArgumentException} if none. */
    static Suite ofSpki(String base64) {
        byte[] der = decode(base64);
        if (Sm2.isSm2(der)) {
            return GM;
        }
        // Ed25519 (1.3.101.112) and X25519 (1.3.101.110): 30 2a 30 05 06 03 2b 65 7x
        if (der.length == 44 && der[0] == 0x30 && der[2] == 0x30 && der[4] == 0x06 && der[6] == 0x2b
                && der[7] == 0x65 && (der[8] == 0x70 || der[8] == 0x6e)) {
            return INTL;
        }
        throw new IllegalArgumentException("a key of no known suite");
    }

    /** The suite a structure names; null (a structure from before suites were named) is intl-1. */
    static Suite named(String id) {
        return id == null ? INTL : of(id);
    }

    // ---- naming

    /** The suite of that name. @throws IllegalArgumentException for a name no suite has */
    static Suite of(String id) {
        for (Suite s : all()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown algorithm suite: " + id);
    }

    static List<Suite> all() {
        return List.of(INTL, GM);
    }

    /** Whether a name is one of the suites'. */
    static boolean known(String id) {
        return all().stream().anyMatch(s -> s.id().equals(id));
    }

    /** The longest signature of any suite: what a reader unpacks of {@code manifest.sig} before it knows the suite. */
    static int longestSignature() {
        return all().stream().mapToInt(Suite::maxSignatureLength).max().orElseThrow();
    }
}
