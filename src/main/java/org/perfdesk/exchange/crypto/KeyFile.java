package org.perfdesk.exchange.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.SafeFiles;

/**
 * The workspace's private key on disk, encrypted under the user's passphrase: PBKDF2-HMAC-SHA256
 * (600,000 iterations, 16-byte salt) derives an AES-256 key, AES-GCM encrypts the PKCS#8 private
 * key, and the key id is the authenticated associated data. A wrong passphrase fails the GCM tag.
 */
public final class KeyFile {
    public static final String FORMAT = "perfdesk-key/1";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    /** Lowers the cost for the test suite only; the count used is stored in each file. */
    static final String TEST_ITERATIONS_PROPERTY = "perfdesk.test.kdfIterations";
    public static final int MIN_PASSPHRASE_LENGTH = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFile() {
    }

    /** The file as stored. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Stored(String format, String keyId, String publicKey, String kdf, int iterations, String salt,
                         String cipher, String iv, String encryptedPrivateKey) {
    }

    /** Writes the key pair, encrypted under the passphrase; the file appears whole or not at all. */
    public static void write(Path file, KeyPair pair, char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE_LENGTH) {
            throw new UserError("error.key.passphraseTooShort", String.valueOf(MIN_PASSPHRASE_LENGTH));
        }
        int iterations = Integer.getInteger(TEST_ITERATIONS_PROPERTY, ITERATIONS);
        byte[] salt = random(16);
        byte[] iv = random(12);
        String keyId = Ed25519.keyId(pair.getPublic());
        byte[] secret = pair.getPrivate().getEncoded();
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, derive(passphrase, salt, iterations), new GCMParameterSpec(128, iv));
            c.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            byte[] encrypted = c.doFinal(secret);
            Stored stored = new Stored(FORMAT, keyId, Ed25519.toBase64(pair.getPublic()), "PBKDF2WithHmacSHA256",
                    iterations, b64(salt), "AES-256-GCM", b64(iv), b64(encrypted));
            SafeFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key encryption failed", e);
        } catch (IOException e) {
            throw new UserError(e, "error.key.writeFailed", file.toString(), e.getMessage());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    public static Stored read(Path file) {
        try {
            Stored s = JSON.readValue(file.toFile(), Stored.class);
            if (!FORMAT.equals(s.format())) {
                throw new UserError("error.key.unreadable", file.toString(), "format " + s.format());
            }
            return s;
        } catch (IOException e) {
            throw new UserError(e, "error.key.unreadable", file.toString(), e.getMessage());
        }
    }

    public static PublicKey publicKey(Path file) {
        return Ed25519.fromBase64(read(file).publicKey());
    }

    /** Decrypts the private key; a wrong passphrase says so. */
    public static PrivateKey unlock(Path file, char[] passphrase) {
        Stored s = read(file);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, derive(passphrase, unb64(s.salt()), s.iterations()),
                    new GCMParameterSpec(128, unb64(s.iv())));
            c.updateAAD(s.keyId().getBytes(StandardCharsets.US_ASCII));
            byte[] secret = c.doFinal(unb64(s.encryptedPrivateKey()));
            try {
                return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(secret));
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new UserError(e, "error.key.wrongPassphrase");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UserError(e, "error.key.unreadable", file.toString(), e.getMessage());
        }
    }

    private static SecretKeySpec derive(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(key, "AES");
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] unb64(String s) {
        return Base64.getDecoder().decode(s);
    }
}
