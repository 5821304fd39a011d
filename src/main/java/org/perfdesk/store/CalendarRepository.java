package org.perfdesk.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.perfdesk.domain.OfficeCalendar;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.YearCalendar;

/**
 * The year's steps: the plan's defaults, with the dates this workspace set for the year, and at a unit
 * the calendar its office sent, which wins (the office sets the dates; a unit learns a changed one
 * from the next calendar package).
 */
public final class CalendarRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;

    public CalendarRepository(Database db) {
        this.db = db;
    }

    /** The year's steps in date order. */
    public List<YearCalendar.Deadline> find(int year) {
        Map<String, YearCalendar.Deadline> steps = new LinkedHashMap<>();
        YearCalendar.defaults(year).forEach(d -> steps.put(d.key(), d));
        for (String[] row : db.list("SELECT key, due, starts_on FROM calendar_deadline WHERE year = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, year)) {
            YearCalendar.Deadline d = steps.get(row[0]);
            if (d != null) {
                steps.put(d.key(), d.withDates(row[2] == null ? d.from() : LocalDate.parse(row[2]),
                        LocalDate.parse(row[1])));
            }
        }
        officeCalendar(year).ifPresent(c -> c.steps().forEach(d -> steps.put(d.key(), d)));
        return new ArrayList<>(YearCalendar.sorted(new ArrayList<>(steps.values())));
    }

    /** Sets one step's last (or only) day; null goes back to the default. */
    public void set(int year, String key, LocalDate due) {
        set(year, key, null, due);
    }

    /** Sets one step's dates (its first day for a step that spans a time); a null due date goes back to the default. */
    public void set(int year, String key, LocalDate from, LocalDate due) {
        db.write(c -> {
            if (due == null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM calendar_deadline WHERE year = ? AND key = ?")) {
                    ps.setInt(1, year);
                    ps.setString(2, key);
                    return ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO calendar_deadline(year, key, due, starts_on) "
                    + "VALUES(?, ?, ?, ?) ON CONFLICT(year, key) DO UPDATE SET due = excluded.due, "
                    + "starts_on = excluded.starts_on")) {
                ps.setInt(1, year);
                ps.setString(2, key);
                ps.setString(3, due.toString());
                Sql.date(ps, 4, from);
                return ps.executeUpdate();
            }
        });
    }

    /** At a unit: the calendar its office last sent for the year. */
    public Optional<OfficeCalendar> officeCalendar(int year) {
        return db.list("SELECT body, package_id, received_at FROM office_calendar WHERE year = ?",
                rs -> parse(year, rs.getString(1), rs.getString(2)), year).stream().findFirst();
    }

    /** Keeps the office's calendar for the year, replacing the one before. */
    public void saveOfficeCalendar(OfficeCalendar calendar) {
        String body = toJson(calendar);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO office_calendar(year, body, package_id, "
                    + "received_at) VALUES(?, ?, ?, ?) ON CONFLICT(year) DO UPDATE SET body = excluded.body, "
                    + "package_id = excluded.package_id, received_at = excluded.received_at")) {
                ps.setInt(1, calendar.year());
                ps.setString(2, body);
                ps.setString(3, calendar.packageId());
                Sql.now(ps, 4);
                return ps.executeUpdate();
            }
        });
    }

    private static String toJson(OfficeCalendar c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("pilot", c.pilot());
        root.put("rectificationDays", c.rectificationDays());
        root.put("issuedAt", c.issuedAt().toString());
        ArrayNode steps = root.putArray("steps");
        for (YearCalendar.Deadline d : c.steps()) {
            ObjectNode s = steps.addObject();
            s.put("key", d.key());
            s.put("from", d.from() == null ? null : d.from().toString());
            s.put("date", d.date().toString());
            s.put("who", d.who().name());
        }
        return root.toString();
    }

    private static OfficeCalendar parse(int year, String body, String packageId) {
        try {
            JsonNode root = JSON.readTree(body);
            List<YearCalendar.Deadline> steps = new ArrayList<>();
            for (JsonNode s : root.path("steps")) {
                steps.add(new YearCalendar.Deadline(s.path("key").asText(),
                        s.path("from").isNull() || s.path("from").isMissingNode() ? null
                                : LocalDate.parse(s.path("from").asText()),
                        LocalDate.parse(s.path("date").asText()), Role.valueOf(s.path("who").asText())));
            }
            return new OfficeCalendar(year, steps, root.path("pilot").asBoolean(false),
                    root.path("rectificationDays").asInt(0), Instant.parse(root.path("issuedAt").asText()), packageId);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("stored office calendar unreadable", e);
        }
    }
}
