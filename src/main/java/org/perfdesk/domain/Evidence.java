package org.perfdesk.domain;

import java.time.Instant;

/** An evidence file backing an indicator's self-assessment; the file itself is stored by its SHA-256. */
public record Evidence(String nodeId, String sha256, String fileName, long size, String mediaType, String note,
                       Instant addedAt) {
}
