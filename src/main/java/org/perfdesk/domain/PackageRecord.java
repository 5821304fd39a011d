package org.perfdesk.domain;

import java.time.Instant;

/**
 * A package this workspace wrote (OUT) or accepted (IN): its place in the sender's chain and what
 * became of it.
 *
 * @param fileHash       SHA-256 of the whole package file, as it was written or received
 * @param previousHash   the link to the sender's previous package, as the manifest says: that package's
 *                       manifest hash (or, when it was written before manifest hashes, its file hash)
 * @param outerPackageId for a package that arrived inside a collector's package, the outer one
 * @param manifestHash   SHA-256 of the signed {@code manifest.json}: the package's identity, the same for
 *                       every copy however it was zipped; null for packages recorded before schema 7
 */
public record PackageRecord(String packageId, Direction direction, String kind, String senderCode,
                            String senderKeyId, String recipientCode, int year, long sequence, String previousHash,
                            String fileHash, String fileName, long fileSize, Instant createdAt, Instant processedAt,
                            String warning, String reportJson, String outerPackageId, String manifestHash) {

    public enum Direction { IN, OUT }

    /**
     * The hash that names this package in a chain link and a receipt: its manifest hash, or for a
     * package recorded before schema 7 its file hash (what that version wrote and checked).
     */
    public String identity() {
        return manifestHash != null ? manifestHash : fileHash;
    }

    /** Whether a {@code previousHash} names this package: its manifest hash or its file hash. */
    public boolean isNamedBy(String hash) {
        return hash != null && (hash.equals(manifestHash) || hash.equals(fileHash));
    }
}
