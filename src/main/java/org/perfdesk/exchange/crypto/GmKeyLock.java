package org.perfdesk.exchange.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.perfdesk.domain.UserError;

/**
 * gm-1's protection of a secret under a passphrase, the counterpart of {@link KeyFile#lock}: PBKDF2
 * (RFC 8018) with HMAC-SM3, the passphrase as UTF-8, a 16-byte salt and 600,000 rounds, gives a
 * 128-bit SM4 key; SM4-GCM with a fresh 12-byte iv encrypts the secret, {@code aad} authenticated. The
 * result is the same {@link KeyFile.Box} with {@code kdf} {@code PBKDF2WithHmacSM3} and {@code cipher}
 * {@code SM4-GCM}, so a key file of either suite has the same fields.
 */
final class GmKeyLock {
    static final String KDF = "PBKDF2WithHmacSM3";
    static final String CIPHER = "SM4-GCM";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GmKeyLock() {
    }

    static KeyFile.Box lock(KeyFile.Passphrase passphrase, byte[] aad, byte[] secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return lock(passphrase, salt, Integer.getInteger(KeyFile.TEST_ITERATIONS_PROPERTY, KeyFile.ITERATIONS), aad, secret);
    }

    static KeyFile.Box lock(KeyFile.Passphrase passphrase, byte[] salt, int iterations, byte[] aad, byte[] secret) {
        byte[] iv = new byte[Sm4Gcm.NONCE_LENGTH];
        RANDOM.nextBytes(iv);
        try {
            byte[] data = Sm4Gcm.seal(key(passphrase, salt, iterations), iv, aad, secret);
            return new KeyFile.Box(KDF, iterations, b64(salt), CIPHER, b64(iv), b64(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key encryption failed", e);
        }
    }

    /** As {@link KeyFile#open}: "wrong passphrase" for a failed tag, "cannot be read" for a malformed box. */
    static byte[] open(KeyFile.Box box, KeyFile.Passphrase passphrase, byte[] aad, String where) {
        if (!KDF.equals(box.kdf()) || !CIPHER.equals(box.cipher()) || box.iterations() < 1
                || box.iterations() > 100_000_000) {
            throw new UserError("error.key.unreadable", where, box.kdf() + " / " + box.cipher());
        }
        try {
            byte[] iv = unb64(box.iv());
            if (iv.length != Sm4Gcm.NONCE_LENGTH) {
                throw new IllegalArgumentException("an SM4-GCM iv has 12 bytes");
            }
            return Sm4Gcm.open(key(passphrase, unb64(box.salt()), box.iterations()), iv, aad, unb64(box.data()));
        } catch (AEADBadTagException e) {
            throw new UserError(e, "error.key.wrongPassphrase");
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw new UserError(e, "error.key.unreadable", where, String.valueOf(e.getMessage()));
        }
    }

    private static byte[] key(KeyFile.Passphrase passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        return passphrase.key(KDF, salt, iterations, GmKeyLock::derive).getEncoded();
    }

    /** PBKDF2-HMAC-SM3 → 16 bytes. */
    static SecretKeySpec derive(char[] passphrase, byte[] salt, int iterations) {
        byte[] password = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(passphrase);
        try {
            PKCS5S2ParametersGenerator g = new PKCS5S2ParametersGenerator(new SM3Digest());
            g.init(password, salt, iterations);
            return new SecretKeySpec(((KeyParameter) g.generateDerivedParameters(Sm4Gcm.KEY_LENGTH * 8)).getKey(), "SM4");
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] unb64(String s) {
        return Base64.getDecoder().decode(s);
    }
}
