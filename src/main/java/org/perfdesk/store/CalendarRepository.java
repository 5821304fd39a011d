package org.perfdesk.store;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.perfdesk.domain.YearCalendar;

/** The year's deadlines: the defaults, with the dates the user changed for that year. */
public final class CalendarRepository {
    private final Database db;

    public CalendarRepository(Database db) {
        this.db = db;
    }

    public List<YearCalendar.Deadline> find(int year) {
        Map<String, LocalDate> changed = new HashMap<>();
        for (String[] row : db.list("SELECT key, due FROM calendar_deadline WHERE year = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, year)) {
            changed.put(row[0], LocalDate.parse(row[1]));
        }
        List<YearCalendar.Deadline> out = new ArrayList<>();
        for (YearCalendar.Deadline d : YearCalendar.defaults(year)) {
            out.add(new YearCalendar.Deadline(d.key(), changed.getOrDefault(d.key(), d.date()), d.who()));
        }
        out.sort(java.util.Comparator.comparing(YearCalendar.Deadline::date));
        return out;
    }

    /** Sets one deadline of the year; null goes back to the default. */
    public void set(int year, String key, LocalDate due) {
        db.write(c -> {
            if (due == null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM calendar_deadline WHERE year = ? AND key = ?")) {
                    ps.setInt(1, year);
                    ps.setString(2, key);
                    return ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO calendar_deadline(year, key, due) VALUES(?, ?, ?) "
                    + "ON CONFLICT(year, key) DO UPDATE SET due = excluded.due")) {
                ps.setInt(1, year);
                ps.setString(2, key);
                ps.setString(3, due.toString());
                return ps.executeUpdate();
            }
        });
    }
}
