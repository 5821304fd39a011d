package org.perfdesk.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.perfdesk.domain.EvaluationScheme;

/** The evaluation scheme per year and version, stored as JSON. */
public final class SchemeRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;

    SchemeRepository(Database db) {
        this.db = db;
    }

    /** Saves the scheme under its year and version (replacing that version if it exists). */
    public void save(EvaluationScheme scheme) {
        String body;
        try {
            body = JSON.writeValueAsString(scheme);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scheme not serialisable", e);
        }
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO evaluation_scheme(year, version, body, created_at) "
                    + "VALUES(?, ?, ?, ?) ON CONFLICT(year, version) DO UPDATE SET body = excluded.body")) {
                ps.setInt(1, scheme.year());
                ps.setInt(2, scheme.version());
                ps.setString(3, body);
                Sql.now(ps, 4);
                return ps.executeUpdate();
            }
        });
    }

    /** The newest version for the year, if any was saved. */
    public Optional<EvaluationScheme> latest(int year) {
        return db.list("SELECT body FROM evaluation_scheme WHERE year = ? ORDER BY version DESC LIMIT 1",
                rs -> parse(rs.getString(1)), year).stream().findFirst();
    }

    public Optional<EvaluationScheme> find(int year, int version) {
        return db.list("SELECT body FROM evaluation_scheme WHERE year = ? AND version = ?",
                rs -> parse(rs.getString(1)), year, version).stream().findFirst();
    }

    public List<EvaluationScheme> versions(int year) {
        return db.list("SELECT body FROM evaluation_scheme WHERE year = ? ORDER BY version",
                rs -> parse(rs.getString(1)), year);
    }

    private static EvaluationScheme parse(String body) {
        try {
            return JSON.readValue(body, EvaluationScheme.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored scheme unreadable", e);
        }
    }
}
