package org.perfdesk.exchange.snapshot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.perfdesk.domain.Direction;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.ReportKind;

/**
 * The JSON payloads a package carries (see package-format.md). Plain records with no type ids, read
 * with {@link org.perfdesk.exchange.pkg.StrictJson}: a field this version does not know is refused.
 */
public final class Payloads {
    public static final String SNAPSHOT_FORMAT = "perfdesk-snapshot/1";
    public static final String ENROLLMENT_FORMAT = "perfdesk-enrollment/1";
    public static final String CERTIFICATE_FORMAT = "perfdesk-certificate/1";
    public static final String REVOCATIONS_FORMAT = "perfdesk-revocations/1";
    public static final String REVIEW_FORMAT = "perfdesk-review/1";
    /** A receipt naming the package by its manifest hash (its identity) as well as by the file received. */
    public static final String RECEIPT_FORMAT = "perfdesk-receipt/2";
    /** A receipt from a version before manifest hashes: the file hash only; still read. */
    public static final String RECEIPT_FORMAT_V1 = "perfdesk-receipt/1";
    /** A card with the encryption key (and its signature); version 1 cards, without it, are still read. */
    public static final String CARD_FORMAT = "perfdesk-card/2";
    public static final String CARD_FORMAT_V1 = "perfdesk-card/1";
    public static final String ENCRYPTION_KEY_FORMAT = "perfdesk-encryption-public-key/1";
    public static final String INNER_KEYS_FORMAT = "perfdesk-inner-keys/1";

    private Payloads() {
    }

    /** A unit's data for one year: its organisations, whole goal tree (tombstones included), progress, self-assessment. */
    public record Snapshot(String format, String unitCode, int year, List<Org> organisations, List<Node> nodes,
                           List<ProgressItem> progress, List<SelfAssessmentItem> selfAssessments,
                           List<ReportItem> reports, List<EvidenceItem> evidence) {
    }

    /** One section of a report as the unit wrote it. */
    public record ReportItem(ReportKind kind, String key, int position, String title, String body) {
    }

    /** An evidence file of an indicator; its bytes travel as {@code attachments/<sha256>}. */
    public record EvidenceItem(String nodeId, String sha256, String fileName, long size, String mediaType,
                               String note) {
    }

    public record Org(String code, String name, OrgKind kind, String parent, RankingGroup group) {
    }

    /**
     * One goal-tree node. {@code targetHigh} is the upper bound of a range target (区间); it is left out
     * of the JSON when there is none, so a package without ranges reads in versions that predate them.
     */
    public record Node(String id, String parentId, int position, NodeKind kind, String title, String description,
                       String owner, String quality, LocalDate deadline, BigDecimal weight, String measureType,
                       BigDecimal target, BigDecimal baseline, String unitOfMeasure, Direction direction,
                       List<String> levels, String targetLevel, LocalDate due, String originId, int revision,
                       boolean deleted,
                       @com.fasterxml.jackson.annotation.JsonInclude(
                               com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) BigDecimal targetHigh) {
    }

    public record ProgressItem(String nodeId, int quarter, BigDecimal actual, BigDecimal completion,
                               ProgressStatus status, String narrative, String problems, String causes,
                               String measures) {
    }

    public record SelfAssessmentItem(String nodeId, BigDecimal score, String level, String narrative) {
    }

    /** A unit introducing itself and its key to the office (or a collector). */
    public record Enrollment(String format, Org unit, String publicKey, String createdAt) {
    }

    /**
     * The card of the office (or of a collector), handed to the units that report to it at set-up. Not
     * a package: trust comes from comparing the fingerprint of the signing key by phone; the encryption
     * key rides on that trust through its signature by the signing key (over
     * {@code WorkspaceKeys.statement}). Both encryption fields are absent from a version 1 card.
     */
    public record Card(String format, String code, String name, OrgKind kind, String publicKey, String fingerprint,
                       String encryptionKey, String encryptionKeyCreatedAt, String encryptionKeySignature) {
    }

    /**
     * {@code payload/encryption-key.json}: the sender's current encryption key (X25519, base64
     * SubjectPublicKeyInfo), vouched for by the package's signature. How a new key reaches the other
     * side after a rotation.
     */
    public record EncryptionKey(String format, String unitCode, String keyId, String publicKey, String createdAt) {
    }

    /** {@code payload/inner-keys.json}: the content keys of the sealed packages a collector forwards. */
    public record InnerKeys(String format, List<InnerKey> keys) {
    }

    /** A forwarded package's content key, base64. */
    public record InnerKey(String packageId, String contentKey) {
    }

    /** The office's statement that a key belongs to a unit. */
    public record Certificate(String format, String unitCode, String unitName, String keyId, String publicKey,
                              String issuedAt, String issuerCode, String issuerKeyId) {
    }

    /** Keys the office has revoked; in every package the office sends. */
    public record Revocations(String format, List<Revocation> revocations) {
    }

    public record Revocation(String unitCode, String keyId, String revokedAt, String reason) {
    }

    /** The office's approval or return of a unit's plan. */
    public record Review(String format, String reviewId, String unitCode, int year, String planPackageId,
                         String decision, String reason, String decidedAt, List<NodeRevision> nodes) {
    }

    public record NodeRevision(String id, int revision) {
    }

    /**
     * The office's receipt for a package it accepted: {@code packageHash} is the SHA-256 of its
     * manifest (absent in version 1), {@code fileHash} that of the file as the office received it.
     */
    public record ReceiptPayload(String format, String packageId, String packageHash, String fileHash, String kind,
                                 int year, long sequence, String receivedAt, String verdict, String warning) {
    }
}
