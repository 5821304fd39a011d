package org.perfdesk.store;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;

import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.ReportSection;

/** Report sections as the user edited them. */
public final class ReportRepository {
    private final Database db;

    public ReportRepository(Database db) {
        this.db = db;
    }

    public void saveAll(Collection<ReportSection> sections) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_section(unit_code, year, kind, "
                    + "section_key, position, title, body, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT(unit_code, year, kind, section_key) DO UPDATE SET position = excluded.position, "
                    + "title = excluded.title, body = excluded.body, updated_at = excluded.updated_at")) {
                for (ReportSection s : sections) {
                    ps.setString(1, s.unitCode());
                    ps.setInt(2, s.year());
                    ps.setString(3, s.kind().name());
                    ps.setString(4, s.key());
                    ps.setInt(5, s.position());
                    ps.setString(6, s.title());
                    ps.setString(7, s.body());
                    Sql.now(ps, 8);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public void save(ReportSection section) {
        saveAll(List.of(section));
    }

    /** The sections of one report in order (empty when the report was never started). */
    public List<ReportSection> find(String unitCode, int year, ReportKind kind) {
        return db.list("SELECT unit_code, year, kind, section_key, position, title, body FROM report_section "
                        + "WHERE unit_code = ? AND year = ? AND kind = ? ORDER BY position, section_key",
                rs -> new ReportSection(rs.getString(1), rs.getInt(2), ReportKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7)),
                unitCode, year, kind.name());
    }

    /** Every section of the unit's reports for the year, for packages. */
    public List<ReportSection> findByUnit(String unitCode, int year) {
        return db.list("SELECT unit_code, year, kind, section_key, position, title, body FROM report_section "
                        + "WHERE unit_code = ? AND year = ? ORDER BY kind, position, section_key",
                rs -> new ReportSection(rs.getString(1), rs.getInt(2), ReportKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7)),
                unitCode, year);
    }

    public int deleteByUnit(String unitCode, int year) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM report_section WHERE unit_code = ? AND year = ?")) {
                ps.setString(1, unitCode);
                ps.setInt(2, year);
                return ps.executeUpdate();
            }
        });
    }
}
