package org.perfdesk.exchange;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.crypto.KeyRing;
import org.perfdesk.exchange.crypto.Suite;

/**
 * A workspace's keys, unlocked once per session when the passphrase was given: per algorithm suite it
 * holds keys of, the signing key and the current encryption key; and the ring of every encryption key
 * it decrypts with (current and retired, of every suite). {@link #suite()} is the suite it signs with
 * now (the workspace's newest); {@link #forSuite} gives the same keys signing with another suite, for a
 * package of a year before a move to gm-1.
 */
public record Signer(String unitCode, Suite suite, Map<Suite, Keys> keys, KeyRing keyRing) {

    /** One suite's keys: signing, and the current encryption key (null in a workspace from before encryption). */
    public record Keys(PrivateKey privateKey, PublicKey publicKey, PublicKey encryptionKey) {
    }

    public Signer {
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        if (!keys.containsKey(suite)) {
            throw new IllegalArgumentException("no keys of " + suite);
        }
    }

    /** One suite's keys (the suite is the signing key's). */
    public Signer(String unitCode, PrivateKey privateKey, PublicKey publicKey, KeyRing keyRing,
                  PublicKey encryptionKey) {
        this(unitCode, Suite.ofKey(publicKey), Map.of(Suite.ofKey(publicKey),
                new Keys(privateKey, publicKey, encryptionKey)), keyRing);
    }

    /** Signing only (tests, and packages of a workspace without an encryption key). */
    public Signer(String unitCode, PrivateKey privateKey, PublicKey publicKey) {
        this(unitCode, privateKey, publicKey, KeyRing.EMPTY, null);
    }

    public PrivateKey privateKey() {
        return keys.get(suite).privateKey();
    }

    public PublicKey publicKey() {
        return keys.get(suite).publicKey();
    }

    /** The current encryption key of {@link #suite()}, or null. */
    public PublicKey encryptionKey() {
        return keys.get(suite).encryptionKey();
    }

    public String keyId() {
        return suite.keyId(publicKey());
    }

    /** The current encryption key's id, or null. */
    public String encryptionKeyId() {
        return encryptionKey() == null ? null : suite.keyId(encryptionKey());
    }

    /** The suites this workspace holds keys of. */
    public Set<Suite> suites() {
        return keys.keySet();
    }

    public boolean has(Suite s) {
        return keys.containsKey(s);
    }

    /** The same keys signing with {@code s}; a message when the workspace holds no keys of it. */
    public Signer forSuite(Suite s) {
        if (s == suite) {
            return this;
        }
        if (!keys.containsKey(s)) {
            throw new UserError("error.suite.noKeys", s.label());
        }
        return new Signer(unitCode, s, keys, keyRing);
    }
}
