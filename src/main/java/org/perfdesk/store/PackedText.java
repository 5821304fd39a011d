package org.perfdesk.store;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A large text as {@link Sql#packed} stores it (deflated, or plain when short), made ahead of the
 * statement: an import packs a received snapshot on another thread while the database thread writes
 * the package before it. Stores exactly what {@code Sql.packed} would for the same bytes.
 */
public final class PackedText {
    private final byte[] utf8;
    /** The deflated bytes, or null for a text short enough to stay plain. */
    private final byte[] deflated;

    private PackedText(byte[] utf8, byte[] deflated) {
        this.utf8 = utf8;
        this.deflated = deflated;
    }

    /** Packs (deflates) the text now, on the calling thread. */
    public static PackedText of(byte[] utf8) {
        return new PackedText(utf8, Sql.packsAsBlob(utf8) ? Sql.deflated(utf8) : null);
    }

    /** Whether this is the packing of exactly this array (the same object, not just equal bytes). */
    public boolean isOf(byte[] bytes) {
        return utf8 == bytes;
    }

    void set(PreparedStatement ps, int i) throws SQLException {
        if (deflated == null) {
            Sql.packed(ps, i, utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8));
        } else {
            ps.setBytes(i, deflated);
        }
    }
}
