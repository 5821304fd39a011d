package org.perfdesk.exchange.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869): extract a pseudorandom key, expand it to the length asked for. */
public final class Hkdf {
    /** Nh: the length of SHA-256's output, and of a pseudorandom key. */
    public static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    /** PRK = HMAC-SHA256(salt, ikm); an empty salt stands for 32 zero bytes, as the RFC says. */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        byte[] key = salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt;
        return hmac(key, ikm);
    }

    /** OKM = T(1) | T(2) | … cut to {@code length} bytes, T(i) = HMAC(prk, T(i-1) | info | i). */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 0 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF-SHA256 cannot expand to " + length + " bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            ByteArrayOutputStream out = new ByteArrayOutputStream(length + HASH_LENGTH);
            byte[] t = new byte[0];
            for (int i = 1; out.size() < length; i++) {
                mac.update(t);
                mac.update(info == null ? new byte[0] : info);
                mac.update((byte) i);
                t = mac.doFinal();
                out.write(t, 0, t.length);
            }
            return Arrays.copyOf(out.toByteArray(), length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no HmacSHA256", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no HmacSHA256", e);
        }
    }
}
