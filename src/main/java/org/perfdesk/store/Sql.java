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

    /** A decimal column's text read by position (a name lookup costs more than the value on a long scan). */
    static BigDecimal decimal(String text) {
        return Numbers.parse(text);
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : LocalDate.parse(s);
    }

    static <E extends Enum<E>> E enumValue(ResultSet rs, String column, Class<E> type) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : Enum.valueOf(type, s);
    }

    /** Texts shorter than this stay plain TEXT, readable with any SQLite tool. */
    static final int PACK_FROM = 4096;

    /**
     * A large text (a received snapshot, an import report) stored deflated as a BLOB: a 2,000-node
     * snapshot is 3.5 MB of JSON and a tenth of that packed, and writing it was a sixth of an import's
     * time. Read with {@link #unpacked}, which also reads rows written as TEXT before.
     */
    static void packed(PreparedStatement ps, int i, String value) throws SQLException {
        if (value == null || value.length() < PACK_FROM) {
            text(ps, i, value);
            return;
        }
        ps.setBytes(i, deflated(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Whether a text given as its UTF-8 bytes ({@link PackedText}: a received snapshot as it came) is stored
     * deflated without decoding it. A shorter one is decoded and judged as a string would be (a string's
     * length is at least a third of its bytes).
     */
    static boolean packsAsBlob(byte[] utf8) {
        return utf8 != null && utf8.length >= 3 * PACK_FROM;
    }

    static byte[] deflated(byte[] bytes) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(Math.max(64, bytes.length / 8));
            byte[] buf = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** A column written by {@link #packed}: TEXT as it is, a BLOB unpacked. */
    static String unpacked(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (!(value instanceof byte[] bytes)) {
            return value == null ? null : value.toString();
        }
        try (java.io.InputStream in = new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            // zlib's checksum failed: the database is damaged (quick_check looks at pages, not at this)
            throw new SQLException("a packed text in column " + column + " is damaged: " + e.getMessage(), e);
        }
    }
}
