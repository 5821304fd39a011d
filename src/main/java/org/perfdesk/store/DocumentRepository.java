package org.perfdesk.store;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.perfdesk.domain.DocumentIdentity;
import org.perfdesk.domain.DocumentNumber;
import org.perfdesk.domain.IssuedDocument;

/**
 * The workspace's document identity (who issues its 公文, set once) and the register of the document
 * numbers (文号) used.
 */
public final class DocumentRepository {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Database db;

    DocumentRepository(Database db) {
        this.db = db;
    }

    /** The identity as saved, if anyone set it. */
    public Optional<DocumentIdentity> identity() {
        return db.list("SELECT body FROM document_identity WHERE id = 1", rs -> parse(rs.getString(1))).stream()
                .findFirst();
    }

    public void saveIdentity(DocumentIdentity identity) {
        String body;
        try {
            body = JSON.writeValueAsString(identity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("identity not serialisable", e);
        }
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO document_identity(id, body, updated_at) VALUES(1, ?, ?) "
                    + "ON CONFLICT(id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at")) {
                ps.setString(1, body);
                Sql.now(ps, 2);
                return ps.executeUpdate();
            }
        });
    }

    /** What went out under a number, if anything did. */
    public Optional<IssuedDocument> issued(DocumentNumber number) {
        return db.list("SELECT prefix, year, number, kind, title, recipient, dated FROM document_number "
                + "WHERE prefix = ? AND year = ? AND number = ?", DocumentRepository::issued, number.prefix(),
                number.year(), number.number()).stream().findFirst();
    }

    /** Every number used under a prefix in a year, in order. */
    public List<IssuedDocument> register(String prefix, int year) {
        return db.list("SELECT prefix, year, number, kind, title, recipient, dated FROM document_number "
                + "WHERE prefix = ? AND year = ? ORDER BY number", DocumentRepository::issued, prefix, year);
    }

    /** Every number used, newest year first. */
    public List<IssuedDocument> register() {
        return db.list("SELECT prefix, year, number, kind, title, recipient, dated FROM document_number "
                + "ORDER BY year DESC, prefix, number", DocumentRepository::issued);
    }

    /** Records a number as used (or the same document dated anew under it); call inside the export's transaction. */
    public void record(IssuedDocument d) {
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO document_number(prefix, year, number, kind, title, recipient, "
                    + "dated, recorded_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(prefix, year, number) DO UPDATE "
                    + "SET dated = excluded.dated, recorded_at = excluded.recorded_at")) {
                ps.setString(1, d.number().prefix());
                ps.setInt(2, d.number().year());
                ps.setInt(3, d.number().number());
                ps.setString(4, d.kind());
                ps.setString(5, d.title());
                ps.setString(6, d.recipient());
                ps.setString(7, d.dated().toString());
                Sql.now(ps, 8);
                return ps.executeUpdate();
            }
        });
    }

    private static IssuedDocument issued(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new IssuedDocument(new DocumentNumber(rs.getString(1), rs.getInt(2), rs.getInt(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), LocalDate.parse(rs.getString(7)));
    }

    private static DocumentIdentity parse(String body) {
        try {
            return JSON.readValue(body, DocumentIdentity.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored document identity unreadable", e);
        }
    }
}
