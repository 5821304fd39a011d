package org.perfdesk.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

import org.perfdesk.domain.Numbers;

/** Conversions between Java values and the column types the schema uses (TEXT for decimals and dates). */
final class Sql {
    private Sql() {
    }

    static void text(PreparedStatement ps, int i, String value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, value);
        }
    }

    static void decimal(PreparedStatement ps, int i, BigDecimal value) throws SQLException {
        text(ps, i, value == null ? null : Numbers.plain(value));
    }

    static void date(PreparedStatement ps, int i, LocalDate value) throws SQLException {
        text(ps, i, value == null ? null : value.toString());
    }

    static void enumName(PreparedStatement ps, int i, Enum<?> value) throws SQLException {
        text(ps, i, value == null ? null : value.name());
    }

    static void now(PreparedStatement ps, int i) throws SQLException {
        ps.setString(i, Instant.now().toString());
    }

    static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        return Numbers.parse(rs.getString(column));
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : LocalDate.parse(s);
    }

    static <E extends Enum<E>> E enumValue(ResultSet rs, String column, Class<E> type) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : Enum.valueOf(type, s);
    }
}
