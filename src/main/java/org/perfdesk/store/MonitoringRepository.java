package org.perfdesk.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.perfdesk.domain.MonitoringKind;
import org.perfdesk.domain.MonitoringRecord;

/** A unit's monitoring records (quarterly reports, the half-year and year-end meetings) per year. */
public final class MonitoringRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };
    private final Database db;

    MonitoringRepository(Database db) {
        this.db = db;
    }

    /** The year's records, by date. */
    public List<MonitoringRecord> findByUnit(String unitCode, int year) {
        return db.list("SELECT id, unit_code, year, kind, quarter, held_on, chaired_by, decisions, node_ids "
                        + "FROM monitoring_record WHERE unit_code = ? AND year = ? ORDER BY held_on, kind, id",
                rs -> new MonitoringRecord(rs.getString(1), rs.getString(2), rs.getInt(3),
                        MonitoringKind.valueOf(rs.getString(4)), rs.getObject(5) == null ? null : rs.getInt(5),
                        LocalDate.parse(rs.getString(6)), rs.getString(7), rs.getString(8), ids(rs.getString(9))),
                unitCode, year);
    }

    public void save(MonitoringRecord r) {
        saveAll(List.of(r));
    }

    public void saveAll(List<MonitoringRecord> records) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO monitoring_record(id, unit_code, year, kind, "
                    + "quarter, held_on, chaired_by, decisions, node_ids, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, quarter = excluded.quarter, "
                    + "held_on = excluded.held_on, chaired_by = excluded.chaired_by, decisions = excluded.decisions, "
                    + "node_ids = excluded.node_ids, updated_at = excluded.updated_at")) {
                for (MonitoringRecord r : records) {
                    ps.setString(1, r.id());
                    ps.setString(2, r.unitCode());
                    ps.setInt(3, r.year());
                    ps.setString(4, r.kind().name());
                    ps.setObject(5, r.quarter());
                    ps.setString(6, r.heldOn().toString());
                    ps.setString(7, r.chairedBy());
                    ps.setString(8, r.decisions());
                    ps.setString(9, JSON.writeValueAsString(r.nodeIds()));
                    Sql.now(ps, 10);
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    public void delete(String id) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM monitoring_record WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Replaces the unit's records for the year (a package's snapshot of them). */
    public void replace(String unitCode, int year, List<MonitoringRecord> records) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM monitoring_record WHERE unit_code = ? AND year = ?")) {
                ps.setString(1, unitCode);
                ps.setInt(2, year);
                ps.executeUpdate();
            }
            saveAll(records);
            return null;
        });
    }

    private static List<String> ids(String json) {
        try {
            return JSON.readValue(json == null ? "[]" : json, IDS);
        } catch (IOException e) {
            throw new IllegalStateException("stored node ids unreadable", e);
        }
    }
}
