package org.perfdesk.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.perfdesk.domain.RectificationItem;

/** Rectification items (整改事项) and their evidence, in the office's and the unit's workspace alike. */
public final class RectificationRepository {
    private final Database db;

    RectificationRepository(Database db) {
        this.db = db;
    }

    /** Inserts or replaces the item with its evidence list, in one transaction. */
    public void save(RectificationItem i) {
        db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO rectification_item(id, unit_code, year, number, finding, "
                    + "requirement, due, measure, owner, planned, status, note, closed_at, closed_reason, sent_in) "
                    + "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                    + "number = excluded.number, finding = excluded.finding, requirement = excluded.requirement, "
                    + "due = excluded.due, measure = excluded.measure, owner = excluded.owner, "
                    + "planned = excluded.planned, status = excluded.status, note = excluded.note, "
                    + "closed_at = excluded.closed_at, closed_reason = excluded.closed_reason, "
                    + "sent_in = excluded.sent_in")) {
                ps.setString(1, i.id());
                ps.setString(2, i.unitCode());
                ps.setInt(3, i.year());
                ps.setInt(4, i.number());
                ps.setString(5, i.finding());
                ps.setString(6, i.requirement());
                Sql.date(ps, 7, i.due());
                ps.setString(8, i.measure());
                ps.setString(9, i.owner());
                Sql.date(ps, 10, i.planned());
                Sql.enumName(ps, 11, i.status());
                ps.setString(12, i.note());
                Sql.text(ps, 13, i.closedAt() == null ? null : i.closedAt().toString());
                Sql.text(ps, 14, i.closedReason());
                Sql.text(ps, 15, i.sentIn());
                ps.executeUpdate();
            }
            try (var del = c.prepareStatement("DELETE FROM rectification_evidence WHERE item_id = ?")) {
                del.setString(1, i.id());
                del.executeUpdate();
            }
            try (var ins = c.prepareStatement("INSERT INTO rectification_evidence(item_id, sha256) VALUES(?, ?)")) {
                for (String sha : i.evidence()) {
                    ins.setString(1, i.id());
                    ins.setString(2, sha);
                    ins.executeUpdate();
                }
            }
            return null;
        });
    }

    public void delete(String id) {
        db.write(c -> {
            try (var ps = c.prepareStatement("DELETE FROM rectification_item WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<RectificationItem> find(String id) {
        return withEvidence(db.list(SELECT + "WHERE id = ?", RectificationRepository::map, id)).stream().findFirst();
    }

    /** The unit's items of the year, by number. */
    public List<RectificationItem> findByUnit(String unitCode, int year) {
        return withEvidence(db.list(SELECT + "WHERE unit_code = ? AND year = ? ORDER BY number",
                RectificationRepository::map, unitCode, year));
    }

    /** Every unit's items of the year, by unit and number. */
    public List<RectificationItem> findByYear(int year) {
        return withEvidence(db.list(SELECT + "WHERE year = ? ORDER BY unit_code, number",
                RectificationRepository::map, year));
    }

    private List<RectificationItem> withEvidence(List<RectificationItem> items) {
        if (items.isEmpty()) {
            return items;
        }
        Map<String, List<String>> evidence = new HashMap<>();
        for (RectificationItem i : items) {
            evidence.put(i.id(), new ArrayList<>());
        }
        db.list("SELECT item_id, sha256 FROM rectification_evidence ORDER BY item_id, sha256",
                rs -> new String[] {rs.getString(1), rs.getString(2)}).forEach(r -> {
                    List<String> list = evidence.get(r[0]);
                    if (list != null) {
                        list.add(r[1]);
                    }
                });
        return items.stream().map(i -> i.withUnit(i.measure(), i.owner(), i.planned(), i.status(), i.note(),
                evidence.get(i.id()))).toList();
    }

    private static final String SELECT = "SELECT id, unit_code, year, number, finding, requirement, due, measure, "
            + "owner, planned, status, note, closed_at, closed_reason, sent_in FROM rectification_item ";

    private static RectificationItem map(java.sql.ResultSet rs) throws java.sql.SQLException {
        String closed = rs.getString("closed_at");
        return new RectificationItem(rs.getString("id"), rs.getString("unit_code"), rs.getInt("year"),
                rs.getInt("number"), rs.getString("finding"), rs.getString("requirement"), Sql.date(rs, "due"),
                rs.getString("measure"), rs.getString("owner"), Sql.date(rs, "planned"),
                Sql.enumValue(rs, "status", RectificationItem.Status.class), rs.getString("note"),
                closed == null ? null : Instant.parse(closed), rs.getString("closed_reason"), rs.getString("sent_in"),
                List.of());
    }
}
