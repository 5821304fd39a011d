package org.perfdesk.domain;

import java.time.Instant;

/**
 * A public signing key a workspace accepts signatures from.
 *
 * @param publicKey base64 of the key's SubjectPublicKeyInfo
 * @param source    how it came to be trusted
 */
public record TrustedKey(String keyId, String unitCode, String publicKey, Source source, Instant validFrom,
                         Instant revokedAt, String revokedReason) {

    public enum Source {
        /** The workspace's own key. */
        OWN,
        /** The office's key, pinned by a unit after comparing the fingerprint by phone. */
        PINNED,
        /** A unit's key, registered by the office (or a collector) after comparing the fingerprint. */
        REGISTERED,
        /** The workspace's own key as the office certified it. */
        CERTIFIED
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
