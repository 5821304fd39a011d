package org.perfdesk.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.perfdesk.domain.SpotCheck;

/** The spot checks drawn, one per unit and year. */
public final class SpotCheckRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;

    SpotCheckRepository(Database db) {
        this.db = db;
    }

    public void save(SpotCheck s) {
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO spot_check(unit_code, year, seed, share, drawn, drawn_at) "
                    + "VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(unit_code, year) DO UPDATE SET seed = excluded.seed, "
                    + "share = excluded.share, drawn = excluded.drawn, drawn_at = excluded.drawn_at")) {
                ps.setString(1, s.unitCode());
                ps.setInt(2, s.year());
                ps.setLong(3, s.seed());
                Sql.decimal(ps, 4, s.share());
                ps.setString(5, JSON.writeValueAsString(s.drawn()));
                Sql.now(ps, 6);
                return ps.executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public Optional<SpotCheck> find(String unitCode, int year) {
        return db.list("SELECT unit_code, year, seed, share, drawn FROM spot_check WHERE unit_code = ? AND year = ?",
                SpotCheckRepository::map, unitCode, year).stream().findFirst();
    }

    public List<SpotCheck> findByYear(int year) {
        return db.list("SELECT unit_code, year, seed, share, drawn FROM spot_check WHERE year = ? ORDER BY unit_code",
                SpotCheckRepository::map, year);
    }

    private static SpotCheck map(java.sql.ResultSet rs) throws java.sql.SQLException {
        try {
            return new SpotCheck(rs.getString(1), rs.getInt(2), rs.getLong(3), Sql.decimal(rs, "share"),
                    JSON.readValue(rs.getString(5), new TypeReference<List<String>>() {
                    }));
        } catch (IOException e) {
            throw new IllegalStateException("stored spot check unreadable", e);
        }
    }
}
