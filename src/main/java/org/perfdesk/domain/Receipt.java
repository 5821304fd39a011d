package org.perfdesk.domain;

import java.time.Instant;

/** The office's signed word that it received a package: the unit's proof of submission. */
public record Receipt(String packageId, String fileHash, String receiptPackageId, Instant receivedAt, String verdict) {
}
