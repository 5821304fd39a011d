package org.perfdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Key–value facts about the workspace itself: its role, its own unit, the year it shows. */
public final class MetaRepository {
    public static final String ROLE = "role";
    public static final String SELF_CODE = "self_code";
    public static final String CURRENT_YEAR = "current_year";
    public static final String CREATED_AT = "created_at";
    public static final String CREATED_BY = "created_by_version";
    /**
     * "true" when packages from the units below must be encrypted; set for new office workspaces,
     * absent (off) in workspaces made before the setting existed.
     */
    public static final String REQUIRE_ENCRYPTION = "require_encryption_from_units";

    private final Database db;

    public MetaRepository(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM workspace_meta WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Every fact whose key starts with {@code prefix}, by key. */
    public java.util.Map<String, String> withPrefix(String prefix) {
        return db.read(c -> {
            java.util.Map<String, String> out = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT key, value FROM workspace_meta WHERE substr(key, 1, length(?)) = ?")) {
                ps.setString(1, prefix);
                ps.setString(2, prefix);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    public void put(String key, String value) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO workspace_meta(key, value) VALUES(?, ?) "
                            + "ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                return ps.executeUpdate();
            }
        });
    }
}
