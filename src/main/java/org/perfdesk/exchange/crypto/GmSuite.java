package org.perfdesk.exchange.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.zip.DataFormatException;

import javax.crypto.AEADBadTagException;

/**
 * gm-1, the commercial-cryptography (国密) suite: {@link Sm2} signatures and encryption, {@link Sm3},
 * {@link Sm4Gcm} through {@link GmEnvelope}, and {@link GmKeyLock} for secrets under a passphrase.
 * Signing and encryption keys are both SM2 key pairs, kept apart as with intl-1.
 */
final class GmSuite implements Suite {
    GmSuite() {
    }

    @Override
    public String id() {
        return "gm-1";
    }

    @Override
    public KeyPair newSigningKey() {
        return Sm2.generate();
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data) {
        return Sm2.sign(key, data);
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] signature) {
        return Sm2.verify(key, data, signature);
    }

    @Override
    public int maxSignatureLength() {
        return Sm2.MAX_SIGNATURE_LENGTH;
    }

    @Override
    public PublicKey signingKey(byte[] spki) {
        return Sm2.fromSpki(spki);
    }

    @Override
    public PrivateKey signingPrivateKey(byte[] pkcs8) throws GeneralSecurityException {
        return Sm2.fromPkcs8(pkcs8);
    }

    @Override
    public KeyPair newEncryptionKey() {
        return Sm2.generate();
    }

    @Override
    public PublicKey encryptionKey(byte[] spki) {
        return Sm2.fromSpki(spki);
    }

    @Override
    public PrivateKey encryptionPrivateKey(byte[] pkcs8) throws GeneralSecurityException {
        return Sm2.fromPkcs8(pkcs8);
    }

    @Override
    public String keyId(PublicKey key) {
        return Sm2.keyId(key);
    }

    @Override
    public String toPem(PublicKey key) {
        return Pem.publicKey(Sm2.fromSpki(key.getEncoded()).getEncoded());
    }

    @Override
    public String hashName() {
        return "sm3";
    }

    @Override
    public MessageDigest newDigest() {
        return Sm3.newDigest();
    }

    @Override
    public String envelopeScheme() {
        return GmEnvelope.SCHEME;
    }

    @Override
    public byte[] newContentKey() {
        return GmEnvelope.newContentKey();
    }

    @Override
    public Envelope.Wrapped wrap(byte[] contentKey, PublicKey recipient, String packageId, String senderKeyId) {
        return GmEnvelope.wrap(contentKey, recipient);
    }

    @Override
    public byte[] unwrap(Envelope.Wrapped wrapped, KeyPair recipient, String packageId, String senderKeyId)
            throws GeneralSecurityException {
        return GmEnvelope.unwrap(wrapped, recipient);
    }

    @Override
    public byte[] seal(byte[] contentKey, String packageId, int index, byte[] plaintext) {
        return GmEnvelope.seal(contentKey, packageId, index, plaintext);
    }

    @Override
    public byte[] sealDeflated(byte[] contentKey, String packageId, int index, byte[] deflated) {
        return GmEnvelope.sealDeflated(contentKey, packageId, index, deflated);
    }

    @Override
    public byte[] open(byte[] contentKey, String packageId, int index, byte[] sealed, long size)
            throws AEADBadTagException, DataFormatException {
        return GmEnvelope.open(contentKey, packageId, index, sealed, size, true);
    }

    @Override
    public byte[] openAtMost(byte[] contentKey, String packageId, int index, byte[] sealed, long max)
            throws AEADBadTagException, DataFormatException {
        return GmEnvelope.open(contentKey, packageId, index, sealed, max, false);
    }

    @Override
    public KeyFile.Box lock(KeyFile.Passphrase passphrase, byte[] aad, byte[] secret) {
        return GmKeyLock.lock(passphrase, aad, secret);
    }

    @Override
    public KeyFile.Box lockLike(KeyFile.Box sameSaltAs, KeyFile.Passphrase passphrase, byte[] aad, byte[] secret) {
        if (!GmKeyLock.KDF.equals(sameSaltAs.kdf())) {
            throw new IllegalArgumentException("not a gm-1 box: " + sameSaltAs.kdf());
        }
        return GmKeyLock.lock(passphrase, Base64.getDecoder().decode(sameSaltAs.salt()), sameSaltAs.iterations(), aad,
                secret);
    }

    @Override
    public byte[] unlock(KeyFile.Box box, KeyFile.Passphrase passphrase, byte[] aad, String where) {
        return GmKeyLock.open(box, passphrase, aad, where);
    }

    @Override
    public byte[] hmac(byte[] key, byte[] data) {
        return Sm3.hmac(key, data);
    }

    @Override
    public String toString() {
        return id();
    }
}
