package org.perfdesk.exchange.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a package's payload is sealed for its recipients (package-format.md §10), in one place:
 * <ul>
 *   <li>a fresh random 256-bit content key per package;</li>
 *   <li>for each recipient, the content key sealed with HPKE base mode (RFC 9180: DHKEM(X25519,
 *       HKDF-SHA256), HKDF-SHA256, AES-256-GCM) to the recipient's X25519 key, with
 *       {@code info = "perfdesk-package/2|" packageId "|" senderKeyId "|" recipientKeyId} and an
 *       empty aad;</li>
 *   <li>each entry compressed (raw DEFLATE, RFC 1951), then encrypted with AES-256-GCM under the
 *       content key, nonce = the entry's index as 12 big-endian bytes, aad =
 *       {@code "perfdesk-package/2|" packageId "|" index}, the 16-byte tag appended.</li>
 * </ul>
 * A content key is used for one package only, so index nonces never repeat under one key.
 */
public final class Envelope {
    public static final String SCHEME = "HPKE-X25519-SHA256-AES256GCM";
    public static final int CONTENT_KEY_LENGTH = 32;
    public static final int WRAPPED_LENGTH = CONTENT_KEY_LENGTH + Hpke.NT;
    public static final int TAG_LENGTH = Hpke.NT;
    private static final String LABEL = "perfdesk-package/2";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Envelope() {
    }

    /** The content key for one package as it is sealed for one recipient. */
    public record Wrapped(String keyId, byte[] enc, byte[] wrappedKey) {
    }

    public static byte[] newContentKey() {
        byte[] key = new byte[CONTENT_KEY_LENGTH];
        RANDOM.nextBytes(key);
        return key;
    }

    public static Wrapped wrap(byte[] contentKey, PublicKey recipient, String packageId, String senderKeyId) {
        String keyId = X25519.keyId(recipient);
        Hpke.Sealed s = Hpke.seal(recipient, info(packageId, senderKeyId, keyId), new byte[0], contentKey,
                Hpke.Aead.AES_256_GCM);
        return new Wrapped(keyId, s.enc(), s.ciphertext());
    }

    /** The same with a given ephemeral key: for the test vector only. */
    static Wrapped wrap(byte[] contentKey, PublicKey recipient, KeyPair ephemeral, String packageId, String senderKeyId) {
        String keyId = X25519.keyId(recipient);
        Hpke.Sealed s = Hpke.seal(recipient, ephemeral, info(packageId, senderKeyId, keyId), new byte[0], contentKey,
                Hpke.Aead.AES_256_GCM);
        return new Wrapped(keyId, s.enc(), s.ciphertext());
    }

    /**
     * Opens the content key sealed for {@code recipient}.
     *
     * @throws GeneralSecurityException when it was sealed for another key, for another package or
     *                                  sender, or was changed
     */
    public static byte[] unwrap(Wrapped w, KeyPair recipient, String packageId, String senderKeyId)
            throws GeneralSecurityException {
        if (w.enc() == null || w.enc().length != X25519.KEY_LENGTH || w.wrappedKey() == null
                || w.wrappedKey().length != WRAPPED_LENGTH) {
            throw new GeneralSecurityException("a wrapped key has a 32-byte enc and 48 bytes");
        }
        try {
            return Hpke.open(recipient, w.enc(), info(packageId, senderKeyId, X25519.keyId(recipient.getPublic())),
                    new byte[0], w.wrappedKey(), Hpke.Aead.AES_256_GCM);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("the ephemeral key is not usable", e);
        }
    }

    /** Compresses and encrypts the entry at {@code index}. */
    public static byte[] seal(byte[] contentKey, String packageId, int index, byte[] plaintext) {
        return sealDeflated(contentKey, packageId, index, deflate(plaintext));
    }

