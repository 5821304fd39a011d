package org.perfdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.perfdesk.domain.PackageRecord;

/** Every package written or accepted, and the data snapshots they carried. */
public final class PackageLogRepository {
    private static final List<String> NAMES = List.of("package_id", "direction", "kind", "sender_code",
            "sender_key_id", "recipient_code", "year", "sequence", "previous_hash", "file_hash", "file_name",
            "file_size", "created_at", "processed_at", "warning", "report_json", "outer_package_id", "manifest_hash",
            "suite");
    private static final String COLUMNS = columns("");

    private final Database db;

    public PackageLogRepository(Database db) {
        this.db = db;
    }

    public void add(PackageRecord r) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO package_log(" + COLUMNS + ") "
                    + "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.packageId());
                ps.setString(2, r.direction().name());
                ps.setString(3, r.kind());
                ps.setString(4, r.senderCode());
                ps.setString(5, r.senderKeyId());
                Sql.text(ps, 6, r.recipientCode());
                ps.setInt(7, r.year());
                ps.setLong(8, r.sequence());
                Sql.text(ps, 9, r.previousHash());
                ps.setString(10, r.fileHash());
                ps.setString(11, r.fileName());
                ps.setLong(12, r.fileSize());
                ps.setString(13, r.createdAt().toString());
                ps.setString(14, r.processedAt().toString());
                Sql.text(ps, 15, r.warning());
                Sql.packed(ps, 16, r.reportJson());
                Sql.text(ps, 17, r.outerPackageId());
                Sql.text(ps, 18, r.manifestHash());
                ps.setString(19, r.suite() == null ? "intl-1" : r.suite());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<PackageRecord> find(String packageId) {
        List<PackageRecord> found = query("SELECT " + COLUMNS + " FROM package_log WHERE package_id = ?", packageId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The packages accepted from a sender, oldest first. */
    public List<PackageRecord> findIncoming(String senderCode) {
        return query("SELECT " + COLUMNS + " FROM package_log WHERE direction = 'IN' AND sender_code = ? "
                + "ORDER BY processed_at, sequence", senderCode);
    }

    /** The packages accepted under one signing key for one recipient: that chain, by sequence. */
    public List<PackageRecord> findChain(String senderKeyId, String recipientCode) {
        return query("SELECT " + COLUMNS + " FROM package_log WHERE direction = 'IN' AND sender_key_id = ? "
                + "AND recipient_code = ? ORDER BY sequence", senderKeyId, recipientCode);
    }

    /** The packages this workspace wrote, by sequence. */
    public List<PackageRecord> findOutgoing() {
        return query("SELECT " + COLUMNS + " FROM package_log WHERE direction = 'OUT' ORDER BY sequence");
    }

    /** The last package this workspace wrote to a recipient with a key: its sequence and hash start the next. */
    public Optional<PackageRecord> lastOutgoing(String senderKeyId, String recipientCode) {
        List<PackageRecord> found = query("SELECT " + COLUMNS + " FROM package_log WHERE direction = 'OUT' "
                + "AND sender_key_id = ? AND recipient_code = ? ORDER BY sequence DESC LIMIT 1", senderKeyId,
                recipientCode);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<PackageRecord> findAll() {
        return query("SELECT " + COLUMNS + " FROM package_log ORDER BY processed_at, sequence");
    }

    public void saveSnapshot(String packageId, String unitCode, int year, String json) {
        saveSnapshot(packageId, unitCode, year, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The snapshot as the package carried it, UTF-8: packed from the bytes, never decoded to a string. */
    public void saveSnapshot(String packageId, String unitCode, int year, byte[] json) {
        saveSnapshot(packageId, unitCode, year, PackedText.of(json));
    }

    /** The same, packed ahead (on another thread, while this one wrote something else). */
    public void saveSnapshot(String packageId, String unitCode, int year, PackedText json) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO snapshot(package_id, unit_code, year, json) VALUES(?, ?, ?, ?)")) {
                ps.setString(1, packageId);
                ps.setString(2, unitCode);
                ps.setInt(3, year);
                json.set(ps, 4);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<String> findSnapshot(String packageId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT json FROM snapshot WHERE package_id = ?")) {
                ps.setString(1, packageId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Sql.unpacked(rs, "json")) : Optional.<String>empty();
                }
            }
        });
    }

    /** The packages whose snapshots hold a unit's data for a year, oldest first. */
    public List<PackageRecord> findSnapshotsOf(String unitCode, int year) {
        return query("SELECT " + columns("l.") + " FROM package_log l JOIN snapshot s ON s.package_id = l.package_id "
                + "WHERE s.unit_code = ? AND s.year = ? ORDER BY l.processed_at, l.sequence", unitCode, year);
    }

    public int count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM package_log");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private static String columns(String prefix) {
        return prefix + String.join(", " + prefix, NAMES);
    }

    private List<PackageRecord> query(String sql, Object... params) {
        return db.list(sql, PackageLogRepository::map, params);
    }

    private static PackageRecord map(ResultSet rs) throws SQLException {
        return new PackageRecord(rs.getString("package_id"),
                PackageRecord.Direction.valueOf(rs.getString("direction")), rs.getString("kind"),
                rs.getString("sender_code"), rs.getString("sender_key_id"), rs.getString("recipient_code"),
                rs.getInt("year"), rs.getLong("sequence"), rs.getString("previous_hash"), rs.getString("file_hash"),
                rs.getString("file_name"), rs.getLong("file_size"), Instant.parse(rs.getString("created_at")),
                Instant.parse(rs.getString("processed_at")), rs.getString("warning"), Sql.unpacked(rs, "report_json"),
                rs.getString("outer_package_id"), rs.getString("manifest_hash"), rs.getString("suite"));
    }
}
