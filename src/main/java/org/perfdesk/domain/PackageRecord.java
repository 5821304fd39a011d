package org.perfdesk.domain;

import java.time.Instant;

/**
 * A package this workspace wrote (OUT) or accepted (IN): its place in the sender's chain and what
 * became of it.
 *
 * @param fileHash       SHA-256 of the whole package file
 * @param previousHash   the sender's previous package's file hash, as the manifest says
 * @param outerPackageId for a package that arrived inside a collector's package, the outer one
 */
public record PackageRecord(String packageId, Direction direction, String kind, String senderCode,
                            String senderKeyId, String recipientCode, int year, long sequence, String previousHash,
                            String fileHash, String fileName, long fileSize, Instant createdAt, Instant processedAt,
                            String warning, String reportJson, String outerPackageId) {

    public enum Direction { IN, OUT }
}
