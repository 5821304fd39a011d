package org.perfdesk.exchange.intake;

import java.time.Instant;
import java.util.Set;

import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.snapshot.Payloads;

/**
 * The office's answer to this unit's plan (批复 or 退回): the decision, its reason and the node
 * revisions the office saw, so later changes to approved nodes can be shown.
 */
public final class ReviewHandler implements PackageHandler {
    @Override
    public Set<PackageKind> kinds() {
        return Set.of(PackageKind.APPROVAL, PackageKind.RETURN);
    }

    @Override
    public Plan plan(Incoming in) {
        Manifest m = in.manifest();
        Payloads.Review r = in.read(EntryNames.REVIEW, Payloads.Review.class);
        PlanReview.Decision decision = m.kind() == PackageKind.APPROVAL ? PlanReview.Decision.APPROVED
                : PlanReview.Decision.RETURNED;
        if (!Payloads.REVIEW_FORMAT.equals(r.format()) || !in.ws().self().code().equals(r.unitCode())
                || !decision.name().equals(r.decision()) || r.year() != m.year() || r.nodes() == null
                || r.reviewId() == null || r.planPackageId() == null) {
            throw new PackageException("bad-snapshot", EntryNames.REVIEW);
        }
        PlanReview review;
        try {
            review = new PlanReview(r.reviewId(), r.unitCode(), r.year(), r.planPackageId(), decision, r.reason(),
                    Instant.parse(r.decidedAt()), m.packageId(),
                    r.nodes().stream().map(n -> new PlanReview.NodeRevision(n.id(), n.revision())).toList());
        } catch (RuntimeException e) {
            throw new PackageException(e, "bad-snapshot", EntryNames.REVIEW);
        }
        return new Plan().summary(Texts.t(decision == PlanReview.Decision.APPROVED ? "import.approved"
                        : "import.returned", String.valueOf(r.year()), r.nodes().size(), r.reason()))
                .write(() -> in.ws().reviews().save(review));
    }
}
