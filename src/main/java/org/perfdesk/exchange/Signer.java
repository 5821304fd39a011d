package org.perfdesk.exchange;

import java.security.PrivateKey;
import java.security.PublicKey;

import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.crypto.KeyRing;
import org.perfdesk.exchange.crypto.X25519;

/**
 * A workspace's keys, unlocked once per session when the passphrase was given: the signing key, and
 * the encryption keys it decrypts with (the current one, whose public half packages are also sealed
 * to, and the ones it had before each rotation).
 */
public record Signer(String unitCode, PrivateKey privateKey, PublicKey publicKey, KeyRing keyRing,
                     PublicKey encryptionKey) {

    /** Signing only (tests, and packages of a workspace without an encryption key). */
    public Signer(String unitCode, PrivateKey privateKey, PublicKey publicKey) {
        this(unitCode, privateKey, publicKey, KeyRing.EMPTY, null);
    }

    public String keyId() {
        return Ed25519.keyId(publicKey);
    }

    /** The current encryption key's id, or null. */
    public String encryptionKeyId() {
        return encryptionKey == null ? null : X25519.keyId(encryptionKey);
    }
}
