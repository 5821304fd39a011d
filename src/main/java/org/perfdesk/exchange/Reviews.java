package org.perfdesk.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.store.Workspace;

/**
 * The office approves or returns a unit's plan (审核/批复) with a reason; the answer records the node
 * revisions it saw and goes back as a signed package.
 */
public final class Reviews {
    private Reviews() {
    }

    /** Records the decision and writes the answer, sealed for the unit. */
    public static PackageWriter.Written decide(Workspace ws, Signer signer, String unitCode, int year,
                                               PlanReview.Decision decision, String reason, Path out) {
        return decide(ws, signer, unitCode, year, decision, reason, out, false);
    }

    /** The same; {@code plain} writes the answer in the clear. */
    public static PackageWriter.Written decide(Workspace ws, Signer signer, String unitCode, int year,
                                               PlanReview.Decision decision, String reason, Path out, boolean plain) {
        if (reason == null || reason.isBlank()) {
            throw new UserError("error.review.reasonRequired");
        }
        PackageRecord plan = latestPlan(ws, unitCode, year);
        List<PlanReview.NodeRevision> nodes = ws.goals().findAll(unitCode, year).stream()
                .filter(n -> !n.deleted())
                .map((GoalNode n) -> new PlanReview.NodeRevision(n.id(), n.revision())).toList();
        PlanReview review = new PlanReview(UUID.randomUUID().toString(), unitCode, year, plan.packageId(), decision,
                reason.strip(), Instant.now(), null, nodes);
        Payloads.Review payload = new Payloads.Review(Payloads.REVIEW_FORMAT, review.reviewId(), unitCode, year,
                plan.packageId(), decision.name(), review.reason(), review.decidedAt().toString(),
                nodes.stream().map(n -> new Payloads.NodeRevision(n.nodeId(), n.revision())).toList());
        PackageKind kind = decision == PlanReview.Decision.APPROVED ? PackageKind.APPROVAL : PackageKind.RETURN;
        PackageWriter.Written written = new Exporter(ws, signer).exportOfficePackage(kind, unitCode, year,
                EntryNames.REVIEW, payload, out, plain);
        ws.database().write(c -> {
            ws.reviews().save(review.withAnswer(written.manifest().packageId()));
            ws.audit().append("review", unitCode + " " + year, null,
                    decision.name() + " plan=" + plan.packageId() + " answer=" + written.manifest().packageId(),
                    review.reason(), org.perfdesk.store.AuditLog.facts("op", decision.name(), "unit", unitCode,
                            "year", year, "plan", plan.packageId(), "answer", written.manifest().packageId()));
            return null;
        });
        return written;
    }

    /** The unit's last accepted plan for the year; reviewing needs one. */
    static PackageRecord latestPlan(Workspace ws, String unitCode, int year) {
        List<PackageRecord> plans = PlanRevisions.plans(ws, unitCode, year);
        if (plans.isEmpty()) {
            throw new UserError("error.review.noPlan", unitCode, String.valueOf(year));
        }
        return plans.get(plans.size() - 1);
    }
}
