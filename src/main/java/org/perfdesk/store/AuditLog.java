package org.perfdesk.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The office's audit log (审计日志): every score, approval, scheme and result change, with who,
 * when, what before and after, and why. Each entry's hash covers its fields and the hash before
 * it, so changing, removing or inserting a row anywhere breaks the chain from there on, and
 * {@link #check()} says where. Appends join the caller's transaction, so a change and its entry
 * are written together or not at all.
 */
public final class AuditLog {
    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private final Database db;

    AuditLog(Database db) {
        this.db = db;
    }

    public record Entry(long seq, String at, String actor, String action, String subject, String before,
                        String after, String reason, String prevHash, String hash) {
    }

    /** Where the chain is broken, or empty when every entry checks. */
    public record Break(long seq, String why) {
    }

    /** Who is at the keyboard: the operating system's user, which is what an offline office PC knows. */
    public static String actor() {
        return System.getProperty("user.name", "?");
    }

    public Entry append(String action, String subject, String before, String after, String reason) {
        return db.write(c -> {
            String prev = GENESIS;
            long seq = 1;
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
                if (rs.next()) {
                    seq = rs.getLong(1) + 1;
                    prev = rs.getString(2);
                }
            }
            String at = Instant.now().toString();
            String actor = actor();
            String r = reason == null ? "" : reason;
            String hash = hash(prev, seq, at, actor, action, subject, before, after, r);
            try (var ps = c.prepareStatement("INSERT INTO audit_log(seq, at, actor, action, subject, before, after, "
                    + "reason, prev_hash, hash) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, seq);
                ps.setString(2, at);
                ps.setString(3, actor);
                ps.setString(4, action);
                ps.setString(5, subject);
                Sql.text(ps, 6, before);
                Sql.text(ps, 7, after);
                ps.setString(8, r);
                ps.setString(9, prev);
                ps.setString(10, hash);
                ps.executeUpdate();
            }
            return new Entry(seq, at, actor, action, subject, before, after, r, prev, hash);
        });
    }

    /** Newest first, at most {@code limit}. */
    public List<Entry> recent(int limit) {
        return db.list("SELECT seq, at, actor, action, subject, before, after, reason, prev_hash, hash FROM audit_log "
                + "ORDER BY seq DESC LIMIT ?", AuditLog::map, limit);
    }

    public List<Entry> all() {
        return db.list("SELECT seq, at, actor, action, subject, before, after, reason, prev_hash, hash FROM audit_log "
                + "ORDER BY seq", AuditLog::map);
    }

    /** Walks the chain from the first entry. */
    public Optional<Break> check() {
        String prev = GENESIS;
        long expectedSeq = 1;
        for (Entry e : all()) {
            if (e.seq() != expectedSeq) {
                return Optional.of(new Break(expectedSeq, "missing"));
            }
            if (!e.prevHash().equals(prev)) {
                return Optional.of(new Break(e.seq(), "link"));
            }
            String h = hash(e.prevHash(), e.seq(), e.at(), e.actor(), e.action(), e.subject(), e.before(), e.after(),
                    e.reason());
            if (!h.equals(e.hash())) {
                return Optional.of(new Break(e.seq(), "content"));
            }
            prev = e.hash();
            expectedSeq++;
        }
        return Optional.empty();
    }

    private static Entry map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }

    /** SHA-256 over the fields, each length-prefixed so no two different rows share a text. */
    static String hash(String prev, long seq, String at, String actor, String action, String subject, String before,
                       String after, String reason) {
        StringBuilder b = new StringBuilder();
        for (String f : new String[] {prev, Long.toString(seq), at, actor, action, subject, before, after, reason}) {
            if (f == null) {
                b.append("-1:");
            } else {
                b.append(f.length()).append(':').append(f);
            }
            b.append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
