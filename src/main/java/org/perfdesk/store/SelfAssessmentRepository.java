package org.perfdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.perfdesk.domain.SelfAssessment;

/** The unit's self-assessment per indicator. */
public final class SelfAssessmentRepository {
    private final Database db;

    public SelfAssessmentRepository(Database db) {
        this.db = db;
    }

    public void save(SelfAssessment a) {
        saveAll(java.util.List.of(a));
    }

    /** Saves (inserts or replaces) each in one transaction, with one statement prepared once. */
    public void saveAll(java.util.Collection<SelfAssessment> items) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO self_assessment(node_id, score, level, narrative, updated_at) VALUES(?, ?, ?, ?, ?) "
                            + "ON CONFLICT(node_id) DO UPDATE SET score = excluded.score, level = excluded.level, "
                            + "narrative = excluded.narrative, updated_at = excluded.updated_at")) {
                String now = java.time.Instant.now().toString(); // one for the batch, not one per row
                for (SelfAssessment a : items) {
                    ps.setString(1, a.nodeId());
                    Sql.decimal(ps, 2, a.score());
                    Sql.text(ps, 3, a.level());
                    Sql.text(ps, 4, a.narrative());
                    ps.setString(5, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Removes a node's self-assessment (undoing its first entry). */
    public int delete(String nodeId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM self_assessment WHERE node_id = ?")) {
                ps.setString(1, nodeId);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<SelfAssessment> find(String nodeId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT node_id, score, level, narrative FROM self_assessment WHERE node_id = ?")) {
                ps.setString(1, nodeId);
                List<SelfAssessment> found = list(ps);
                return found.isEmpty() ? Optional.<SelfAssessment>empty() : Optional.of(found.get(0));
            }
        });
    }

    public List<SelfAssessment> findByUnit(String unitCode, int year) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.node_id, s.score, s.level, s.narrative "
                    + "FROM self_assessment s JOIN goal_node g ON g.id = s.node_id "
                    + "WHERE g.unit_code = ? AND g.year = ? AND g.deleted = 0 ORDER BY s.node_id")) {
                ps.setString(1, unitCode);
                ps.setInt(2, year);
                return list(ps);
            }
        });
    }

    /** Removes the unit's entries for the year (before a snapshot replaces them). */
    public int deleteByUnit(String unitCode, int year) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM self_assessment WHERE node_id IN "
                    + "(SELECT id FROM goal_node WHERE unit_code = ? AND year = ?)")) {
                ps.setString(1, unitCode);
                ps.setInt(2, year);
                return ps.executeUpdate();
            }
        });
    }

    private static List<SelfAssessment> list(PreparedStatement ps) throws SQLException {
        List<SelfAssessment> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SelfAssessment(rs.getString("node_id"), Sql.decimal(rs, "score"),
                        rs.getString("level"), rs.getString("narrative")));
            }
        }
        return out;
    }
}
