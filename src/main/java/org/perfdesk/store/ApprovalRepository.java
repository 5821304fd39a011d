package org.perfdesk.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.perfdesk.domain.ResultApproval;

/** The leading group's approvals (审定) of a year's results, kept as recorded. */
public final class ApprovalRepository {
    private static final String COLUMNS = "id, year, approved_on, reference, approved_by, note, inputs_hash, results, "
            + "recorded_at";
    private final Database db;

    ApprovalRepository(Database db) {
        this.db = db;
    }

    public void save(ResultApproval a) {
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO result_approval(" + COLUMNS + ") "
                    + "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, a.id());
                ps.setInt(2, a.year());
                ps.setString(3, a.approvedOn().toString());
                ps.setString(4, a.reference());
                ps.setString(5, a.approvedBy());
                ps.setString(6, a.note() == null ? "" : a.note());
                ps.setString(7, a.inputsHash());
                ps.setString(8, a.resultsJson());
                ps.setString(9, a.recordedAt().toString());
                return ps.executeUpdate();
            }
        });
    }

    public List<ResultApproval> all(int year) {
        return db.list("SELECT " + COLUMNS + " FROM result_approval WHERE year = ? ORDER BY recorded_at, id",
                rs -> new ResultApproval(rs.getString(1), rs.getInt(2), LocalDate.parse(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        Instant.parse(rs.getString(9))), year);
    }

    public Optional<ResultApproval> latest(int year) {
        return all(year).stream().reduce((a, b) -> b);
    }

    public Optional<ResultApproval> find(String id) {
        return db.list("SELECT " + COLUMNS + " FROM result_approval WHERE id = ?",
                rs -> new ResultApproval(rs.getString(1), rs.getInt(2), LocalDate.parse(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        Instant.parse(rs.getString(9))), id).stream().findFirst();
    }
}
