package org.perfdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

import org.perfdesk.domain.Receipt;

/** Receipts the office sent for this workspace's packages. */
public final class ReceiptRepository {
    private final Database db;

    public ReceiptRepository(Database db) {
        this.db = db;
    }

    public void save(Receipt r) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO receipt(package_id, file_hash, "
                    + "receipt_package_id, received_at, verdict) VALUES(?, ?, ?, ?, ?) "
                    + "ON CONFLICT(package_id) DO NOTHING")) {
                ps.setString(1, r.packageId());
                ps.setString(2, r.fileHash());
                ps.setString(3, r.receiptPackageId());
                ps.setString(4, r.receivedAt().toString());
                ps.setString(5, r.verdict());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<Receipt> find(String packageId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT package_id, file_hash, receipt_package_id, "
                    + "received_at, verdict FROM receipt WHERE package_id = ?")) {
                ps.setString(1, packageId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Receipt(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.parse(rs.getString(4)), rs.getString(5))) : Optional.<Receipt>empty();
                }
            }
        });
    }
}
