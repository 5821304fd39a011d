package org.perfdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The plan years a workspace has opened (the scheme runs every year). */
public final class YearRepository {
    private final Database db;

    public YearRepository(Database db) {
        this.db = db;
    }

    /** Opens a year; opening it again changes nothing. */
    public void open(int year) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO work_year(year, opened_at) VALUES(?, ?) ON CONFLICT(year) DO NOTHING")) {
                ps.setInt(1, year);
                ps.setString(2, Instant.now().toString());
                return ps.executeUpdate();
            }
        });
    }

    /** Years in ascending order. */
    public List<Integer> findAll() {
        return db.read(c -> {
            List<Integer> years = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT year FROM work_year ORDER BY year");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    years.add(rs.getInt(1));
                }
            }
            return years;
        });
    }
}
