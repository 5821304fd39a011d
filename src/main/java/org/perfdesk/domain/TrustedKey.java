package org.perfdesk.domain;

import java.time.Instant;

/**
 * A public signing key a workspace accepts signatures from.
 *
 * @param publicKey base64 of the key's SubjectPublicKeyInfo
 * @param source    how it came to be trusted
 * @param suite     the algorithm suite it belongs to ({@code intl-1}, {@code gm-1}): it verifies packages of
 *                  that suite only
 */
public record TrustedKey(String keyId, String unitCode, String publicKey, Source source, Instant validFrom,
                         Instant revokedAt, String revokedReason, String suite) {
    /** The suite of every key before suites were recorded. */
    public static final String INTL = "intl-1";

    /** An intl-1 key (tests, and keys from before suites). */
    public TrustedKey(String keyId, String unitCode, String publicKey, Source source, Instant validFrom,
                      Instant revokedAt, String revokedReason) {
        this(keyId, unitCode, publicKey, source, validFrom, revokedAt, revokedReason, INTL);
    }

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
