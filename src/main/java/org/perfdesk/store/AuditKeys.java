package org.perfdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.perfdesk.domain.UserError;

/**
 * The audit log's two files beside the workspace's keys, outside the database, so whoever edits
 * {@code perfdesk.db} alone can neither recompute an entry's check value nor cut entries off the end
 * unnoticed (architecture.md, "The audit log" says what this does and does not defend against):
 *
 * <ul>
 *   <li>{@code keys/audit-key.json}: the workspace's audit secret (32 random bytes, HMAC-SHA256) and
 *       {@code keyedFrom}, the first entry checked with it. Entries before it were written by a release
 *       without the key and are checked by the old, unkeyed rule. Written once, readable without the
 *       passphrase so the window and {@code perfdesk audit check} can check at any time; owner-only
 *       where the file system has permissions.</li>
 *   <li>{@code keys/audit-head.json}: the last entry known to be committed (number and check value),
 *       rewritten after each committed transaction that wrote entries.</li>
 * </ul>
 */
public final class AuditKeys {
    public static final String KEY_FILE = "audit-key.json";
    public static final String HEAD_FILE = "audit-head.json";
    public static final String KEY_FORMAT = "perfdesk-audit-key/1";
    public static final String HEAD_FORMAT = "perfdesk-audit-head/1";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;

    public AuditKeys(Path keysDir) {
        this.dir = keysDir;
    }

    /** The audit secret and the first entry it checks. */
    @JsonPropertyOrder({"format", "key", "keyedFrom", "createdAt"})
    public record Key(String format, String key, long keyedFrom, String createdAt) {
        public byte[] secret() {
            return Base64.getDecoder().decode(key);
        }

        Key from(long seq) {
            return new Key(format, key, seq, createdAt);
        }
    }

    /** The last entry known to be committed. */
    @JsonPropertyOrder({"format", "seq", "hash", "at"})
    public record Head(String format, long seq, String hash, String at) {
    }

    public Path keyFile() {
        return dir.resolve(KEY_FILE);
    }

    public Path headFile() {
        return dir.resolve(HEAD_FILE);
    }

    /** The key, if the workspace has one. A file that cannot be read is an error, never "no key". */
    public Optional<Key> key() {
        return read(keyFile(), Key.class).filter(k -> {
            if (!KEY_FORMAT.equals(k.format()) || k.key() == null || k.keyedFrom() < 1) {
                throw new UserError("error.audit.keyUnreadable", keyFile().toString(), "format");
            }
            return true;
        });
    }

    public Optional<Head> head() {
        return read(headFile(), Head.class);
    }

    /** A new random key that checks entries from {@code keyedFrom} on. */
    public Key create(long keyedFrom) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Key k = new Key(KEY_FORMAT, Base64.getEncoder().encodeToString(secret), keyedFrom, Instant.now().toString());
        write(keyFile(), k);
        return k;
    }

    /** Puts a key back as it was (a key backup restored). */
    public void restore(Key k) {
        write(keyFile(), k);
    }

    /** Moves the boundary down to {@code seq} (a backup from before the key was made was restored). */
    void lowerBoundary(Key k, long seq) {
        write(keyFile(), k.from(seq));
    }

    void writeHead(long seq, String hash) {
        write(headFile(), new Head(HEAD_FORMAT, seq, hash, Instant.now().toString()));
    }

    private <T> Optional<T> read(Path file, Class<T> type) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), type));
        } catch (IOException e) {
            throw new UserError(e, "error.audit.keyUnreadable", file.toString(), String.valueOf(e.getMessage()));
        }
    }

    private static void write(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = SafeFiles.temporaryFor(file);
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
            ownerOnly(tmp);
            SafeFiles.commit(tmp, file);
        } catch (IOException e) {
            throw new UserError(e, "error.audit.keyWriteFailed", file.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** Readable by the workspace's user only, where the file system knows permissions (not FAT, not Windows ACLs). */
    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // Windows: the user's profile folder is already private to the user.
        }
    }
}
