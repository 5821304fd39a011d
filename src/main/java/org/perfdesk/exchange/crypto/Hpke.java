package org.perfdesk.exchange.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hybrid Public Key Encryption, RFC 9180, base mode (mode_base, no PSK, no sender authentication),
 * with DHKEM(X25519, HKDF-SHA256) (kem_id 0x0020), HKDF-SHA256 (kdf_id 0x0001) and AES-128-GCM
 * (aead_id 0x0001, for the RFC's test vectors) or AES-256-GCM (aead_id 0x0002, what packages use).
 * Written from §4, §5.1 and §7.1 of the RFC over the JDK's X25519, HmacSHA256 and AES/GCM; the
 * RFC's Appendix A.1 vectors are unit tests. Only single-shot use is offered (sequence 0), which is all
 * wrapping a content key needs.
 */
public final class Hpke {
    public static final int KEM_ID = 0x0020;
    public static final int KDF_ID = 0x0001;
    static final int NN = 12;
    static final int NT = 16;
    private static final byte MODE_BASE = 0x00;
    private static final byte[] VERSION = ascii("HPKE-v1");
    private static final byte[] KEM_SUITE = concat(ascii("KEM"), i2osp(KEM_ID, 2));

    /** The AEADs offered, with their ids and key lengths (Nk). */
    public enum Aead {
        AES_128_GCM(0x0001, 16), AES_256_GCM(0x0002, 32);

        final int id;
        final int nk;

        Aead(int id, int nk) {
            this.id = id;
            this.nk = nk;
        }
    }

    /** What the sender sends: the encapsulated key (the ephemeral public key, 32 bytes) and the ciphertext. */
    public record Sealed(byte[] enc, byte[] ciphertext) {
    }

    /** The key schedule's output (kept whole so tests can compare every step with the RFC). */
    record Context(Aead aead, byte[] keyScheduleContext, byte[] secret, byte[] key, byte[] baseNonce,
                   byte[] exporterSecret) {
        byte[] nonce(long seq) {
            byte[] nonce = baseNonce.clone();
            byte[] s = i2osp(seq, NN);
            for (int i = 0; i < NN; i++) {
                nonce[i] ^= s[i];
            }
            return nonce;
        }

        byte[] seal(byte[] aad, byte[] pt, long seq) {
            try {
                return aead(Cipher.ENCRYPT_MODE, aad, pt, seq);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM failed", e);
            }
        }

        byte[] open(byte[] aad, byte[] ct, long seq) throws AEADBadTagException {
            try {
                return aead(Cipher.DECRYPT_MODE, aad, ct, seq);
            } catch (AEADBadTagException e) {
                throw e;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM failed", e);
            }
        }

        private byte[] aead(int mode, byte[] aad, byte[] data, long seq) throws GeneralSecurityException {
            if (mode == Cipher.DECRYPT_MODE && data.length < NT) {
                throw new AEADBadTagException("shorter than a tag"); // the JDK would throw a ProviderException
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(NT * 8, nonce(seq)));
            c.updateAAD(aad);
            return c.doFinal(data);
        }
    }

    private Hpke() {
    }

    /** SealBase(pkR, info, aad, pt) with a fresh ephemeral key. */
    public static Sealed seal(PublicKey recipient, byte[] info, byte[] aad, byte[] plaintext, Aead aead) {
        return seal(recipient, X25519.generate(), info, aad, plaintext, aead);
    }

    /** The same with a given ephemeral key pair: for test vectors only. */
    static Sealed seal(PublicKey recipient, KeyPair ephemeral, byte[] info, byte[] aad, byte[] plaintext, Aead aead) {
        byte[] enc = X25519.raw(ephemeral.getPublic());
        byte[] dh = X25519.dh(ephemeral.getPrivate(), recipient);
        byte[] shared = extractAndExpand(dh, concat(enc, X25519.raw(recipient)));
        return new Sealed(enc, keySchedule(aead, shared, info).seal(aad, plaintext, 0));
    }

    /**
     * OpenBase(enc, skR, info, aad, ct).
     *
     * @throws AEADBadTagException      when the ciphertext, the info or the aad differ from what was
     *                                  sealed, or it was sealed for another key
     * @throws IllegalArgumentException when {@code enc} is not a usable X25519 public key
     */
    public static byte[] open(KeyPair recipient, byte[] enc, byte[] info, byte[] aad, byte[] ciphertext, Aead aead)
            throws AEADBadTagException {
        return keySchedule(aead, decap(enc, recipient), info).open(aad, ciphertext, 0);
    }

    /** Decap(enc, skR) of DHKEM(X25519, HKDF-SHA256): the 32-byte shared secret. */
    static byte[] decap(byte[] enc, KeyPair recipient) {
        byte[] dh = X25519.dh(recipient.getPrivate(), X25519.fromRaw(enc));
        return extractAndExpand(dh, concat(enc, X25519.raw(recipient.getPublic())));
    }

    /** ExtractAndExpand(dh, kem_context) with the KEM's suite id. */
    static byte[] extractAndExpand(byte[] dh, byte[] kemContext) {
        byte[] prk = labeledExtract(KEM_SUITE, new byte[0], "eae_prk", dh);
        return labeledExpand(KEM_SUITE, prk, "shared_secret", kemContext, 32);
    }

    /** DeriveKeyPair(ikm) of DHKEM(X25519, HKDF-SHA256) (§7.1.3); used to check the RFC's vectors. */
    static KeyPair deriveKeyPair(byte[] ikm) {
        byte[] prk = labeledExtract(KEM_SUITE, new byte[0], "dkp_prk", ikm);
        return X25519.pairOf(X25519.privateFromRaw(labeledExpand(KEM_SUITE, prk, "sk", new byte[0], 32)));
    }

    /** KeySchedule(mode_base, shared_secret, info, default_psk, default_psk_id). */
    static Context keySchedule(Aead aead, byte[] sharedSecret, byte[] info) {
        byte[] suite = concat(ascii("HPKE"), i2osp(KEM_ID, 2), i2osp(KDF_ID, 2), i2osp(aead.id, 2));
        byte[] pskIdHash = labeledExtract(suite, new byte[0], "psk_id_hash", new byte[0]);
        byte[] infoHash = labeledExtract(suite, new byte[0], "info_hash", info);
        byte[] context = concat(new byte[] {MODE_BASE}, pskIdHash, infoHash);
        byte[] secret = labeledExtract(suite, sharedSecret, "secret", new byte[0]);
        return new Context(aead, context, secret,
                labeledExpand(suite, secret, "key", context, aead.nk),
                labeledExpand(suite, secret, "base_nonce", context, NN),
                labeledExpand(suite, secret, "exp", context, Hkdf.HASH_LENGTH));
    }

    static byte[] labeledExtract(byte[] suite, byte[] salt, String label, byte[] ikm) {
        return Hkdf.extract(salt, concat(VERSION, suite, ascii(label), ikm));
    }

    static byte[] labeledExpand(byte[] suite, byte[] prk, String label, byte[] info, int length) {
        return Hkdf.expand(prk, concat(i2osp(length, 2), VERSION, suite, ascii(label), info), length);
    }

    /** I2OSP: a non-negative integer as {@code n} big-endian bytes. */
    static byte[] i2osp(long value, int n) {
        byte[] out = new byte[n];
        for (int i = n - 1; i >= 0 && value != 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
