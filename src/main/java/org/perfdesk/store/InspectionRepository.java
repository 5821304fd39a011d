package org.perfdesk.store;

import java.util.List;

import org.perfdesk.domain.Bonus;
import org.perfdesk.domain.Inspection;

/** Inspection records (察访核验) and bonus points (加分), the two adjustments to a unit's total. */
public final class InspectionRepository {
    private final Database db;

    InspectionRepository(Database db) {
        this.db = db;
    }

    public void save(Inspection i) {
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO inspection(id, unit_code, year, date, kind, finding, "
                    + "deduction, evidence_sha256) VALUES(?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                    + "unit_code = excluded.unit_code, year = excluded.year, date = excluded.date, kind = excluded.kind, "
                    + "finding = excluded.finding, deduction = excluded.deduction, "
                    + "evidence_sha256 = excluded.evidence_sha256")) {
                ps.setString(1, i.id());
                ps.setString(2, i.unitCode());
                ps.setInt(3, i.year());
                Sql.date(ps, 4, i.date());
                Sql.enumName(ps, 5, i.kind());
                ps.setString(6, i.finding());
                Sql.decimal(ps, 7, i.deduction());
                Sql.text(ps, 8, i.evidenceSha256());
                return ps.executeUpdate();
            }
        });
    }

    public void delete(String id) {
        db.write(c -> {
            try (var ps = c.prepareStatement("DELETE FROM inspection WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
    }

    public List<Inspection> findByYear(int year) {
        return db.list("SELECT id, unit_code, year, date, kind, finding, deduction, evidence_sha256 FROM inspection "
                + "WHERE year = ? ORDER BY date, unit_code, id", InspectionRepository::map, year);
    }

    private static Inspection map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Inspection(rs.getString("id"), rs.getString("unit_code"), rs.getInt("year"), Sql.date(rs, "date"),
                Sql.enumValue(rs, "kind", Inspection.Kind.class), rs.getString("finding"), Sql.decimal(rs, "deduction"),
                rs.getString("evidence_sha256"));
    }

    public void save(Bonus b) {
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO bonus(id, unit_code, year, points, reason) "
                    + "VALUES(?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET unit_code = excluded.unit_code, "
                    + "year = excluded.year, points = excluded.points, reason = excluded.reason")) {
                ps.setString(1, b.id());
                ps.setString(2, b.unitCode());
                ps.setInt(3, b.year());
                Sql.decimal(ps, 4, b.points());
                ps.setString(5, b.reason());
                return ps.executeUpdate();
            }
        });
    }

    public void deleteBonus(String id) {
        db.write(c -> {
            try (var ps = c.prepareStatement("DELETE FROM bonus WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
    }

    public List<Bonus> findBonuses(int year) {
        return db.list("SELECT id, unit_code, year, points, reason FROM bonus WHERE year = ? ORDER BY unit_code, id",
                rs -> new Bonus(rs.getString(1), rs.getString(2), rs.getInt(3), Sql.decimal(rs, "points"),
                        rs.getString(5)), year);
    }
}
