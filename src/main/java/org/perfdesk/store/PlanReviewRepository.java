package org.perfdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.perfdesk.domain.PlanReview;

/** Plan reviews: made by the office, received by the unit; the same table on both sides. */
public final class PlanReviewRepository {
    private final Database db;

    public PlanReviewRepository(Database db) {
        this.db = db;
    }

    public void save(PlanReview r) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_review(review_id, unit_code, year, "
                    + "plan_package_id, decision, reason, decided_at, answer_package_id, mode) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT(review_id) DO UPDATE SET answer_package_id = excluded.answer_package_id")) {
                ps.setString(1, r.reviewId());
                ps.setString(2, r.unitCode());
                ps.setInt(3, r.year());
                ps.setString(4, r.planPackageId());
                ps.setString(5, r.decision().name());
                ps.setString(6, r.reason());
                ps.setString(7, r.decidedAt().toString());
                Sql.text(ps, 8, r.answerPackageId());
                ps.setString(9, r.mode().name());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_review_node(review_id, node_id, revision) "
                    + "VALUES(?, ?, ?) ON CONFLICT(review_id, node_id) DO NOTHING")) {
                for (PlanReview.NodeRevision n : r.nodes()) {
                    ps.setString(1, r.reviewId());
                    ps.setString(2, n.nodeId());
                    ps.setInt(3, n.revision());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Reviews of a unit's plan for a year, newest last. */
    public List<PlanReview> findByUnit(String unitCode, int year) {
        return db.read(c -> {
            List<PlanReview> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT review_id, unit_code, year, plan_package_id, decision, "
                    + "reason, decided_at, answer_package_id, mode FROM plan_review WHERE unit_code = ? AND year = ? "
                    + "ORDER BY decided_at")) {
                ps.setString(1, unitCode);
                ps.setInt(2, year);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PlanReview(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                                PlanReview.Decision.valueOf(rs.getString(5)), rs.getString(6),
                                Instant.parse(rs.getString(7)), rs.getString(8), nodes(c, rs.getString(1)),
                                org.perfdesk.domain.ReviewMode.valueOf(rs.getString(9))));
                    }
                }
            }
            return out;
        });
    }

    public Optional<PlanReview> latest(String unitCode, int year) {
        List<PlanReview> all = findByUnit(unitCode, year);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Node id → revision as the latest approval saw it (empty when the plan was never approved). */
    public Map<String, Integer> approvedRevisions(String unitCode, int year) {
        Map<String, Integer> out = new java.util.HashMap<>();
        for (PlanReview r : findByUnit(unitCode, year)) {
            if (r.decision() == PlanReview.Decision.APPROVED) {
                out.clear();
                r.nodes().forEach(n -> out.put(n.nodeId(), n.revision()));
            }
        }
        return out;
    }

    private static List<PlanReview.NodeRevision> nodes(java.sql.Connection c, String reviewId) throws java.sql.SQLException {
        List<PlanReview.NodeRevision> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT node_id, revision FROM plan_review_node WHERE review_id = ? ORDER BY node_id")) {
            ps.setString(1, reviewId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PlanReview.NodeRevision(rs.getString(1), rs.getInt(2)));
                }
            }
        }
        return out;
    }
}
