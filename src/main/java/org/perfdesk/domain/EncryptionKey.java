package org.perfdesk.domain;

import java.time.Instant;

/**
 * A public encryption key packages for a unit are encrypted to (X25519 under intl-1, SM2 under gm-1).
 *
 * @param publicKey    base64 of the key's SubjectPublicKeyInfo
 * @param signingKeyId the signing key that vouched for it (the card's signature or a signed package)
 * @param createdAt    when its owner made it; of a unit's keys, the newest is used
 * @param signature    for the workspace's own keys: the signature that goes on its card; else null
 * @param suite        the algorithm suite ({@code intl-1}, {@code gm-1}): packages of that suite are sealed for it
 */
public record EncryptionKey(String keyId, String unitCode, String publicKey, String signingKeyId, Source source,
                            Instant createdAt, Instant receivedAt, String signature, String suite) {

    public enum Source {
        /** The workspace's own key (current or retired). */
        OWN,
        /** From the office's (or collector's) card, signed by its signing key. */
        CARD,
        /** From a unit's enrollment package. */
        ENROLLMENT,
        /** From any signed package (a key rotated later travels this way). */
        PACKAGE
    }
}
