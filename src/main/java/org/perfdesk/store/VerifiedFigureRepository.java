package org.perfdesk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.perfdesk.domain.VerifiedFigure;

/** Figures verified by an assessing body, one per indicator (a later import replaces it). */
public final class VerifiedFigureRepository {
    private static final String COLUMNS = "node_id, unit_code, year, body, actual, level, done_on, not_done, "
            + "data_source, note";
    private final Database db;

    VerifiedFigureRepository(Database db) {
        this.db = db;
    }

    /** Saves the figures in one transaction, replacing those of the same indicators. */
    public void saveAll(Collection<VerifiedFigure> figures) {
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO verified_figure(" + COLUMNS + ", imported_at) "
                    + "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(node_id) DO UPDATE SET "
                    + "unit_code = excluded.unit_code, year = excluded.year, body = excluded.body, "
                    + "actual = excluded.actual, level = excluded.level, done_on = excluded.done_on, "
                    + "not_done = excluded.not_done, data_source = excluded.data_source, note = excluded.note, "
                    + "imported_at = excluded.imported_at")) {
                for (VerifiedFigure f : figures) {
                    ps.setString(1, f.nodeId());
                    ps.setString(2, f.unitCode());
                    ps.setInt(3, f.year());
                    ps.setString(4, f.body());
                    Sql.decimal(ps, 5, f.actual());
                    Sql.text(ps, 6, f.level());
                    Sql.date(ps, 7, f.doneOn());
                    ps.setInt(8, f.notDone() ? 1 : 0);
                    ps.setString(9, f.dataSource());
                    ps.setString(10, f.note());
                    Sql.now(ps, 11);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Takes a verified figure back: the unit's own figure counts again. */
    public void delete(String nodeId) {
        db.write(c -> {
            try (var ps = c.prepareStatement("DELETE FROM verified_figure WHERE node_id = ?")) {
                ps.setString(1, nodeId);
                return ps.executeUpdate();
            }
        });
    }

    public List<VerifiedFigure> findByYear(int year) {
        return db.list("SELECT " + COLUMNS + " FROM verified_figure WHERE year = ? ORDER BY unit_code, node_id",
                VerifiedFigureRepository::map, year);
    }

    /** One unit's verified figures for the year, by node id. */
    public Map<String, VerifiedFigure> findByUnit(String unitCode, int year) {
        Map<String, VerifiedFigure> out = new HashMap<>();
        db.list("SELECT " + COLUMNS + " FROM verified_figure WHERE unit_code = ? AND year = ?",
                VerifiedFigureRepository::map, unitCode, year).forEach(f -> out.put(f.nodeId(), f));
        return out;
    }

    private static VerifiedFigure map(ResultSet rs) throws SQLException {
        return new VerifiedFigure(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                Sql.decimal(rs, "actual"), rs.getString(6), Sql.date(rs, "done_on"), rs.getInt(8) == 1,
                rs.getString(9), rs.getString(10));
    }
}
