package org.perfdesk.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * At the unit: the results the office fed back (考核结果), each feedback package's payload as received,
 * so the unit can open and print them again.
 */
public final class FeedbackResultRepository {
    private final Database db;

    FeedbackResultRepository(Database db) {
        this.db = db;
    }

    /** One received feedback: its package, the unit and year, the JSON as received and when. */
    public record Received(String packageId, String unitCode, int year, String body, Instant receivedAt) {
    }

    public void save(Received r) {
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO feedback_result(package_id, unit_code, year, body, "
                    + "received_at) VALUES(?, ?, ?, ?, ?) ON CONFLICT(package_id) DO NOTHING")) {
                ps.setString(1, r.packageId());
                ps.setString(2, r.unitCode());
                ps.setInt(3, r.year());
                Sql.packed(ps, 4, r.body());
                ps.setString(5, r.receivedAt().toString());
                return ps.executeUpdate();
            }
        });
    }

    /** Every feedback received for the year, oldest first. */
    public List<Received> findByUnit(String unitCode, int year) {
        return db.list("SELECT package_id, unit_code, year, body, received_at FROM feedback_result "
                        + "WHERE unit_code = ? AND year = ? ORDER BY received_at, package_id",
                rs -> new Received(rs.getString(1), rs.getString(2), rs.getInt(3), Sql.unpacked(rs, "body"),
                        Instant.parse(rs.getString(5))), unitCode, year);
    }

    public Optional<Received> latest(String unitCode, int year) {
        return findByUnit(unitCode, year).stream().reduce((a, b) -> b);
    }
}
