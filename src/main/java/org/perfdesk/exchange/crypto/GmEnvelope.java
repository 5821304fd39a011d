package org.perfdesk.exchange.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.zip.DataFormatException;

import javax.crypto.AEADBadTagException;

/**
 * How gm-1 seals a package's payload, the counterpart of {@link Envelope}:
 * <ul>
 *   <li>a fresh random 128-bit SM4 content key per package;</li>
 *   <li>for each recipient, the content key encrypted with SM2 (C1C3C2, GM/T 0009 {@code SM2Cipher}) to
 *       the recipient's SM2 encryption key — the plaintext is the 16 key bytes and nothing else, so
 *       {@code openssl pkeyutl -decrypt} gives the key;</li>
 *   <li>each entry compressed (raw DEFLATE, as intl-1), then encrypted with SM4-GCM under the content
 *       key, nonce = the entry's index as 12 big-endian bytes, aad = {@code "perfdesk-package/gm-1|"
 *       packageId "|" index}, the 16-byte tag appended.</li>
 * </ul>
 * SM2 encryption has no associated data, so unlike HPKE's {@code info} the wrapped key does not itself
 * name its package: it is tied to it by the signed manifest (which lists the hash of every wrapped key)
 * and by the content key being fresh — another package's wrapped key opens a key that fails every
 * entry's tag, whose aad names this package. Only the recipient's private key passes SM2's C3 check.
 */
final class GmEnvelope {
    static final String SCHEME = "SM2-SM4GCM";
    static final int CONTENT_KEY_LENGTH = Sm4Gcm.KEY_LENGTH;
    /** An SM2Cipher of a 16-byte key: a SEQUENCE of two INTEGERs (≤ 35 bytes each), 34 and 18 bytes. */
    static final int MAX_WRAPPED_LENGTH = 2 + 2 * 35 + 34 + 18;
    private static final String LABEL = "perfdesk-package/gm-1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GmEnvelope() {
    }

    static byte[] newContentKey() {
        byte[] key = new byte[CONTENT_KEY_LENGTH];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The content key for one recipient; {@code enc} is null (C1 is inside the SM2 ciphertext). */
    static Envelope.Wrapped wrap(byte[] contentKey, PublicKey recipient) {
        if (contentKey == null || contentKey.length != CONTENT_KEY_LENGTH) {
            throw new IllegalArgumentException("a gm-1 content key has 16 bytes");
        }
        return new Envelope.Wrapped(Sm2.keyId(recipient), null, Sm2.encrypt(recipient, contentKey));
    }

    /**
     * @throws GeneralSecurityException when it was encrypted for another key, was changed, or is not
     *                                  an SM2Cipher of a 16-byte key
     */
    static byte[] unwrap(Envelope.Wrapped w, KeyPair recipient) throws GeneralSecurityException {
        if ((w.enc() != null && w.enc().length != 0) || w.wrappedKey() == null
                || w.wrappedKey().length > MAX_WRAPPED_LENGTH) {
            throw new GeneralSecurityException("a gm-1 wrapped key is one SM2Cipher of at most "
                    + MAX_WRAPPED_LENGTH + " bytes");
        }
        byte[] key = Sm2.decrypt(recipient.getPrivate(), w.wrappedKey());
        if (key.length != CONTENT_KEY_LENGTH) {
            throw new GeneralSecurityException("a gm-1 content key has 16 bytes");
        }
        return key;
    }

    static byte[] seal(byte[] contentKey, String packageId, int index, byte[] plaintext) {
        return sealDeflated(contentKey, packageId, index, Envelope.deflate(plaintext));
    }

    static byte[] sealDeflated(byte[] contentKey, String packageId, int index, byte[] deflated) {
        if (contentKey == null || contentKey.length != CONTENT_KEY_LENGTH) {
            throw new IllegalArgumentException("a gm-1 content key has 16 bytes");
        }
        return Sm4Gcm.seal(contentKey, nonce(index), aad(packageId, index), deflated);
    }

    static byte[] open(byte[] contentKey, String packageId, int index, byte[] sealed, long size, boolean exact)
            throws AEADBadTagException, DataFormatException {
        if (contentKey == null || contentKey.length != CONTENT_KEY_LENGTH) {
            throw new AEADBadTagException("a gm-1 content key has 16 bytes"); // as good as a wrong tag
        }
        return Envelope.inflate(Sm4Gcm.open(contentKey, nonce(index), aad(packageId, index), sealed), size, exact);
    }

    static byte[] aad(String packageId, int index) {
        return (LABEL + "|" + packageId + "|" + index).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] nonce(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative entry index");
        }
        return Hpke.i2osp(index, Sm4Gcm.NONCE_LENGTH);
    }
}
