package org.perfdesk.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.perfdesk.domain.UserError;

/**
 * The office's audit log (审计日志): every score, approval, scheme and result change, with who,
 * when, what before and after, why, and the facts a sentence is made from ({@link Entry#facts()}).
 * Each entry's check value covers its fields and the value before it, so changing, removing or
 * inserting a row anywhere breaks the chain from there on, and {@link #verify()} says where.
 *
 * <p>Since schema 8 the check value is an HMAC-SHA256 with the workspace's audit secret
 * ({@link AuditKeys}), marked {@value #KEYED} — or, once the workspace uses the gm-1 suite (schema 12), an
 * HMAC-SM3 marked {@code g1:} ({@link AuditMac}); each entry's mark says which, so a chain switches at
 * the entry that says so and earlier ones check as they were written: an entry edited in the database with its values
 * recomputed no longer checks without the secret. Entries from before the secret existed keep the
 * unkeyed SHA-256 of the first release; the key file records where the keyed part begins, so no entry
 * of it can be passed off as an old one. The last committed entry is recorded beside the key after each
 * transaction, so entries cut off the end are noticed too. Appends join the caller's transaction, so a
 * change and its entry are written together or not at all.
 */
public final class AuditLog {
    /** The check value before the first entry. */
    public static final String GENESIS = "0".repeat(64);
    /** How a keyed entry's check value begins. */
    public static final String KEYED = "k1:";
    private static final String KEYED_DOMAIN = "perfdesk-audit-entry/1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> FACTS = new TypeReference<>() {
    };
    private static final String COLUMNS = "seq, at, actor, action, subject, before, after, reason, detail, prev_hash, hash";

    private static final java.util.List<AuditMac> MACS = java.util.ServiceLoader.load(AuditMac.class).stream()
            .map(java.util.ServiceLoader.Provider::get).toList();

    private final Database db;
    private final AuditKeys keys;
    private final SuiteYearRepository suites;

    AuditLog(Database db, Path keysDir, SuiteYearRepository suites) {
        this.db = db;
        this.keys = new AuditKeys(keysDir);
        this.suites = suites;
    }

    /**
     * One entry. {@code actor} is the operating system's login (kept for support; the window shows the
     * workspace's unit); {@code detail} the facts as JSON, null in entries from before schema 8.
     */
    public record Entry(long seq, String at, String actor, String action, String subject, String before,
                        String after, String reason, String detail, String prevHash, String hash) {
        /** The named facts of the entry; empty for entries written before facts were recorded. */
        public Map<String, String> facts() {
            if (detail == null || detail.isBlank()) {
                return Map.of();
            }
            try {
                return Collections.unmodifiableMap(JSON.readValue(detail, FACTS));
            } catch (JsonProcessingException e) {
                return Map.of();
            }
        }

        /** Keyed: {@code k1:} (HMAC-SHA256) or another suite's mark such as {@code g1:} (HMAC-SM3). */
        public boolean keyed() {
            return isKeyed(hash);
        }
    }

    /**
     * Where the chain is broken: {@code why} is {@code content} (the entry changed), {@code link} (it
     * does not follow the one before), {@code missing} (a number is missing), {@code legacy} (the entries
     * from before the key no longer lead to the first keyed one), {@code cut} (entries from {@code seq} on
     * were removed from the end), {@code head} (the entry differs from the one recorded as last) or
     * {@code noKey} (keyed entries, but the key file is gone).
     */
    public record Break(long seq, String why) {
    }

    /**
     * The result of a check: the break, if any; how many entries; the first keyed entry (0 when the
     * workspace has no key); the last entry recorded outside the database (0 when none) and the last
     * entry's check value.
     */
    public record Check(Optional<Break> broken, int entries, long keyedFrom, long recordedHead, String lastHash) {
        public boolean intact() {
            return broken.isEmpty();
        }

        /** The last entry's check value as people compare it: 16 hex digits in groups of four. */
        public String shortHead() {
            if (lastHash == null) {
                return "";
            }
            String hex = isKeyed(lastHash) ? lastHash.substring(KEYED.length()) : lastHash;
            return String.join(" ", hex.substring(0, 4), hex.substring(4, 8), hex.substring(8, 12), hex.substring(12, 16))
                    .toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** Who is at the keyboard as the operating system knows them (kept for support, not shown). */
    public static String actor() {
        return System.getProperty("user.name", "?");
    }

    /** Facts from key–value pairs, in order; pairs whose value is null are left out. */
    public static Map<String, String> facts(Object... keyValues) {
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                f.put(String.valueOf(keyValues[i]), String.valueOf(keyValues[i + 1]));
            }
        }
        return f;
    }

    public AuditKeys keys() {
        return keys;
    }

    /**
     * Makes the audit key when the workspace has none: a new workspace checks every entry with it; an
     * upgraded one checks its old entries by the old rule and the new ones with the key, and records the
     * old entries' last check value as the head, so they cannot be cut off either. A workspace whose log
     * already holds keyed entries gets no new key: its key was lost and must come back from a key backup.
     */
    void ensureKey() {
        if (keys.key().isPresent()) {
            return;
        }
        Optional<String[]> last = last();
        boolean anyKeyed = db.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT 1 FROM audit_log WHERE substr(hash, 3, 1) = ':' LIMIT 1")) {
                return rs.next();
            }
        });
        if (anyKeyed) {
            return;
        }
        long lastSeq = last.map(l -> Long.parseLong(l[0])).orElse(0L);
        keys.create(lastSeq + 1);
        last.ifPresent(l -> keys.writeHead(lastSeq, l[1]));
    }

    public Entry append(String action, String subject, String before, String after, String reason) {
        return append(action, subject, before, after, reason, null);
    }

    /**
     * Appends an entry with its facts (named values a sentence is made from: {@code unit}, {@code year},
     * {@code before}, {@code after}, …; the raw texts stay for support).
     */
    public Entry append(String action, String subject, String before, String after, String reason,
                        Map<String, String> facts) {
        AuditKeys.Key key = keys.key().orElseThrow(() -> new UserError("error.audit.keyMissing",
                keys.keyFile().toString()));
        String detail = facts == null || facts.isEmpty() ? null : json(facts);
        Entry e = db.write(c -> {
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
            String hash = keyed(markOf(suites.newest()), key.secret(), prev, seq, at, actor, action, subject, before,
                    after, r, detail);
            try (var ps = c.prepareStatement("INSERT INTO audit_log(" + COLUMNS + ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, seq);
                ps.setString(2, at);
                ps.setString(3, actor);
                ps.setString(4, action);
                ps.setString(5, subject);
                Sql.text(ps, 6, before);
                Sql.text(ps, 7, after);
                ps.setString(8, r);
                Sql.text(ps, 9, detail);
                ps.setString(10, prev);
                ps.setString(11, hash);
                ps.executeUpdate();
            }
            return new Entry(seq, at, actor, action, subject, before, after, r, detail, prev, hash);
        });
        db.afterCommit(this, this::advanceHead);
        return e;
    }

    /**
     * Records the last committed entry beside the key, unless the log no longer holds the entry recorded
     * before (entries were cut off the end and others written since): then the record stays, so the check
     * keeps naming the cut until a backup is restored.
     */
    private void advanceHead() {
        Optional<String[]> last = last();
        if (last.isEmpty()) {
            return;
        }
        Optional<AuditKeys.Head> head = keys.head();
        if (head.isPresent() && !head.get().hash().equals(hashAt(head.get().seq()))) {
            return;
        }
        keys.writeHead(Long.parseLong(last.get()[0]), last.get()[1]);
    }

    /**
     * After a backup was put in place of the database: the restored log is the log from now on. The
     * head is set to its last entry, the key's boundary is moved down when the backup is older than the
     * key, and the restore itself is the next entry.
     */
    public void recordRestore(String backup, String keptAs) {
        Optional<String[]> last = last();
        long lastSeq = last.map(l -> Long.parseLong(l[0])).orElse(0L);
        Optional<AuditKeys.Key> key = keys.key();
        if (key.isEmpty()) {
            ensureKey();
        } else if (key.get().keyedFrom() > lastSeq + 1) {
            keys.lowerBoundary(key.get(), lastSeq + 1);
        }
        keys.writeHead(lastSeq, last.map(l -> l[1]).orElse(GENESIS));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("backup", backup);
        facts.put("kept", keptAs);
        facts.put("last", String.valueOf(lastSeq));
        append("restore", backup, null, keptAs, "", facts);
    }

    private Optional<String[]> last() {
        return db.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
                return rs.next() ? Optional.of(new String[] {String.valueOf(rs.getLong(1)), rs.getString(2)})
                        : Optional.<String[]>empty();
            }
        });
    }

    private String hashAt(long seq) {
        if (seq == 0) {
            return GENESIS;
        }
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT hash FROM audit_log WHERE seq = ?")) {
                ps.setLong(1, seq);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** Newest first, at most {@code limit}. */
    public List<Entry> recent(int limit) {
        return db.list("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT ?", AuditLog::map, limit);
    }

    public List<Entry> all() {
        return db.list("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq", AuditLog::map);
    }

    /** Where the chain is broken, or empty when every entry checks (see {@link #verify()}). */
    public Optional<Break> check() {
        return verify().broken();
    }

    /**
     * Walks the chain from the first entry: each entry must follow the one before, entries from the key's
     * boundary on must carry the keyed value and it must match, older ones the unkeyed value; then the
     * log must still reach the entry recorded as last, with the same value.
     */
    public Check verify() {
        Optional<AuditKeys.Key> key = keys.key();
        long keyedFrom = key.map(AuditKeys.Key::keyedFrom).orElse(0L);
        byte[] secret = key.map(AuditKeys.Key::secret).orElse(null);
        Optional<AuditKeys.Head> head = keys.head();
        long recorded = head.map(AuditKeys.Head::seq).orElse(0L);
        List<Entry> all = all();
        String prev = GENESIS;
        long expectedSeq = 1;
        for (Entry e : all) {
            Optional<Break> b = checkOne(e, expectedSeq, prev, keyedFrom, secret);
            if (b.isPresent()) {
                return new Check(b, all.size(), keyedFrom, recorded, null);
            }
            prev = e.hash();
            expectedSeq++;
        }
        String lastHash = all.isEmpty() ? null : prev;
        if (head.isPresent()) {
            long last = expectedSeq - 1;
            if (head.get().seq() > last) {
                return new Check(Optional.of(new Break(last + 1, "cut")), all.size(), keyedFrom, recorded, lastHash);
            }
            String at = head.get().seq() == 0 ? GENESIS : all.get((int) head.get().seq() - 1).hash();
            if (!at.equals(head.get().hash())) {
                return new Check(Optional.of(new Break(head.get().seq(), "head")), all.size(), keyedFrom, recorded,
                        lastHash);
            }
        }
        return new Check(Optional.empty(), all.size(), keyedFrom, recorded, lastHash);
    }

    private static Optional<Break> checkOne(Entry e, long expectedSeq, String prev, long keyedFrom, byte[] secret) {
        if (e.seq() != expectedSeq) {
            return Optional.of(new Break(expectedSeq, "missing"));
        }
        if (!e.prevHash().equals(prev)) {
            return Optional.of(new Break(e.seq(), keyedFrom > 1 && e.seq() == keyedFrom ? "legacy" : "link"));
        }
        if (e.keyed()) {
            if (secret == null) {
                return Optional.of(new Break(e.seq(), "noKey"));
            }
            String mark = e.hash().substring(0, KEYED.length());
            if (!KEYED.equals(mark) && MACS.stream().noneMatch(m -> m.prefix().equals(mark))) {
                return Optional.of(new Break(e.seq(), "content"));
            }
            String h = keyed(mark, secret, e.prevHash(), e.seq(), e.at(), e.actor(), e.action(), e.subject(),
                    e.before(), e.after(), e.reason(), e.detail());
            return MessageDigest.isEqual(h.getBytes(StandardCharsets.US_ASCII), e.hash().getBytes(StandardCharsets.US_ASCII))
                    ? Optional.empty() : Optional.of(new Break(e.seq(), "content"));
        }
        // An unkeyed entry is one from before the key: never at or after the boundary, never with facts.
        boolean old = keyedFrom == 0 || e.seq() < keyedFrom;
        String h = hash(e.prevHash(), e.seq(), e.at(), e.actor(), e.action(), e.subject(), e.before(), e.after(),
                e.reason());
        return old && e.detail() == null && h.equals(e.hash()) ? Optional.empty()
                : Optional.of(new Break(e.seq(), "content"));
    }

    private static Entry map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
    }

    private static String json(Map<String, String> facts) {
        Map<String, String> clean = new LinkedHashMap<>();
        facts.forEach((k, v) -> {
            if (v != null) {
                clean.put(k, v);
            }
        });
        try {
            return JSON.writeValueAsString(clean);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a check value is keyed: a mark of two characters and a colon ({@code k1:}, {@code g1:}) before the hex. */
    static boolean isKeyed(String hash) {
        return hash != null && hash.length() > KEYED.length() && hash.charAt(KEYED.length() - 1) == ':';
    }

    /** The mark of the suite's keyed hash: {@value #KEYED} for intl-1, the suite's own ({@code g1:}) otherwise. */
    private static String markOf(String suite) {
        if (SuiteYearRepository.INTL.equals(suite)) {
            return KEYED;
        }
        return MACS.stream().filter(m -> m.suite().equals(suite)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no audit hash for the suite " + suite)).prefix();
    }

    /** HMAC-SHA256 with the audit secret, as every keyed entry before suites. */
    static String keyed(byte[] secret, String prev, long seq, String at, String actor, String action, String subject,
                        String before, String after, String reason, String detail) {
        return keyed(KEYED, secret, prev, seq, at, actor, action, subject, before, after, reason, detail);
    }

    /**
     * The keyed check value: the mark, then the hex of the mark's keyed hash (HMAC-SHA256 for {@value #KEYED},
     * HMAC-SM3 for {@code g1:}) with the audit secret over a domain text and the fields, each as its length
     * in UTF-8 bytes, a colon and the bytes ({@code -1:} for none), each followed by a newline.
     */
    static String keyed(String mark, byte[] secret, String prev, long seq, String at, String actor, String action,
                        String subject, String before, String after, String reason, String detail) {
        try {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            for (String f : new String[] {KEYED_DOMAIN, prev, Long.toString(seq), at, actor, action, subject, before,
                    after, reason, detail}) {
                if (f == null) {
                    b.writeBytes("-1:".getBytes(StandardCharsets.US_ASCII));
                } else {
                    byte[] bytes = f.getBytes(StandardCharsets.UTF_8);
                    b.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                    b.writeBytes(bytes);
                }
                b.write('\n');
            }
            byte[] message = b.toByteArray();
            if (KEYED.equals(mark)) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                return KEYED + HexFormat.of().formatHex(mac.doFinal(message));
            }
            AuditMac other = MACS.stream().filter(m -> m.prefix().equals(mark)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no audit hash marked " + mark));
            return mark + HexFormat.of().formatHex(other.mac(secret, message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The unkeyed check value of the first release (entries before the key): SHA-256 over the fields,
     * each length-prefixed (in UTF-16 units) so no two different rows share a text.
     */
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
