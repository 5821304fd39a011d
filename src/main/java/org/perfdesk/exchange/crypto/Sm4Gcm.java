package org.perfdesk.exchange.crypto;

import javax.crypto.AEADBadTagException;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 (GB/T 32907-2016) in Galois/Counter Mode (NIST SP 800-38D, as RFC 8998 uses it): a 128-bit key,
 * a 12-byte nonce, the 16-byte tag appended to the ciphertext. Bouncy Castle's SM4 engine and GCM.
 */
public final class Sm4Gcm {
    public static final int KEY_LENGTH = 16;
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private Sm4Gcm() {
    }

    /** The SM4 block cipher itself: what the known-answer tests check, and what GCM runs on. */
    static BlockCipher engine() {
        return new SM4Engine();
    }

    public static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        GCMModeCipher gcm = init(true, key, nonce, aad);
        byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
        try {
            int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
            gcm.doFinal(out, n);
            return out;
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM failed", e);
        }
    }

    /**
     * @throws AEADBadTagException when the ciphertext, the nonce, the aad or the key differ from what
     *                             was sealed, or it is shorter than a tag
     */
    public static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) throws AEADBadTagException {
        if (sealed == null || sealed.length < TAG_LENGTH) {
            throw new AEADBadTagException("shorter than a tag");
        }
        GCMModeCipher gcm = init(false, key, nonce, aad);
        byte[] out = new byte[gcm.getOutputSize(sealed.length)];
        try {
            int n = gcm.processBytes(sealed, 0, sealed.length, out, 0);
            gcm.doFinal(out, n);
            return out;
        } catch (InvalidCipherTextException e) {
            throw new AEADBadTagException("SM4-GCM tag mismatch");
        }
    }

    private static GCMModeCipher init(boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
        if (key == null || key.length != KEY_LENGTH || nonce == null || nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("SM4-GCM takes a 16-byte key and a 12-byte nonce");
        }
        GCMModeCipher gcm = GCMBlockCipher.newInstance(engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce, aad));
        return gcm;
    }
}
