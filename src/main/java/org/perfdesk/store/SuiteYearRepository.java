package org.perfdesk.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;

/**
 * Which algorithm suite ({@code intl-1}, {@code gm-1}) this workspace uses from which year on (table
 * {@code suite_year}, schema 12). No row means intl-1 for every year: a workspace made before suites.
 * What the rows mean for a package lives in {@code exchange/SuitePlan}.
 */
public final class SuiteYearRepository {
    /** The suite of every workspace and package before suites were named. */
    public static final String INTL = "intl-1";

    private final Database db;

    public SuiteYearRepository(Database db) {
        this.db = db;
    }

    /** From that year on, that suite. */
    public record Row(int fromYear, String suite) {
    }

    /** The rows, earliest year first. */
    public List<Row> findAll() {
        return db.list("SELECT from_year, suite FROM suite_year ORDER BY from_year",
                rs -> new Row(rs.getInt(1), rs.getString(2)));
    }

    /** From {@code fromYear} on, {@code suite}: rows for that year and later ones are replaced. */
    public void setFrom(int fromYear, String suite) {
        db.write(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM suite_year WHERE from_year >= ?");
                 PreparedStatement ins = c.prepareStatement(
                         "INSERT INTO suite_year(from_year, suite, set_at) VALUES(?, ?, ?)")) {
                del.setInt(1, fromYear);
                del.executeUpdate();
                ins.setInt(1, fromYear);
                ins.setString(2, suite);
                ins.setString(3, Instant.now().toString());
                return ins.executeUpdate();
            }
        });
    }

    /** The suite of the latest row: what the workspace signs its newest packages with (intl-1 without rows). */
    public String newest() {
        List<Row> rows = findAll();
        return rows.isEmpty() ? INTL : rows.get(rows.size() - 1).suite();
    }

    /** The suite for a year: the latest row at or before it, the first row's for earlier years, intl-1 without rows. */
    public String forYear(int year) {
        List<Row> rows = findAll();
        if (rows.isEmpty()) {
            return INTL;
        }
        String suite = rows.get(0).suite();
        for (Row r : rows) {
            if (r.fromYear() <= year) {
                suite = r.suite();
            }
        }
        return suite;
    }
}
