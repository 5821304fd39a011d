package org.perfdesk.store;

import java.util.List;
import java.util.Optional;

/** Results as they were frozen (published), with the hashes of their inputs; kept as written. */
public final class ResultFreezeRepository {
    private final Database db;

    ResultFreezeRepository(Database db) {
        this.db = db;
    }

    /**
     * @param inputs     JSON: unit code → component → SHA-256 of its canonical input text
     * @param results    JSON: unit code → total and rank
     * @param approvalId the 审定 the freeze rests on (null for freezes made before approvals were recorded)
     */
    public record Freeze(int year, String frozenAt, int schemeVersion, String inputsHash, String inputs,
                         String results, String approvalId) {
        public Freeze(int year, String frozenAt, int schemeVersion, String inputsHash, String inputs, String results) {
            this(year, frozenAt, schemeVersion, inputsHash, inputs, results, null);
        }
    }

    public void save(Freeze f) {
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO result_freeze(year, frozen_at, scheme_version, inputs_hash, "
                    + "inputs, results, approval_id) VALUES(?, ?, ?, ?, ?, ?, ?)")) {
                ps.setInt(1, f.year());
                ps.setString(2, f.frozenAt());
                ps.setInt(3, f.schemeVersion());
                ps.setString(4, f.inputsHash());
                ps.setString(5, f.inputs());
                ps.setString(6, f.results());
                Sql.text(ps, 7, f.approvalId());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<Freeze> latest(int year) {
        return all(year).stream().reduce((a, b) -> b);
    }

    public List<Freeze> all(int year) {
        return db.list("SELECT year, frozen_at, scheme_version, inputs_hash, inputs, results, approval_id "
                        + "FROM result_freeze WHERE year = ? ORDER BY frozen_at",
                rs -> new Freeze(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)), year);
    }
}
