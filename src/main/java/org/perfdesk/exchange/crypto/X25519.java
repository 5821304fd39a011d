package org.perfdesk.exchange.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Base64;

import javax.crypto.KeyAgreement;

/**
 * X25519 encryption keys (RFC 7748) with the JDK's own provider: generation, Diffie-Hellman, the raw
 * 32-byte form HPKE uses, and the same ids, fingerprints and PEM as the signing keys
 * ({@link Ed25519#keyId}: SHA-256 over the SubjectPublicKeyInfo DER, first 16 bytes).
 */
public final class X25519 {
    public static final int KEY_LENGTH = 32;
    private static final String ALGORITHM = "X25519";
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    private X25519() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no X25519", e);
        }
    }

    /** The same rule as for signing keys, so both kinds of key read out alike. */
    public static String keyId(PublicKey key) {
        return Ed25519.keyId(key);
    }

    public static String fingerprint(PublicKey key) {
        return Ed25519.fingerprint(key);
    }

    /**
     * DH(sk, pk): the 32-byte shared secret. An all-zero result (a public key of small order) is
     * refused, as RFC 7748 §6.1 and RFC 9180 §7.1.4 require.
     */
    public static byte[] dh(PrivateKey privateKey, PublicKey publicKey) {
        byte[] secret;
        try {
            KeyAgreement ka = KeyAgreement.getInstance(ALGORITHM);
            ka.init(privateKey);
            ka.doPhase(publicKey, true);
            secret = ka.generateSecret();
        } catch (InvalidKeyException | IllegalStateException e) {
            throw new IllegalArgumentException("X25519 with this key failed", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no X25519", e);
        }
        int any = 0;
        for (byte b : secret) {
            any |= b;
        }
        if (any == 0) {
            throw new IllegalArgumentException("X25519 gave the all-zero value (a public key of small order)");
        }
        return secret;
    }

    /** SerializePublicKey of RFC 9180: the u-coordinate as 32 bytes, little-endian. */
    public static byte[] raw(PublicKey key) {
        if (!(key instanceof XECPublicKey xec)) {
            throw new IllegalArgumentException("not an X25519 public key");
        }
        byte[] big = xec.getU().toByteArray();
        byte[] out = new byte[KEY_LENGTH];
        for (int i = 0; i < KEY_LENGTH && i < big.length; i++) {
            out[i] = big[big.length - 1 - i];
        }
        return out;
    }

    /** DeserializePublicKey: 32 bytes, little-endian, the top bit masked (RFC 7748 §5). */
    public static PublicKey fromRaw(byte[] raw) {
        if (raw == null || raw.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an X25519 public key has 32 bytes");
        }
        byte[] big = new byte[KEY_LENGTH];
        for (int i = 0; i < KEY_LENGTH; i++) {
            big[i] = raw[KEY_LENGTH - 1 - i];
        }
        big[0] &= 0x7f;
        BigInteger u = new BigInteger(1, big).mod(P);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X25519 public key", e);
        }
    }

    /** A private key from its 32 raw bytes (the scalar before clamping), e.g. from a test vector. */
    public static PrivateKey privateFromRaw(byte[] scalar) {
        if (scalar == null || scalar.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an X25519 private key has 32 bytes");
        }
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(
                    new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar.clone()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X25519 private key", e);
        }
    }

    /** The raw 32 bytes of a private key. */
    public static byte[] rawPrivate(PrivateKey key) {
        if (!(key instanceof XECPrivateKey xec) || xec.getScalar().isEmpty()) {
            throw new IllegalArgumentException("not an X25519 private key");
        }
        return xec.getScalar().get();
    }

    /** The public key of a private key: X25519(k, 9), the base point's u-coordinate. */
    public static PublicKey publicOf(PrivateKey key) {
        byte[] nine = new byte[KEY_LENGTH];
        nine[0] = 9;
        return fromRaw(dh(key, fromRaw(nine)));
    }

    public static KeyPair pairOf(PrivateKey key) {
        return new KeyPair(publicOf(key), key);
    }

    public static String toBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** @throws IllegalArgumentException when the text is not an X25519 public key (SubjectPublicKeyInfo) */
    public static PublicKey fromBase64(String spki) {
        try {
            byte[] der = Base64.getDecoder().decode(spki.strip());
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
            if (!(key instanceof XECPublicKey xec) || !(xec.getParams() instanceof NamedParameterSpec n)
                    || !n.getName().equalsIgnoreCase(ALGORITHM)) {
                throw new IllegalArgumentException("not an X25519 public key");
            }
            return key;
        } catch (IllegalArgumentException | InvalidKeySpecException | NullPointerException e) {
            throw new IllegalArgumentException("not an X25519 public key", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toPem(PublicKey key) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    }
}
