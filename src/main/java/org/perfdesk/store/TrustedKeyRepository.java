package org.perfdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.perfdesk.domain.TrustedKey;

/** Public keys the workspace accepts signatures from, and their revocations. */
public final class TrustedKeyRepository {
    private static final String COLUMNS = "key_id, unit_code, public_key, source, valid_from, revoked_at, revoked_reason, suite";

    private final Database db;

    public TrustedKeyRepository(Database db) {
        this.db = db;
    }

    /** Adds a key, or updates its source; a revocation already recorded is kept. */
    public void save(TrustedKey k) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO trusted_key(" + COLUMNS + ") "
                    + "VALUES(?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key_id) DO UPDATE SET source = excluded.source, "
                    + "revoked_at = coalesce(trusted_key.revoked_at, excluded.revoked_at), "
                    + "revoked_reason = coalesce(trusted_key.revoked_reason, excluded.revoked_reason)")) {
                ps.setString(1, k.keyId());
                ps.setString(2, k.unitCode());
                ps.setString(3, k.publicKey());
                ps.setString(4, k.source().name());
                ps.setString(5, k.validFrom().toString());
                Sql.text(ps, 6, k.revokedAt() == null ? null : k.revokedAt().toString());
                Sql.text(ps, 7, k.revokedReason());
                ps.setString(8, k.suite() == null ? TrustedKey.INTL : k.suite());
                return ps.executeUpdate();
            }
        });
    }

    /** Marks a key revoked from the given moment; revoking again keeps the first date. */
    public int revoke(String keyId, Instant at, String reason) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE trusted_key SET revoked_at = ?, revoked_reason = ? WHERE key_id = ? AND revoked_at IS NULL")) {
                ps.setString(1, at.toString());
                ps.setString(2, reason);
                ps.setString(3, keyId);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<TrustedKey> find(String keyId) {
        List<TrustedKey> found = query("SELECT " + COLUMNS + " FROM trusted_key WHERE key_id = ?", keyId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<TrustedKey> findByUnit(String unitCode) {
        return query("SELECT " + COLUMNS + " FROM trusted_key WHERE unit_code = ? ORDER BY valid_from", unitCode);
    }

    public List<TrustedKey> findAll() {
        return query("SELECT " + COLUMNS + " FROM trusted_key ORDER BY unit_code, valid_from");
    }

    public List<TrustedKey> findRevoked() {
        return query("SELECT " + COLUMNS + " FROM trusted_key WHERE revoked_at IS NOT NULL ORDER BY revoked_at");
    }

    private List<TrustedKey> query(String sql, Object... params) {
        return db.list(sql, TrustedKeyRepository::map, params);
    }

    private static TrustedKey map(ResultSet rs) throws SQLException {
        String revoked = rs.getString("revoked_at");
        return new TrustedKey(rs.getString("key_id"), rs.getString("unit_code"), rs.getString("public_key"),
                TrustedKey.Source.valueOf(rs.getString("source")), Instant.parse(rs.getString("valid_from")),
                revoked == null ? null : Instant.parse(revoked), rs.getString("revoked_reason"), rs.getString("suite"));
    }
}
