package org.perfdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.perfdesk.domain.EncryptionKey;

/** Public encryption keys: the workspace's own and those of the units it exchanges packages with. */
public final class EncryptionKeyRepository {
    private static final String COLUMNS =
            "e.key_id, e.unit_code, e.public_key, e.signing_key_id, e.source, e.created_at, e.received_at, e.signature, "
            + "e.suite";

    private final Database db;

    public EncryptionKeyRepository(Database db) {
        this.db = db;
    }

    /** Adds a key; one already known keeps where it first came from, and gains a signature if it had none. */
    public void save(EncryptionKey k) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO encryption_key(key_id, unit_code, "
                    + "public_key, signing_key_id, source, created_at, received_at, signature, suite) "
                    + "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key_id) DO UPDATE SET "
                    + "signature = coalesce(encryption_key.signature, excluded.signature)")) {
                ps.setString(1, k.keyId());
                ps.setString(2, k.unitCode());
                ps.setString(3, k.publicKey());
                ps.setString(4, k.signingKeyId());
                ps.setString(5, k.source().name());
                ps.setString(6, k.createdAt().toString());
                ps.setString(7, k.receivedAt().toString());
                Sql.text(ps, 8, k.signature());
                ps.setString(9, k.suite() == null ? "intl-1" : k.suite());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<EncryptionKey> find(String keyId) {
        List<EncryptionKey> found = db.list("SELECT " + COLUMNS + " FROM encryption_key e WHERE e.key_id = ?",
                EncryptionKeyRepository::map, keyId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every key of a unit, oldest first. */
    public List<EncryptionKey> findByUnit(String unitCode) {
        return db.list("SELECT " + COLUMNS + " FROM encryption_key e WHERE e.unit_code = ? "
                + "ORDER BY e.created_at, e.key_id", EncryptionKeyRepository::map, unitCode);
    }

    /**
     * The key to encrypt to for a unit: its newest, among those vouched for by a signing key of that
     * unit this workspace trusts and has not seen revoked.
     */
    public Optional<EncryptionKey> current(String unitCode) {
        List<EncryptionKey> found = db.list("SELECT " + COLUMNS + " FROM encryption_key e "
                + "JOIN trusted_key t ON t.key_id = e.signing_key_id AND t.unit_code = e.unit_code "
                + "WHERE e.unit_code = ? AND t.revoked_at IS NULL "
                + "ORDER BY e.created_at DESC, e.received_at DESC LIMIT 1", EncryptionKeyRepository::map, unitCode);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The same among the unit's keys of one algorithm suite (a package of that suite is sealed for it). */
    public Optional<EncryptionKey> current(String unitCode, String suite) {
        List<EncryptionKey> found = db.list("SELECT " + COLUMNS + " FROM encryption_key e "
                + "JOIN trusted_key t ON t.key_id = e.signing_key_id AND t.unit_code = e.unit_code "
                + "WHERE e.unit_code = ? AND e.suite = ? AND t.suite = e.suite AND t.revoked_at IS NULL "
                + "ORDER BY e.created_at DESC, e.received_at DESC LIMIT 1", EncryptionKeyRepository::map, unitCode,
                suite);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static EncryptionKey map(ResultSet rs) throws SQLException {
        return new EncryptionKey(rs.getString("key_id"), rs.getString("unit_code"), rs.getString("public_key"),
                rs.getString("signing_key_id"), EncryptionKey.Source.valueOf(rs.getString("source")),
                Instant.parse(rs.getString("created_at")), Instant.parse(rs.getString("received_at")),
                rs.getString("signature"), rs.getString("suite"));
    }
}
