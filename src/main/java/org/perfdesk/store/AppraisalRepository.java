package org.perfdesk.store;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.perfdesk.domain.Appraisal;

/** Public-appraisal rounds per unit. */
public final class AppraisalRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Integer>> COUNTS = new TypeReference<>() {
    };
    private final Database db;

    AppraisalRepository(Database db) {
        this.db = db;
    }

    /** Saves rounds in one transaction; a round already there is replaced. */
    public void saveAll(Collection<Appraisal> rounds) {
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO appraisal(unit_code, year, round, sample_size, counts, "
                    + "imported_at) VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(unit_code, year, round) DO UPDATE SET "
                    + "sample_size = excluded.sample_size, counts = excluded.counts, imported_at = excluded.imported_at")) {
                for (Appraisal a : rounds) {
                    ps.setString(1, a.unitCode());
                    ps.setInt(2, a.year());
                    ps.setInt(3, a.round());
                    ps.setInt(4, a.sampleSize());
                    ps.setString(5, JSON.writeValueAsString(a.counts()));
                    Sql.now(ps, 6);
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    public List<Appraisal> findByYear(int year) {
        return db.list("SELECT unit_code, year, round, sample_size, counts FROM appraisal WHERE year = ? "
                + "ORDER BY unit_code, round", AppraisalRepository::map, year);
    }

    public List<Appraisal> findByUnit(String unitCode, int year) {
        return db.list("SELECT unit_code, year, round, sample_size, counts FROM appraisal WHERE unit_code = ? "
                + "AND year = ? ORDER BY round", AppraisalRepository::map, unitCode, year);
    }

    private static Appraisal map(java.sql.ResultSet rs) throws java.sql.SQLException {
        try {
            return new Appraisal(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                    JSON.readValue(rs.getString(5), COUNTS));
        } catch (IOException e) {
            throw new IllegalStateException("stored appraisal unreadable", e);
        }
    }
}
