package org.perfdesk.exchange.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Ed25519 signing keys with the JDK's own provider, their ids and fingerprints, and PEM.
 *
 * <p>A key's id is the first 16 bytes of SHA-256 over its SubjectPublicKeyInfo (DER), as 32 lower-case
 * hex digits; its fingerprint is the same 32 digits in eight groups of four, upper case, to read
 * over the phone ("3A7F 92C1 …").
 */
public final class Ed25519 {
    public static final int SIGNATURE_LENGTH = 64;
    private static final String ALGORITHM = "Ed25519";

    private Ed25519() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no Ed25519", e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** False for a wrong signature, a signature of the wrong length or a key of another kind. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no Ed25519", e);
        }
    }

    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "3A7F 92C1 0B44 …": the key id in groups of four, for people to compare. */
    public static String fingerprint(PublicKey key) {
        return fingerprintOf(keyId(key));
    }

    public static String fingerprintOf(String keyId) {
        String upper = keyId.toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < upper.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(upper, i, Math.min(i + 4, upper.length()));
        }
        return out.toString();
    }

    /** Turns what a person typed ("3a7f-92c1 …") into a key id, or null if it is not 32 hex digits. */
    public static String normalizeFingerprint(String typed) {
        if (typed == null) {
            return null;
        }
        String hex = typed.replaceAll("[\\s:-]", "").toLowerCase(Locale.ROOT);
        return hex.matches("[0-9a-f]{32}") ? hex : null;
    }

    public static String toBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** @throws IllegalArgumentException when the text is not an Ed25519 public key */
    public static PublicKey fromBase64(String spki) {
        try {
            byte[] der = Base64.getDecoder().decode(spki.strip());
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
            return key;
        } catch (IllegalArgumentException | InvalidKeySpecException | ClassCastException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toPem(PublicKey key) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    }

    public static PublicKey fromPem(String pem) {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return fromBase64(body);
    }
}
