package org.perfdesk.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.perfdesk.domain.IndicatorScore;

/** The office's own indicator scores. */
public final class IndicatorScoreRepository {
    private final Database db;

    IndicatorScoreRepository(Database db) {
        this.db = db;
    }

    public void save(IndicatorScore s) {
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO indicator_score(node_id, points, reason, updated_at) "
                    + "VALUES(?, ?, ?, ?) ON CONFLICT(node_id) DO UPDATE SET points = excluded.points, "
                    + "reason = excluded.reason, updated_at = excluded.updated_at")) {
                ps.setString(1, s.nodeId());
                Sql.decimal(ps, 2, s.points());
                ps.setString(3, s.reason() == null ? "" : s.reason());
                Sql.now(ps, 4);
                return ps.executeUpdate();
            }
        });
    }

    /** Takes the office's score back: the computed one applies again. */
    public void delete(String nodeId) {
        db.write(c -> {
            try (var ps = c.prepareStatement("DELETE FROM indicator_score WHERE node_id = ?")) {
                ps.setString(1, nodeId);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<IndicatorScore> find(String nodeId) {
        return db.list("SELECT node_id, points, reason FROM indicator_score WHERE node_id = ?",
                rs -> new IndicatorScore(rs.getString(1), Sql.decimal(rs, "points"), rs.getString(3)), nodeId)
                .stream().findFirst();
    }

    /**
     * Every score there is, by node id, for the year's evaluation, which keeps those of the nodes it holds: a
     * scan of this small table rather than a join that the planner may turn into a look-up per node.
     */
    public Map<String, IndicatorScore> findEvery() {
        Map<String, IndicatorScore> out = new HashMap<>();
        db.list("SELECT node_id, points, reason FROM indicator_score",
                rs -> new IndicatorScore(rs.getString(1), Sql.decimal(rs.getString(2)), rs.getString(3)))
                .forEach(s -> out.put(s.nodeId(), s));
        return out;
    }

    /** The scores of one unit's indicators for the year, by node id. */
    public Map<String, IndicatorScore> findByUnit(String unitCode, int year) {
        Map<String, IndicatorScore> out = new HashMap<>();
        db.list("SELECT s.node_id, s.points, s.reason FROM indicator_score s JOIN goal_node g ON g.id = s.node_id "
                        + "WHERE g.unit_code = ? AND g.year = ? AND g.deleted = 0",
                rs -> new IndicatorScore(rs.getString(1), Sql.decimal(rs, "points"), rs.getString(3)), unitCode, year)
                .forEach(s -> out.put(s.nodeId(), s));
        return out;
    }
}
