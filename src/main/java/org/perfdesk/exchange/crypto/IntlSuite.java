package org.perfdesk.exchange.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.zip.DataFormatException;

import javax.crypto.AEADBadTagException;

/**
 * intl-1: what PerfDesk has always done, by the classes that always did it — {@link Ed25519},
 * {@link X25519}, {@link Envelope} (HPKE + AES-256-GCM), {@link KeyFile} — so its bytes do not change.
 */
final class IntlSuite implements Suite {
    IntlSuite() {
    }

    @Override
    public String id() {
        return "intl-1";
    }

    @Override
    public KeyPair newSigningKey() {
        return Ed25519.generate();
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data) {
        return Ed25519.sign(key, data);
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] signature) {
        return Ed25519.verify(key, data, signature);
    }

    @Override
    public int maxSignatureLength() {
        return Ed25519.SIGNATURE_LENGTH;
    }

    @Override
    public PublicKey signingKey(byte[] spki) {
        return canonical(Ed25519.fromBase64(Base64.getEncoder().encodeToString(spki)), spki);
    }

    /** The JDK reads past trailing bytes; through the suite a key must be exactly its DER, as with gm-1. */
    private static PublicKey canonical(PublicKey key, byte[] spki) {
        if (!java.util.Arrays.equals(key.getEncoded(), spki)) {
            throw new IllegalArgumentException("not a public key in DER");
        }
        return key;
    }

    @Override
    public PrivateKey signingPrivateKey(byte[] pkcs8) throws GeneralSecurityException {
        return KeyFile.privateKey("Ed25519", pkcs8);
    }

    @Override
    public KeyPair newEncryptionKey() {
        return X25519.generate();
    }

    @Override
    public PublicKey encryptionKey(byte[] spki) {
        return canonical(X25519.fromBase64(Base64.getEncoder().encodeToString(spki)), spki);
    }

    @Override
    public PrivateKey encryptionPrivateKey(byte[] pkcs8) throws GeneralSecurityException {
        return KeyFile.privateKey("X25519", pkcs8);
    }

    @Override
    public String keyId(PublicKey key) {
        return Ed25519.keyId(key);
    }

    @Override
    public String toPem(PublicKey key) {
        return Ed25519.toPem(key);
    }

    @Override
    public String hashName() {
        return "sha256";
    }

    @Override
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String envelopeScheme() {
        return Envelope.SCHEME;
    }

    @Override
    public byte[] newContentKey() {
        return Envelope.newContentKey();
    }

    @Override
    public Envelope.Wrapped wrap(byte[] contentKey, PublicKey recipient, String packageId, String senderKeyId) {
        return Envelope.wrap(contentKey, recipient, packageId, senderKeyId);
    }

    @Override
    public byte[] unwrap(Envelope.Wrapped wrapped, KeyPair recipient, String packageId, String senderKeyId)
            throws GeneralSecurityException {
        return Envelope.unwrap(wrapped, recipient, packageId, senderKeyId);
    }

    @Override
    public byte[] seal(byte[] contentKey, String packageId, int index, byte[] plaintext) {
        return Envelope.seal(contentKey, packageId, index, plaintext);
    }

    @Override
    public byte[] sealDeflated(byte[] contentKey, String packageId, int index, byte[] deflated) {
        return Envelope.sealDeflated(contentKey, packageId, index, deflated);
    }

    @Override
    public byte[] open(byte[] contentKey, String packageId, int index, byte[] sealed, long size)
            throws AEADBadTagException, DataFormatException {
        return Envelope.open(contentKey, packageId, index, sealed, size);
    }

    @Override
    public byte[] openAtMost(byte[] contentKey, String packageId, int index, byte[] sealed, long max)
            throws AEADBadTagException, DataFormatException {
        return Envelope.openAtMost(contentKey, packageId, index, sealed, max);
    }

    @Override
    public KeyFile.Box lock(KeyFile.Passphrase passphrase, byte[] aad, byte[] secret) {
        return KeyFile.lock(passphrase, aad, secret);
    }

    @Override
    public KeyFile.Box lockLike(KeyFile.Box sameSaltAs, KeyFile.Passphrase passphrase, byte[] aad, byte[] secret) {
        if (!"PBKDF2WithHmacSHA256".equals(sameSaltAs.kdf())) {
            throw new IllegalArgumentException("not an intl-1 box: " + sameSaltAs.kdf());
        }
        return KeyFile.lock(passphrase, Base64.getDecoder().decode(sameSaltAs.salt()), sameSaltAs.iterations(), aad, secret);
    }

    @Override
    public byte[] unlock(KeyFile.Box box, KeyFile.Passphrase passphrase, byte[] aad, String where) {
        return KeyFile.open(box, passphrase, aad, where);
    }

    @Override
    public byte[] hmac(byte[] key, byte[] data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
