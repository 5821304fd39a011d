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
import java.security.interfaces.XECPublicKey;
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
 * A private key on disk, encrypted under the user's passphrase: PBKDF2-HMAC-SHA256 (600,000
 * iterations, 16-byte salt) derives an AES-256 key, AES-GCM encrypts the PKCS#8 private key, and the
 * key id is the authenticated associated data. A wrong passphrase fails the GCM tag. The signing key
 * (Ed25519) is {@code perfdesk-key/1}, an encryption key (X25519) {@code perfdesk-encryption-key/1};
 * otherwise the files are alike. {@link #lock}/{@link #open} are the same protection for other
 * secrets (the key backup).
 *
 * <p>A key of another suite (gm-1's SM2 keys) is {@code perfdesk-key/2} or {@code perfdesk-encryption-key/2}:
 * the same fields and {@code suite}, protected the suite's way ({@link Suite#lock}: PBKDF2-HMAC-SM3 →
 * SM4-GCM), with {@code suite "|" keyId} as the associated data, so a file cannot be relabelled as
 * another suite's. The suite is read from the file, never guessed from {@code kdf}.
 */
public final class KeyFile {
    public static final String FORMAT = "perfdesk-key/1";
    public static final String ENCRYPTION_FORMAT = "perfdesk-encryption-key/1";
    /** A signing key that names its suite (any suite but intl-1, whose files keep version 1). */
    public static final String FORMAT_V2 = "perfdesk-key/2";
    public static final String ENCRYPTION_FORMAT_V2 = "perfdesk-encryption-key/2";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    /** Lowers the cost for the test suite only; the count used is stored in each file. */
    static final String TEST_ITERATIONS_PROPERTY = "perfdesk.test.kdfIterations";
    public static final int MIN_PASSPHRASE_LENGTH = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFile() {
    }

    /** The file as stored; {@code suite} is absent (null) in version 1 files, which are intl-1's. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Stored(String format,
                         @com.fasterxml.jackson.annotation.JsonInclude(
                                 com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String suite,
                         String keyId, String publicKey, String kdf, int iterations, String salt,
                         String cipher, String iv, String encryptedPrivateKey) {
        /** The suite the key belongs to. */
        public Suite suiteOf() {
            return Suite.named(suite);
        }

        /** Whether it is an encryption key (else a signing key). */
        public boolean encryption() {
            return ENCRYPTION_FORMAT.equals(format) || ENCRYPTION_FORMAT_V2.equals(format);
        }

        Box box() {
            return new Box(kdf, iterations, salt, cipher, iv, encryptedPrivateKey);
        }
    }

    /** A secret encrypted under a passphrase, as stored: the key derivation, its parameters, the cipher and the bytes. */
    public record Box(String kdf, int iterations, String salt, String cipher, String iv, String data) {
    }

    /**
     * A passphrase and the AES keys stretched from it so far, by salt and rounds: a workspace's key
     * files share the signing key file's salt, so unlocking all of them stretches the passphrase once.
     */
    public static final class Passphrase {
        private final char[] chars;
        private final java.util.Map<String, SecretKeySpec> derived = new java.util.HashMap<>();

        public Passphrase(char[] chars) {
            this.chars = chars;
        }

        public char[] chars() {
            return chars;
        }

        synchronized SecretKeySpec key(byte[] salt, int iterations) throws GeneralSecurityException {
            String id = iterations + ":" + Base64.getEncoder().encodeToString(salt);
            SecretKeySpec key = derived.get(id);
            if (key == null) {
                key = derive(chars, salt, iterations);
                derived.put(id, key);
            }
            return key;
        }

        /** The same for another suite's key derivation, remembered apart under its name. */
        synchronized SecretKeySpec key(String kdf, byte[] salt, int iterations, Derivation derivation)
                throws GeneralSecurityException {
            String id = kdf + ":" + iterations + ":" + Base64.getEncoder().encodeToString(salt);
            SecretKeySpec key = derived.get(id);
            if (key == null) {
                key = derivation.derive(chars, salt, iterations);
                derived.put(id, key);
            }
            return key;
        }
    }

    /** Stretches a passphrase into a key (a suite's KDF). */
    interface Derivation {
        SecretKeySpec derive(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException;
    }

    /** Writes the key pair, encrypted under the passphrase; the file appears whole or not at all. */
    public static void write(Path file, KeyPair pair, char[] passphrase) {
        write(file, pair, new Passphrase(passphrase), null);
    }

    /**
     * The same, with the salt and rounds of another key file of the workspace when {@code sameSaltAs}
     * is given (so one stretching of the passphrase opens both), else fresh ones.
     */
    public static void write(Path file, KeyPair pair, Passphrase passphrase, Stored sameSaltAs) {
        write(file, pair, Suite.ofKey(pair.getPublic()), pair.getPublic() instanceof XECPublicKey, passphrase,
                sameSaltAs);
    }

    /**
     * A key of {@code suite}, signing or {@code encryption}, written the suite's way (version 1 for intl-1,
     * as before; version 2 naming the suite otherwise), with the salt and rounds of {@code sameSaltAs}
     * (a key file of the same suite) when given.
     */
    public static void write(Path file, KeyPair pair, Suite suite, boolean encryption, Passphrase passphrase,
                             Stored sameSaltAs) {
        requirePassphrase(passphrase.chars());
        String keyId = suite.keyId(pair.getPublic());
        byte[] secret = pair.getPrivate().getEncoded();
        boolean v1 = suite == Suite.INTL;
        try {
            byte[] aad = aad(suite, keyId);
            Box box = sameSaltAs == null ? suite.lock(passphrase, aad, secret)
                    : suite.lockLike(sameSaltAs.box(), passphrase, aad, secret);
            Stored stored = new Stored(v1 ? (encryption ? ENCRYPTION_FORMAT : FORMAT)
                    : (encryption ? ENCRYPTION_FORMAT_V2 : FORMAT_V2), v1 ? null : suite.id(), keyId,
                    Suite.toBase64(pair.getPublic()), box.kdf(),
                    box.iterations(), box.salt(), box.cipher(), box.iv(), box.data());
            SafeFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored));
        } catch (IOException e) {
            throw new UserError(e, "error.key.writeFailed", file.toString(), e.getMessage());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    public static void requirePassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE_LENGTH) {
            throw new UserError("error.key.passphraseTooShort", String.valueOf(MIN_PASSPHRASE_LENGTH));
        }
    }

    /** The associated data of a key file: the key id (intl-1, as always), or the suite and the key id. */
    private static byte[] aad(Suite suite, String keyId) {
        return (suite == Suite.INTL ? keyId : suite.id() + "|" + keyId).getBytes(StandardCharsets.US_ASCII);
    }

    public static Stored read(Path file) {
        try {
            Stored s = JSON.readValue(file.toFile(), Stored.class);
            boolean v1 = FORMAT.equals(s.format()) || ENCRYPTION_FORMAT.equals(s.format());
            boolean v2 = FORMAT_V2.equals(s.format()) || ENCRYPTION_FORMAT_V2.equals(s.format());
            if (!(v1 && s.suite() == null || v2 && Suite.known(s.suite()))) {
                throw new UserError("error.key.unreadable", file.toString(), "format " + s.format() + " "
                        + s.suite());
            }
            return s;
        } catch (IOException e) {
            throw new UserError(e, "error.key.unreadable", file.toString(), e.getMessage());
        }
    }

    public static PublicKey publicKey(Path file) {
        Stored s = read(file);
        try {
            return s.encryption() ? s.suiteOf().encryptionKey(s.publicKey()) : s.suiteOf().signingKey(s.publicKey());
        } catch (IllegalArgumentException e) {
            throw new UserError(e, "error.key.unreadable", file.toString(), e.getMessage());
        }
    }

    /** Decrypts the private key; a wrong passphrase says so. */
    public static PrivateKey unlock(Path file, char[] passphrase) {
        return unlock(file, new Passphrase(passphrase));
    }

    public static PrivateKey unlock(Path file, Passphrase passphrase) {
        Stored s = read(file);
        Suite suite = s.suiteOf();
        byte[] secret = suite.unlock(s.box(), passphrase, aad(suite, s.keyId()), file.toString());
        try {
            return s.encryption() ? suite.encryptionPrivateKey(secret) : suite.signingPrivateKey(secret);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UserError(e, "error.key.unreadable", file.toString(), e.getMessage());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** A private key from its PKCS#8 form. */
    public static PrivateKey privateKey(String algorithm, byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** Encrypts a secret under the passphrase: PBKDF2-HMAC-SHA256 → AES-256-GCM, {@code aad} authenticated. */
    public static Box lock(char[] passphrase, byte[] aad, byte[] secret) {
        return lock(new Passphrase(passphrase), aad, secret);
    }

    static Box lock(Passphrase passphrase, byte[] aad, byte[] secret) {
        return lock(passphrase, random(16), Integer.getInteger(TEST_ITERATIONS_PROPERTY, ITERATIONS), aad, secret);
    }

    static Box lock(Passphrase passphrase, byte[] salt, int iterations, byte[] aad, byte[] secret) {
        byte[] iv = random(12);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, passphrase.key(salt, iterations), new GCMParameterSpec(128, iv));
            c.updateAAD(aad);
            return new Box("PBKDF2WithHmacSHA256", iterations, b64(salt), "AES-256-GCM", b64(iv), b64(c.doFinal(secret)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key encryption failed", e);
        }
    }

    /**
     * Decrypts what {@link #lock} made; a wrong passphrase (or changed bytes, or other aad) says
     * "wrong passphrase", a malformed box that {@code where} cannot be read.
     */
    public static byte[] open(Box box, char[] passphrase, byte[] aad, String where) {
        return open(box, new Passphrase(passphrase), aad, where);
    }

    static byte[] open(Box box, Passphrase passphrase, byte[] aad, String where) {
        if (!"PBKDF2WithHmacSHA256".equals(box.kdf()) || !"AES-256-GCM".equals(box.cipher()) || box.iterations() < 1
                || box.iterations() > 100_000_000) {
            throw new UserError("error.key.unreadable", where, box.kdf() + " / " + box.cipher());
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, passphrase.key(unb64(box.salt()), box.iterations()),
                    new GCMParameterSpec(128, unb64(box.iv())));
            c.updateAAD(aad);
            return c.doFinal(unb64(box.data()));
        } catch (AEADBadTagException e) {
            throw new UserError(e, "error.key.wrongPassphrase");
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw new UserError(e, "error.key.unreadable", where, String.valueOf(e.getMessage()));
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
