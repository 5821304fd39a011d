package org.perfdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;

/** Quarterly progress per indicator. */
public final class ProgressRepository {
    private static final String COLUMNS =
            "node_id, quarter, actual_value, completion_percent, status, narrative, problems, causes, measures";

    private static final String INSERT = "INSERT INTO progress(" + COLUMNS + ", updated_at) "
            + "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPSERT = INSERT + " ON CONFLICT(node_id, quarter) DO UPDATE SET "
            + "actual_value = excluded.actual_value, completion_percent = excluded.completion_percent, "
            + "status = excluded.status, narrative = excluded.narrative, problems = excluded.problems, "
            + "causes = excluded.causes, measures = excluded.measures, updated_at = excluded.updated_at";

    private final Database db;

    public ProgressRepository(Database db) {
        this.db = db;
    }

    public void save(Progress p) {
        saveAll(List.of(p));
    }

    public void saveAll(Collection<Progress> items) {
        write(UPSERT, items);
    }

    private void write(String sql, Collection<Progress> items) {
        if (items.isEmpty()) {
            return;
        }
        db.write(c -> {
            String now = java.time.Instant.now().toString();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Progress p : items) {
                    ps.setString(1, p.nodeId());
                    ps.setInt(2, p.quarter());
                    Sql.decimal(ps, 3, p.actualValue());
                    Sql.decimal(ps, 4, p.completionPercent());
                    Sql.enumName(ps, 5, p.status());
                    Sql.text(ps, 6, p.narrative());
                    Sql.text(ps, 7, p.problems());
                    Sql.text(ps, 8, p.causes());
                    Sql.text(ps, 9, p.measures());
                    ps.setString(10, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * Makes the unit's entries for the year exactly {@code items} (a received snapshot), in one
     * transaction, writing only what differs: entries no longer sent are removed, new ones inserted in
     * key order (no conflict to look for), changed ones updated; unchanged ones are left alone, as most
     * are when a unit sends its next package. Returns how many rows were written or removed.
     */
    public int replaceForUnit(String unitCode, int year, Collection<Progress> items) {
        return db.write(c -> {
            java.util.Map<String, Progress> stored = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + prefixed("p.") + " FROM progress p "
                    + "JOIN goal_node g ON g.id = p.node_id WHERE g.unit_code = ? AND g.year = ?")) {
                ps.setString(1, unitCode);
                ps.setInt(2, year);
                for (Progress p : list(ps)) {
                    stored.put(key(p), p);
                }
            }
            List<Progress> fresh = new ArrayList<>();
            List<Progress> changed = new ArrayList<>();
            for (Progress p : items) {
                Progress old = stored.remove(key(p));
                if (old == null) {
                    fresh.add(p);
                } else if (!old.equals(p)) {
                    changed.add(p);
                }
            }
            if (!stored.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM progress WHERE node_id = ? AND quarter = ?")) {
                    for (Progress p : stored.values()) {
                        ps.setString(1, p.nodeId());
                        ps.setInt(2, p.quarter());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            // In the primary key's order: each insert lands next to the one before (ids are time-ordered).
            fresh.sort(java.util.Comparator.comparing(Progress::nodeId).thenComparingInt(Progress::quarter));
            write(INSERT, fresh);
            write(UPSERT, changed);
            return stored.size() + fresh.size() + changed.size();
        });
    }

    /**
     * Adds entries known to be new (nodes that had none: a unit's first package of the year), in key order
     * like {@link #replaceForUnit}, without reading what is stored; an entry already there fails the
     * transaction.
     */
    public void insertAll(Collection<Progress> items) {
        List<Progress> fresh = new ArrayList<>(items);
        fresh.sort(java.util.Comparator.comparing(Progress::nodeId).thenComparingInt(Progress::quarter));
        write(INSERT, fresh);
    }

    private static String key(Progress p) {
        return p.nodeId() + '#' + p.quarter();
    }

    private static String prefixed(String alias) {
        return alias + COLUMNS.replace(", ", ", " + alias);
    }

    /** All quarters recorded for the unit's live nodes in the year, by node then quarter. */
    public List<Progress> findByUnit(String unitCode, int year) {
        return db.read(c -> {
            // The unit's node ids as a list SQLite keeps sorted, each looked up in progress's primary key in
            // that order: the rows come out in the order asked for, with no sort of all of them after a join.
            try (PreparedStatement ps = c.prepareStatement("SELECT " + prefixed("p.") + " FROM progress p "
                    + "WHERE p.node_id IN (SELECT id FROM goal_node WHERE unit_code = ? AND year = ? AND deleted = 0) "
                    + "ORDER BY p.node_id, p.quarter")) {
                ps.setString(1, unitCode);
                ps.setInt(2, year);
                return list(ps);
            }
        });
    }

    public List<Progress> findByNode(String nodeId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM progress WHERE node_id = ? ORDER BY quarter")) {
                ps.setString(1, nodeId);
                return list(ps);
            }
        });
    }

    /** Removes one quarter's entry of a node (undoing its first entry). */
    public int delete(String nodeId, int quarter) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM progress WHERE node_id = ? AND quarter = ?")) {
                ps.setString(1, nodeId);
                ps.setInt(2, quarter);
                return ps.executeUpdate();
            }
        });
    }

    /** Removes the unit's entries for the year (before a snapshot replaces them). */
    public int deleteByUnit(String unitCode, int year) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM progress WHERE node_id IN "
                    + "(SELECT id FROM goal_node WHERE unit_code = ? AND year = ?)")) {
                ps.setString(1, unitCode);
                ps.setInt(2, year);
                return ps.executeUpdate();
            }
        });
    }

    private static List<Progress> list(PreparedStatement ps) throws SQLException {
        List<Progress> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                // By position (every query here selects COLUMNS, in that order): a name
                // lookup per value cost more than the value on a unit's 8,000 rows read for each export.
                String status = rs.getString(5);
                out.add(new Progress(rs.getString(1), rs.getInt(2), Sql.decimal(rs.getString(3)),
                        Sql.decimal(rs.getString(4)), status == null ? null : ProgressStatus.valueOf(status),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        }
        return out;
    }
}
