package org.perfdesk.store;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.IndicatorSystem;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.RankingGroup;

/**
 * The indicator system (指标体系) per year and ranking group: at the office its own, at a unit the one the
 * office sent (with the package it came in). Stored as JSON, one row per year and group.
 */
public final class IndicatorSystemRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;

    IndicatorSystemRepository(Database db) {
        this.db = db;
    }

    /** Saves the system for its year and group, replacing the one before. */
    public void save(IndicatorSystem system, String packageId) {
        String body = toJson(system);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO indicator_system(year, grp, body, package_id, "
                    + "updated_at) VALUES(?, ?, ?, ?, ?) ON CONFLICT(year, grp) DO UPDATE SET body = excluded.body, "
                    + "package_id = excluded.package_id, updated_at = excluded.updated_at")) {
                ps.setInt(1, system.year());
                ps.setString(2, system.group().name());
                ps.setString(3, body);
                Sql.text(ps, 4, packageId);
                Sql.now(ps, 5);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<IndicatorSystem> find(int year, RankingGroup group) {
        return db.list("SELECT body FROM indicator_system WHERE year = ? AND grp = ?",
                rs -> parse(year, group, rs.getString(1)), year, group.name()).stream().findFirst();
    }

    /** The year's systems, cities first. */
    public List<IndicatorSystem> findAll(int year) {
        List<IndicatorSystem> out = new ArrayList<>();
        for (RankingGroup g : RankingGroup.values()) {
            find(year, g).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The system a unit links its tree to: its group's, or when the unit has no group the one system the
     * workspace holds for the year.
     */
    public Optional<IndicatorSystem> forUnit(org.perfdesk.domain.OrgUnit unit, int year) {
        if (unit.group() != null) {
            Optional<IndicatorSystem> own = find(year, unit.group());
            if (own.isPresent()) {
                return own;
            }
        }
        List<IndicatorSystem> all = findAll(year);
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    /** At a unit: the office's package the year's system came in, if it came in one. */
    public Optional<String> packageOf(int year, RankingGroup group) {
        return db.list("SELECT package_id FROM indicator_system WHERE year = ? AND grp = ? AND package_id IS NOT NULL",
                rs -> rs.getString(1), year, group.name()).stream().findFirst();
    }

    static String toJson(IndicatorSystem s) {
        ArrayNode items = JSON.createArrayNode();
        for (IndicatorSystem.Item i : s.indicators()) {
            ObjectNode o = items.addObject();
            o.put("code", i.code());
            o.put("name", i.name());
            o.put("level", i.level());
            o.put("parent", i.parentCode());
            o.put("weight", i.weight() == null ? null : Numbers.plain(i.weight()));
            o.put("direction", i.direction() == null ? null : i.direction().name());
            o.put("unit", i.unitOfMeasure());
            o.put("source", i.dataSource());
            o.put("note", i.note());
        }
        return items.toString();
    }

    private static IndicatorSystem parse(int year, RankingGroup group, String body) {
        try {
            List<IndicatorSystem.Item> items = new ArrayList<>();
            for (JsonNode o : JSON.readTree(body)) {
                items.add(new IndicatorSystem.Item(o.path("code").asText(), o.path("name").asText(),
                        o.path("level").asInt(1), text(o, "parent"),
                        text(o, "weight") == null ? null : new BigDecimal(o.path("weight").asText()),
                        text(o, "direction") == null ? null : Direction.valueOf(o.path("direction").asText()),
                        text(o, "unit"), text(o, "source"), text(o, "note")));
            }
            return new IndicatorSystem(year, group, items);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("stored indicator system unreadable", e);
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
