package org.perfdesk.exchange.snapshot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

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
    /*
     * Structures that name their algorithm suite (package-format.md §11): a suite other than intl-1 writes
     * these versions with "suite"; intl-1 keeps the versions before, whose number means intl-1.
     */
    public static final String ENROLLMENT_FORMAT_V2 = "perfdesk-enrollment/2";
    public static final String CERTIFICATE_FORMAT_V2 = "perfdesk-certificate/2";
    public static final String RECEIPT_FORMAT_V3 = "perfdesk-receipt/3";
    public static final String CARD_FORMAT_V3 = "perfdesk-card/3";
    public static final String ENCRYPTION_KEY_FORMAT_V2 = "perfdesk-encryption-public-key/2";
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
    public static final String INDICATOR_SYSTEM_FORMAT = "perfdesk-indicator-system/1";
    public static final String CALENDAR_FORMAT = "perfdesk-calendar/1";
    public static final String PLAN_DOCUMENT_FORMAT = "perfdesk-plan-document/1";
    public static final String MONITORING_FORMAT = "perfdesk-monitoring/1";

    private Payloads() {
    }

    /** A unit's data for one year: its organisations, whole goal tree (tombstones included), progress, self-assessment. */
    public record Snapshot(String format, String unitCode, int year, List<Org> organisations, List<Node> nodes,
                           List<ProgressItem> progress, List<SelfAssessmentItem> selfAssessments,
                           List<ReportItem> reports, List<EvidenceItem> evidence) implements SnapshotJson.Parts {
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
     * {@code systemCode} is the code of the office's indicator system the node is linked to (指标体系编码),
     * likewise left out when there is none.
     */
    public record Node(String id, String parentId, int position, NodeKind kind, String title, String description,
                       String owner, String quality, LocalDate deadline, BigDecimal weight, String measureType,
                       BigDecimal target, BigDecimal baseline, String unitOfMeasure, Direction direction,
                       List<String> levels, String targetLevel, LocalDate due, String originId, int revision,
                       boolean deleted,
                       @com.fasterxml.jackson.annotation.JsonInclude(
                               com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) BigDecimal targetHigh,
                       @com.fasterxml.jackson.annotation.JsonInclude(
                               com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String systemCode) {
        /** A node without a link to the indicator system. */
        public Node(String id, String parentId, int position, NodeKind kind, String title, String description,
                    String owner, String quality, LocalDate deadline, BigDecimal weight, String measureType,
                    BigDecimal target, BigDecimal baseline, String unitOfMeasure, Direction direction,
                    List<String> levels, String targetLevel, LocalDate due, String originId, int revision,
                    boolean deleted, BigDecimal targetHigh) {
            this(id, parentId, position, kind, title, description, owner, quality, deadline, weight, measureType,
                    target, baseline, unitOfMeasure, direction, levels, targetLevel, due, originId, revision, deleted,
                    targetHigh, null);
        }
    }

    public record ProgressItem(String nodeId, int quarter, BigDecimal actual, BigDecimal completion,
                               ProgressStatus status, String narrative, String problems, String causes,
                               String measures) {
    }

    public record SelfAssessmentItem(String nodeId, BigDecimal score, String level, String narrative) {
    }

    /** A unit introducing itself and its key to the office (or a collector); {@code suite} in version 2 only. */
    public record Enrollment(String format, @JsonInclude(JsonInclude.Include.NON_NULL) String suite, Org unit,
                             String publicKey, String createdAt) {
        /** An intl-1 enrollment ({@code perfdesk-enrollment/1}). */
        public Enrollment(String format, Org unit, String publicKey, String createdAt) {
            this(format, null, unit, publicKey, createdAt);
        }
    }

    /**
     * The card of the office (or of a collector), handed to the units that report to it at set-up. Not
     * a package: trust comes from comparing the fingerprint of the signing key by phone; the encryption
     * key rides on that trust through its signature by the signing key (over
     * {@code WorkspaceKeys.statement}). Both encryption fields are absent from a version 1 card.
     */
    public record Card(String format, @JsonInclude(JsonInclude.Include.NON_NULL) String suite,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Integer fromYear, String code, String name,
                       OrgKind kind, String publicKey, String fingerprint,
                       String encryptionKey, String encryptionKeyCreatedAt, String encryptionKeySignature) {
        /** An intl-1 card (versions 1 and 2, which name no suite). */
        public Card(String format, String code, String name, OrgKind kind, String publicKey, String fingerprint,
                    String encryptionKey, String encryptionKeyCreatedAt, String encryptionKeySignature) {
            this(format, null, null, code, name, kind, publicKey, fingerprint, encryptionKey, encryptionKeyCreatedAt,
                    encryptionKeySignature);
        }
    }

    /**
     * {@code payload/encryption-key.json}: the sender's current encryption key (X25519, base64
     * SubjectPublicKeyInfo), vouched for by the package's signature. How a new key reaches the other
     * side after a rotation.
     */
    public record EncryptionKey(String format, @JsonInclude(JsonInclude.Include.NON_NULL) String suite,
                                String unitCode, String keyId, String publicKey, String createdAt) {
        /** An intl-1 statement (version 1, which names no suite). */
        public EncryptionKey(String format, String unitCode, String keyId, String publicKey, String createdAt) {
            this(format, null, unitCode, keyId, publicKey, createdAt);
        }
    }

    /** {@code payload/inner-keys.json}: the content keys of the sealed packages a collector forwards. */
    public record InnerKeys(String format, List<InnerKey> keys) {
    }

    /** A forwarded package's content key, base64. */
    public record InnerKey(String packageId, String contentKey) {
    }

    /** The office's statement that a key belongs to a unit. */
    public record Certificate(String format, @JsonInclude(JsonInclude.Include.NON_NULL) String suite,
                              String unitCode, String unitName, String keyId, String publicKey,
                              String issuedAt, String issuerCode, String issuerKeyId) {
        /** An intl-1 certificate (version 1). */
        public Certificate(String format, String unitCode, String unitName, String keyId, String publicKey,
                           String issuedAt, String issuerCode, String issuerKeyId) {
            this(format, null, unitCode, unitName, keyId, publicKey, issuedAt, issuerCode, issuerKeyId);
        }
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
     * The review payload's {@code decision}: APPROVED or RETURNED under 批复 (kinds APPROVAL, RETURN), FILED or
     * CORRECTION under 备案 (kinds FILED, CORRECTION).
     */
    public static String reviewDecision(org.perfdesk.domain.ReviewMode mode,
                                        org.perfdesk.domain.PlanReview.Decision decision) {
        if (mode == org.perfdesk.domain.ReviewMode.FILING) {
            return decision == org.perfdesk.domain.PlanReview.Decision.APPROVED ? "FILED" : "CORRECTION";
        }
        return decision.name();
    }

    /**
     * The office's receipt for a package it accepted: {@code packageHash} is the hash of its manifest
     * (absent in version 1), {@code fileHash} that of the file as the office received it — SHA-256, or in
     * version 3 the hash of the {@code suite} it names (the answered package's).
     */
    public record ReceiptPayload(String format, @JsonInclude(JsonInclude.Include.NON_NULL) String suite,
                                 String packageId, String packageHash, String fileHash, String kind,
                                 int year, long sequence, String receivedAt, String verdict, String warning) {
        /** An intl-1 receipt (versions 1 and 2). */
        public ReceiptPayload(String format, String packageId, String packageHash, String fileHash, String kind,
                              int year, long sequence, String receivedAt, String verdict, String warning) {
            this(format, null, packageId, packageHash, fileHash, kind, year, sequence, receivedAt, verdict, warning);
        }
    }

    // ---- the plan stage -----------------------------------------------------------------------

    /** {@code payload/indicator-system.json}: the year's indicator system of the recipient's ranking group. */
    public record IndicatorSystemPayload(String format, int year, RankingGroup group, String issuedAt,
                                         List<SystemIndicator> indicators) {
    }

    /** One indicator of the system: code, name, level, parent's code, weight, direction, unit, data source. */
    public record SystemIndicator(String code, String name, int level, String parent, BigDecimal weight,
                                  Direction direction, String unit, String source, String note) {
    }

    /**
     * {@code payload/calendar.json}: the year's steps with their dates as the office set them; whether the
     * recipient is one of the year's pilot units (联系点); the days the scheme gives for a rectification plan.
     */
    public record CalendarPayload(String format, String unitCode, int year, String issuedAt, boolean pilot,
                                  int rectificationDays, List<CalendarStep> steps) {
    }

    /** One step: its key, first day (for a step that spans a time) or null, last or only day, whose step it is. */
    public record CalendarStep(String key, LocalDate from, LocalDate date, org.perfdesk.domain.Role who) {
    }

    /**
     * {@code payload/plan-document.json}: the unit's plan (方案) — its sections as written, each 制度's measures,
     * and the annual work plan's file, whose bytes travel as {@code attachments/<sha256>}.
     */
    public record PlanDocumentPayload(String format, String unitCode, int year, List<PlanSectionItem> sections,
                                      WorkPlanItem workPlan) {
    }

    public record PlanSectionItem(String key, int position, String title, String body, List<PlanMeasureItem> measures) {
    }

    public record PlanMeasureItem(String text, String owner, LocalDate due) {
    }

    public record WorkPlanItem(String sha256, String fileName, long size) {
    }

    /** {@code payload/monitoring.json}: the unit's monitoring records for the year. */
    public record MonitoringPayload(String format, String unitCode, int year, List<MonitoringItem> records) {
    }

    public record MonitoringItem(String id, org.perfdesk.domain.MonitoringKind kind, Integer quarter, LocalDate heldOn,
                                 String chairedBy, String decisions, List<String> nodeIds) {
    }
}
