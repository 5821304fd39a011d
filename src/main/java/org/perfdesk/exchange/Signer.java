package org.perfdesk.exchange;

import java.security.PrivateKey;
import java.security.PublicKey;

import org.perfdesk.exchange.crypto.Ed25519;

/** A workspace's unlocked signing key, held in memory for the session once the passphrase was given. */
public record Signer(String unitCode, PrivateKey privateKey, PublicKey publicKey) {
    public String keyId() {
        return Ed25519.keyId(publicKey);
    }
}
