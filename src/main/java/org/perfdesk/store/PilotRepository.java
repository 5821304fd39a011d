package org.perfdesk.store;

import java.sql.PreparedStatement;
import java.util.List;

/** The office's pilot units (联系点) per year. */
public final class PilotRepository {
    private final Database db;

    PilotRepository(Database db) {
        this.db = db;
    }

    public boolean isPilot(String unitCode, int year) {
        return !db.list("SELECT 1 FROM pilot_unit WHERE unit_code = ? AND year = ?", rs -> 1, unitCode, year).isEmpty();
    }

    /** The year's pilot units' codes, sorted. */
    public List<String> all(int year) {
        return db.list("SELECT unit_code FROM pilot_unit WHERE year = ? ORDER BY unit_code", rs -> rs.getString(1), year);
    }

    public void set(String unitCode, int year, boolean pilot) {
        db.write(c -> {
            String sql = pilot ? "INSERT INTO pilot_unit(unit_code, year, marked_at) VALUES(?, ?, ?) "
                    + "ON CONFLICT(unit_code, year) DO NOTHING" : "DELETE FROM pilot_unit WHERE unit_code = ? AND year = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, unitCode);
                ps.setInt(2, year);
                if (pilot) {
                    Sql.now(ps, 3);
                }
                return ps.executeUpdate();
            }
        });
    }
}
