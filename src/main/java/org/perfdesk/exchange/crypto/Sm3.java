package org.perfdesk.exchange.crypto;

import java.security.MessageDigest;

import org.bouncycastle.jcajce.provider.digest.SM3;

/**
 * SM3 (GB/T 32905-2016), the gm-1 suite's hash: 32 bytes. Bouncy Castle's digest as a {@link MessageDigest},
 * made directly rather than through a registered provider (building the whole provider costs seconds).
 */
public final class Sm3 {
    public static final int LENGTH = 32;

    private Sm3() {
    }

    /** A fresh digest, to feed in pieces (a file, a stream) like any {@link MessageDigest}. */
    public static MessageDigest newDigest() {
        return new SM3.Digest();
    }

    public static byte[] hash(byte[] data) {
        return newDigest().digest(data);
    }

    /** HMAC-SM3 (RFC 2104 with SM3, GM/T 0042): the gm-1 suite's keyed hash. */
    public static byte[] hmac(byte[] key, byte[] data) {
        org.bouncycastle.crypto.macs.HMac mac = new org.bouncycastle.crypto.macs.HMac(
                new org.bouncycastle.crypto.digests.SM3Digest());
        mac.init(new org.bouncycastle.crypto.params.KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }
}
