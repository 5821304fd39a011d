package org.perfdesk.domain;

import java.time.Instant;
import java.util.List;

/**
 * The office's answer to a unit's plan (审核/批复): approved or returned, always with a reason, and
 * the node revisions it covered, so a later change to an approved node can be flagged.
 */
public record PlanReview(String reviewId, String unitCode, int year, String planPackageId, Decision decision,
                         String reason, Instant decidedAt, String answerPackageId, List<NodeRevision> nodes) {

    public enum Decision { APPROVED, RETURNED }

    public record NodeRevision(String nodeId, int revision) {
    }

    public PlanReview {
        if (reason == null || reason.isBlank()) {
            throw new UserError("error.review.reasonRequired");
        }
        nodes = List.copyOf(nodes);
    }

    public PlanReview withAnswer(String packageId) {
        return new PlanReview(reviewId, unitCode, year, planPackageId, decision, reason, decidedAt, packageId, nodes);
    }
}