    /** Encrypts the entry at {@code index}, compressed already as {@link #seal} compresses it. */
    public static byte[] sealDeflated(byte[] contentKey, String packageId, int index, byte[] deflated) {
        try {
            return gcm(Cipher.ENCRYPT_MODE, contentKey, packageId, index, deflated);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /**
     * Decrypts and decompresses the entry at {@code index}, which must unpack to exactly
     * {@code size} bytes (never more is read).
     *
     * @throws AEADBadTagException when the bytes, the index, the package or the key differ
     * @throws DataFormatException when the decrypted bytes do not unpack to {@code size} bytes
     */
    public static byte[] open(byte[] contentKey, String packageId, int index, byte[] sealed, long size)
            throws AEADBadTagException, DataFormatException {
        return open(contentKey, packageId, index, sealed, size, true);
    }

    /** The same when only an upper bound is known (the table of contents): at most {@code max} bytes. */
    public static byte[] openAtMost(byte[] contentKey, String packageId, int index, byte[] sealed, long max)
            throws AEADBadTagException, DataFormatException {
        return open(contentKey, packageId, index, sealed, max, false);
    }

    private static byte[] open(byte[] contentKey, String packageId, int index, byte[] sealed, long size, boolean exact)
            throws AEADBadTagException, DataFormatException {
        byte[] compressed;
        try {
            compressed = gcm(Cipher.DECRYPT_MODE, contentKey, packageId, index, sealed);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            // too short to hold a tag, or a key of the wrong length: as good as a wrong tag
            throw new AEADBadTagException(e.getMessage());
        }
        return inflate(compressed, size, exact);
    }

    static byte[] info(String packageId, String senderKeyId, String recipientKeyId) {
        return (LABEL + "|" + packageId + "|" + senderKeyId + "|" + recipientKeyId).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] aad(String packageId, int index) {
        return (LABEL + "|" + packageId + "|" + index).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] nonce(int index) {
        return Hpke.i2osp(index, Hpke.NN);
    }

    private static byte[] gcm(int mode, byte[] key, String packageId, int index, byte[] data)
            throws GeneralSecurityException {
        if (key == null || key.length != CONTENT_KEY_LENGTH) {
            throw new GeneralSecurityException("a content key has 32 bytes");
        }
        if (index < 0) {
            throw new IllegalArgumentException("negative entry index");
        }
        if (mode == Cipher.DECRYPT_MODE && data.length < TAG_LENGTH) {
            throw new AEADBadTagException("shorter than a tag"); // the JDK would throw a ProviderException
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce(index)));
        c.updateAAD(aad(packageId, index));
        if (mode == Cipher.DECRYPT_MODE) {
            return c.doFinal(data); // the JDK holds back what it decrypts until the tag is checked anyway
        }
        // Fed in pieces, not in one call: the JDK's AES-GCM loop only reaches its compiled (AES-NI and
        // carry-less multiply) form after several hundred calls, so one call per 1 MB entry stays in the
        // slow first form for the JVM's whole life (~50 MB/s here, against GB/s once compiled, which 2 KiB
        // pieces reach from about the tenth 1 MB entry on). The bytes are the same.
        byte[] out = new byte[c.getOutputSize(data.length)];
        int at = 0;
        for (int from = 0; from < data.length; from += GCM_PIECE) {
            at += c.update(data, from, Math.min(GCM_PIECE, data.length - from), out, at);
        }
        at += c.doFinal(out, at);
        return at == out.length ? out : java.util.Arrays.copyOf(out, at);
    }

    /** Bytes handed to AES-GCM per call when encrypting (see {@link #gcm}). */
    private static final int GCM_PIECE = 2048;

    static byte[] deflate(byte[] data) {
        int level = Compression.levelFor(data, data.length);
        Deflater deflater = new Deflater(level, true);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(
                    Math.max(64, level == Deflater.NO_COMPRESSION ? data.length + 64 : data.length / 4));
            try (DeflaterOutputStream d = new DeflaterOutputStream(out, deflater, 64 * 1024)) {
                d.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            deflater.end();
        }
    }

    /** Raw DEFLATE, read with a hard bound: more than {@code size} bytes (or, when exact, fewer) is refused. */
    static byte[] inflate(byte[] compressed, long size, boolean exact) throws DataFormatException {
        if (size < 0 || size > Integer.MAX_VALUE - 8) {
            throw new DataFormatException("size out of range");
        }
        Inflater inflater = new Inflater(true);
        try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(compressed), inflater,
                64 * 1024)) {
            byte[] out = in.readNBytes((int) size);
            if ((exact && out.length != size) || in.read() != -1 || !inflater.finished() || inflater.getRemaining() > 0) {
                throw new DataFormatException("does not unpack to exactly " + size + " bytes");
            }
            return out;
        } catch (java.util.zip.ZipException e) {
            throw new DataFormatException(e.getMessage());
        } catch (IOException e) {
            throw new DataFormatException(String.valueOf(e.getMessage()));
        } finally {
            inflater.end();
        }
    }
}
