package org.perfdesk.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Ids;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.ReviewMode;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.store.Workspace;

/**
 * The office answers a unit's plan with a reason, as the year's scheme sets it for the unit's group: under
 * 批复 it approves or returns it (审核/批复, the provincial departments in the plan), under 备案 it
 * acknowledges it or asks for a correction (the city governments' plans are 报…备案). The answer records
 * the node revisions it saw and goes back as a signed package of its own kind (APPROVAL, RETURN, FILED,
 * CORRECTION).
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
        return decide(ws, signer, unitCode, year, modeFor(ws, unitCode, year), decision, reason, out, plain);
    }

    /**
     * The same, for an answer given as 批复 or as 备案 ({@code mode}): refused when the scheme sets the other
     * for the unit's group, so a city's plan is not approved by mistake where it is to be filed.
     */
    public static PackageWriter.Written decide(Workspace ws, Signer signer, String unitCode, int year, ReviewMode mode,
                                               PlanReview.Decision decision, String reason, Path out, boolean plain) {
        if (reason == null || reason.isBlank()) {
            throw new UserError("error.review.reasonRequired");
        }
        ReviewMode set = modeFor(ws, unitCode, year);
        if (mode != set) {
            throw new UserError("error.review.wrongMode", ws.orgUnits().find(unitCode).map(o -> o.name()).orElse(unitCode),
                    org.perfdesk.domain.Texts.current().of(set), org.perfdesk.domain.Texts.current().of(mode));
        }
        PackageRecord plan = latestPlan(ws, unitCode, year);
        List<PlanReview.NodeRevision> nodes = ws.goals().findAll(unitCode, year).stream()
                .filter(n -> !n.deleted())
                .map((GoalNode n) -> new PlanReview.NodeRevision(n.id(), n.revision())).toList();
        PlanReview review = new PlanReview(Ids.newId(), unitCode, year, plan.packageId(), decision,
                reason.strip(), Instant.now(), null, nodes, mode);
        Payloads.Review payload = new Payloads.Review(Payloads.REVIEW_FORMAT, review.reviewId(), unitCode, year,
                plan.packageId(), Payloads.reviewDecision(mode, decision), review.reason(),
                review.decidedAt().toString(),
                nodes.stream().map(n -> new Payloads.NodeRevision(n.nodeId(), n.revision())).toList());
        PackageKind kind = kindOf(mode, decision);
        PackageWriter.Written written = new Exporter(ws, signer).exportOfficePackage(kind, unitCode, year,
                EntryNames.REVIEW, payload, out, plain);
        ws.database().write(c -> {
            ws.reviews().save(review.withAnswer(written.manifest().packageId()));
            ws.audit().append("review", unitCode + " " + year, null,
                    decision.name() + " plan=" + plan.packageId() + " answer=" + written.manifest().packageId(),
                    review.reason(), org.perfdesk.store.AuditLog.facts("op", decision.name(), "unit", unitCode,
                            "year", year, "plan", plan.packageId(), "answer", written.manifest().packageId(),
                            "mode", mode.name()));
            return null;
        });
        return written;
    }

    /** How the scheme of the year has the unit's plans answered: 批复 or 备案, by its ranking group. */
    public static ReviewMode modeFor(Workspace ws, String unitCode, int year) {
        RankingGroup group = ws.orgUnits().find(unitCode).map(o -> o.group()).orElse(null);
        return schemeToRead(ws, year).reviewMode(group);
    }

    /** The year's scheme as saved, or the defaults (as the evaluation reads it; exchange sits above it). */
    static org.perfdesk.domain.EvaluationScheme schemeToRead(Workspace ws, int year) {
        return ws.evaluation().schemes().latest(year).orElseGet(() -> org.perfdesk.domain.EvaluationScheme.defaults(year));
    }

    /** The package kind of an answer. */
    public static PackageKind kindOf(ReviewMode mode, PlanReview.Decision decision) {
        boolean yes = decision == PlanReview.Decision.APPROVED;
        if (mode == ReviewMode.FILING) {
            return yes ? PackageKind.FILED : PackageKind.CORRECTION;
        }
        return yes ? PackageKind.APPROVAL : PackageKind.RETURN;
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
