package org.perfdesk.proof;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.perfdesk.store.Workspace;

/**
 * A workspace's whole database as text that compares equal exactly when the data is the same: every
 * table by name, every row with every column, rows sorted; instants (which differ between a run and
 * its repetition) replaced by a placeholder.
 */
public final class CanonicalDump {
    private static final Pattern INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private CanonicalDump() {
    }

    public static String of(Workspace ws) {
        return ws.database().read(c -> {
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            StringBuilder out = new StringBuilder();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                out.append("user_version ").append(rs.next() ? rs.getInt(1) : -1).append('\n');
            }
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            String text = v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(v);
                            row.append(md.getColumnName(i)).append('=')
                                    .append(INSTANT.matcher(text).replaceAll("<instant>")).append('\u001f');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                out.append("== ").append(table).append(" (").append(rows.size()).append(")\n");
                rows.forEach(r -> out.append(r).append('\n'));
            }
            return out.toString();
        });
    }

    /** The first line where two dumps differ, for a message a person can read. */
    public static String firstDifference(String a, String b) {
        String[] x = a.split("\n");
        String[] y = b.split("\n");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return "line " + (i + 1) + ":\n  " + abbreviate(x[i]) + "\n  " + abbreviate(y[i]);
            }
        }
        return x.length == y.length ? "none" : "lengths " + x.length + " and " + y.length;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
