package org.perfdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;

/** Organisations known to the workspace, kept in the order they were given (position). */
public final class OrgUnitRepository {
    private static final String COLUMNS = "code, name, kind, parent_code, ranking_group, key_id";

    private final Database db;

    public OrgUnitRepository(Database db) {
        this.db = db;
    }

    /** Inserts or replaces each unit (matched by code), keeping the given order. */
    public void saveAll(Collection<OrgUnit> units) {
        db.write(c -> {
            int next = nextPosition(c);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO org_unit(" + COLUMNS + ", position) VALUES(?, ?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT(code) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
                            + "parent_code = excluded.parent_code, ranking_group = excluded.ranking_group, "
                            + "key_id = excluded.key_id")) {
                for (OrgUnit u : units) {
                    ps.setString(1, u.code());
                    ps.setString(2, u.name());
                    ps.setString(3, u.kind().name());
                    Sql.text(ps, 4, u.parentCode());
                    Sql.enumName(ps, 5, u.group());
                    Sql.text(ps, 6, u.keyId());
                    ps.setInt(7, next++);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public void save(OrgUnit unit) {
        saveAll(List.of(unit));
    }

    public Optional<OrgUnit> find(String code) {
        return query("SELECT " + COLUMNS + " FROM org_unit WHERE code = ?", code).stream().findFirst();
    }

    /** The organisation whose code is this one but for case (codes compare without regard to case). */
    public Optional<OrgUnit> findIgnoringCase(String code) {
        return query("SELECT " + COLUMNS + " FROM org_unit WHERE code = ? COLLATE NOCASE ORDER BY code = ? DESC",
                code, code).stream().findFirst();
    }

    public List<OrgUnit> findAll() {
        return query("SELECT " + COLUMNS + " FROM org_unit ORDER BY position, code");
    }

    /** Direct children of a unit: its sub-units, divisions or persons. */
    public List<OrgUnit> findChildren(String parentCode) {
        return query("SELECT " + COLUMNS + " FROM org_unit WHERE parent_code = ? ORDER BY position, code", parentCode);
    }

    /** The unit and everything below it, parents before children. */
    public List<OrgUnit> findSubtree(String rootCode) {
        return query("WITH RECURSIVE sub(code, depth) AS (SELECT code, 0 FROM org_unit WHERE code = ? "
                + "UNION ALL SELECT o.code, sub.depth + 1 FROM org_unit o JOIN sub ON o.parent_code = sub.code "
                + "WHERE sub.depth < 64) "
                + "SELECT o.code, o.name, o.kind, o.parent_code, o.ranking_group, o.key_id"
                + " FROM org_unit o JOIN sub ON sub.code = o.code ORDER BY sub.depth, o.position, o.code", rootCode);
    }

    /**
     * Removes an organisation that nothing refers to (no goal-tree node owns by it, no organisation
     * sits under it); returns false and changes nothing otherwise.
     */
    public boolean deleteIfUnused(String code) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM goal_node WHERE owner_code = ?) "
                    + "+ (SELECT count(*) FROM org_unit WHERE parent_code = ?)")) {
                ps.setString(1, code);
                ps.setString(2, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getInt(1) > 0) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM org_unit WHERE code = ?")) {
                ps.setString(1, code);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public int count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM org_unit");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private List<OrgUnit> query(String sql, Object... params) {
        return db.list(sql, OrgUnitRepository::map, params);
    }

    private static int nextPosition(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(position), -1) + 1 FROM org_unit");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static OrgUnit map(ResultSet rs) throws SQLException {
        return new OrgUnit(rs.getString("code"), rs.getString("name"),
                Sql.enumValue(rs, "kind", OrgKind.class), rs.getString("parent_code"),
                Sql.enumValue(rs, "ranking_group", RankingGroup.class), rs.getString("key_id"));
    }
}
