package org.perfdesk.domain;

import java.time.Instant;
import java.util.List;

/**
 * The office's answer to a unit's plan: under 批复 approved or returned, under 备案 acknowledged or a
 * correction asked for ({@link ReviewMode}); always with a reason, and the node revisions it covered, so a
 * later change to an approved (or filed) node can be flagged. A positive answer is {@code APPROVED} in
 * either mode, a negative one {@code RETURNED}.
 */
public record PlanReview(String reviewId, String unitCode, int year, String planPackageId, Decision decision,
                         String reason, Instant decidedAt, String answerPackageId, List<NodeRevision> nodes,
                         ReviewMode mode) {

    public enum Decision { APPROVED, RETURNED }

    public record NodeRevision(String nodeId, int revision) {
    }

    public PlanReview {
        if (reason == null || reason.isBlank()) {
            throw new UserError("error.review.reasonRequired");
        }
        nodes = List.copyOf(nodes);
        mode = mode == null ? ReviewMode.APPROVAL : mode;
    }

    /** An answer under 批复 (approve or return). */
    public PlanReview(String reviewId, String unitCode, int year, String planPackageId, Decision decision,
                      String reason, Instant decidedAt, String answerPackageId, List<NodeRevision> nodes) {
        this(reviewId, unitCode, year, planPackageId, decision, reason, decidedAt, answerPackageId, nodes,
                ReviewMode.APPROVAL);
    }

    public PlanReview withAnswer(String packageId) {
        return new PlanReview(reviewId, unitCode, year, planPackageId, decision, reason, decidedAt, packageId, nodes,
                mode);
    }

    /** The answer in words: 批复同意, 退回修改, 予以备案, 请更正. */
    public String words() {
        return Texts.t("review.word." + mode.name() + "." + decision.name());
    }
}
