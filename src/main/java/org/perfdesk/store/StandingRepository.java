package org.perfdesk.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.perfdesk.domain.StandingDecision;

/** The office's decisions on units 未报送 or 材料不全 (rank them, or list them unranked). */
public final class StandingRepository {
    private final Database db;

    StandingRepository(Database db) {
        this.db = db;
    }

    public void save(StandingDecision d) {
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO standing_decision(unit_code, year, decision, reason, "
                    + "decided_at) VALUES(?, ?, ?, ?, ?) ON CONFLICT(unit_code, year) DO UPDATE SET "
                    + "decision = excluded.decision, reason = excluded.reason, decided_at = excluded.decided_at")) {
                ps.setString(1, d.unitCode());
                ps.setInt(2, d.year());
                ps.setString(3, d.decision().name());
                ps.setString(4, d.reason());
                ps.setString(5, d.decidedAt().toString());
                return ps.executeUpdate();
            }
        });
    }

    public void delete(String unitCode, int year) {
        db.write(c -> {
            try (var ps = c.prepareStatement("DELETE FROM standing_decision WHERE unit_code = ? AND year = ?")) {
                ps.setString(1, unitCode);
                ps.setInt(2, year);
                return ps.executeUpdate();
            }
        });
    }

    /** The year's decisions by unit code. */
    public Map<String, StandingDecision> findByYear(int year) {
        Map<String, StandingDecision> out = new HashMap<>();
        db.list("SELECT unit_code, year, decision, reason, decided_at FROM standing_decision WHERE year = ?",
                rs -> new StandingDecision(rs.getString(1), rs.getInt(2),
                        StandingDecision.Decision.valueOf(rs.getString(3)), rs.getString(4),
                        Instant.parse(rs.getString(5))), year).forEach(d -> out.put(d.unitCode(), d));
        return out;
    }
}
