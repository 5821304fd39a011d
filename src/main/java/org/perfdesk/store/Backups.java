package org.perfdesk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.perfdesk.domain.UserError;

/**
 * A workspace's backups. Automatic ones are consistent copies of the database ({@code VACUUM INTO})
 * in {@code backups/}, made before anything that changes much at once (a migration, a package
 * import, an Excel import, a restore); the newest {@value #KEEP_AUTOMATIC} are kept, and those made
 * before a migration always. A backup made by hand is a whole workspace folder (database, keys,
 * evidence, inbox, outbox) in a folder the user chooses, which PerfDesk can open as it is.
 */
public final class Backups {
    /** How many automatic backups stay; older ones go (migration backups excepted). */
    public static final int KEEP_AUTOMATIC = 20;
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("perfdesk-(\\d{8}-\\d{6})(?:-\\d+)?-(.+)\\.db");
    /** What a manual backup copies besides the database; backups/ would only copy copies. */
    private static final List<String> COPIED = List.of("keys", "attachments", "inbox", "outbox");

    /** One backup file: when it was made, why (the reason word of its name), how big. */
    public record Backup(Path file, LocalDateTime made, String reason, long size) {
        /** A backup made before a schema upgrade: the way back to the older program. */
        public boolean beforeMigration() {
            return reason.startsWith("before-v");
        }
    }

    private final Workspace ws;

    private Backups(Workspace ws) {
        this.ws = ws;
    }

    public static Backups of(Workspace ws) {
        return new Backups(ws);
    }

    /** A copy of the database now, named for {@code reason} ("before-import"); old ones pruned. */
    public Path automatic(String reason) {
        Path target = freeName(ws.backupsDir(), "perfdesk-" + STAMP.format(LocalDateTime.now()), "-" + reason + ".db");
        ws.database().backupTo(target);
        prune(ws.backupsDir());
        return target;
    }

    /** The backups in {@code backups/}, newest first. */
    public List<Backup> list() {
        return list(ws.backupsDir());
    }

    static List<Backup> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Backup> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches() && Files.isRegularFile(f)) {
                    out.add(new Backup(f, made(f, m.group(1)), m.group(2), Files.size(f)));
                }
            }
        } catch (IOException e) {
            throw new UserError(e, "error.backup.unreadable", dir.toString(), String.valueOf(e.getMessage()));
        }
        out.sort(Comparator.comparing(Backup::made).thenComparing(b -> b.file().getFileName().toString()).reversed());
        return out;
    }

    private static LocalDateTime made(Path f, String stamp) throws IOException {
        try {
            return LocalDateTime.parse(stamp, STAMP);
        } catch (DateTimeParseException e) {
            return LocalDateTime.ofInstant(Files.getLastModifiedTime(f).toInstant(), ZoneId.systemDefault());
        }
    }

    static void prune(Path dir) {
        List<Backup> automatic = list(dir).stream().filter(b -> !b.beforeMigration()).toList();
        for (Backup old : automatic.subList(Math.min(KEEP_AUTOMATIC, automatic.size()), automatic.size())) {
            try {
                Files.deleteIfExists(old.file());
            } catch (IOException ignored) {
                // An old backup that cannot go now goes next time; it never stops the work.
            }
        }
    }

    /**
     * A backup by hand: the whole workspace as a new folder {@code PerfDesk-<unit>-<time>} in
     * {@code folder}, written under a temporary name and renamed when complete, so a full disk or
     * a pulled stick leaves no half backup that looks whole. Returns the new folder.
     */
    public Path copyTo(Path folder) {
        String code = ws.meta().get(MetaRepository.SELF_CODE).orElse("workspace");
        Path target = freeName(folder, "PerfDesk-" + code + "-" + STAMP.format(LocalDateTime.now()), "");
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(part);
            ws.database().backupTo(part.resolve(Workspace.DB_FILE));
            for (String sub : COPIED) {
                copyTree(ws.dir().resolve(sub), part.resolve(sub));
            }
            Files.createDirectories(part.resolve("backups"));
            Files.move(part, target);
            return target;
        } catch (IOException | UserError | UncheckedIOException e) {
            deleteTree(part);
            throw new UserError(e, "error.backup.copyFailed", folder.toString(), String.valueOf(e.getMessage()));
        }
    }

    /**
     * Puts {@code backup} in place of the database of the closed workspace in {@code dir}. The
     * backup is checked first (a PerfDesk database of the same unit, not damaged; an older schema
     * is upgraded) on a copy, and the current state is kept in {@code backups/} before it is
     * replaced, so a wrong choice can itself be undone. Returns where the previous state went.
     */
    public static Path restore(Path dir, Path backup) {
        try (WorkspaceLock lock = WorkspaceLock.acquire(dir)) {
            Path db = dir.resolve(Workspace.DB_FILE);
            Path backups = dir.resolve("backups");
            Path candidate = SafeFiles.temporaryFor(db);
            try {
                Files.copy(backup, candidate, StandardCopyOption.REPLACE_EXISTING);
                String expected = selfCode(db);
                try (Database check = Database.open(candidate, Migrations.standard(), backups, false)) {
                    String found = new MetaRepository(check).get(MetaRepository.SELF_CODE).orElse("?");
                    if (expected != null && !expected.equals(found)) {
                        throw new UserError("error.backup.otherUnit", backup.getFileName().toString(), found, expected);
                    }
                }
                Path kept = keepCurrent(db, backups);
                for (String suffix : List.of("-wal", "-shm")) {
                    // A log left by the replaced file must never be replayed into the restored one.
                    Files.deleteIfExists(db.resolveSibling(Workspace.DB_FILE + suffix));
                }
                SafeFiles.commit(candidate, db);
                recordInAuditLog(dir, backup, kept);
                return kept;
            } catch (IOException e) {
                throw new UserError(e, "error.backup.restoreFailed", backup.toString(), String.valueOf(e.getMessage()));
            } finally {
                try {
                    Files.deleteIfExists(candidate);
                    Files.deleteIfExists(candidate.resolveSibling(candidate.getFileName() + "-wal"));
                    Files.deleteIfExists(candidate.resolveSibling(candidate.getFileName() + "-shm"));
                } catch (IOException ignored) {
                    // a leftover temporary file is ignored by every reader
                }
            }
        }
    }

    /**
     * The restored log is the log from now on: the audit head beside the key follows it, and the restore
     * is its next entry (so a shorter log is not taken for entries cut off the end).
     */
    private static void recordInAuditLog(Path dir, Path backup, Path kept) {
        try (Database restored = Database.open(dir.resolve(Workspace.DB_FILE), Migrations.standard(),
                dir.resolve("backups"), false)) {
            new AuditLog(restored, dir.resolve("keys"), new SuiteYearRepository(restored)).recordRestore(backup.getFileName().toString(),
                    kept.getFileName().toString());
        } catch (UserError e) {
            // The database is restored; the audit check will say what could not be recorded.
            java.util.logging.Logger.getLogger(Backups.class.getName()).warning(e.getMessage());
        }
    }

    /** The unit of the current database, or null when it cannot be read (a damaged file is why one restores). */
    private static String selfCode(Path db) {
        try (Database current = Database.open(db, Migrations.standard(), db.resolveSibling("backups"), false)) {
            return new MetaRepository(current).get(MetaRepository.SELF_CODE).orElse(null);
        } catch (UserError e) {
            return null;
        }
    }

    /** A consistent copy of the current database if it opens, else its files as they are. */
    private static Path keepCurrent(Path db, Path backups) throws IOException {
        Files.createDirectories(backups);
        Path kept = freeName(backups, "perfdesk-" + STAMP.format(LocalDateTime.now()), "-before-restore.db");
        try (Database current = Database.open(db, Migrations.standard(), backups, false)) {
            current.backupTo(kept);
        } catch (UserError unreadable) {
            Files.copy(db, kept);
            for (String suffix : List.of("-wal", "-shm")) {
                Path f = db.resolveSibling(Workspace.DB_FILE + suffix);
                if (Files.exists(f)) {
                    Files.copy(f, kept.resolveSibling(kept.getFileName() + suffix));
                }
            }
        }
        return kept;
    }

    /** {@code base + suffix}, or {@code base-2 + suffix}… when two backups fall in the same second. */
    private static Path freeName(Path dir, String base, String suffix) {
        Path p = dir.resolve(base + suffix);
        for (int i = 2; Files.exists(p) || Files.exists(p.resolveSibling(p.getFileName() + ".part")); i++) {
            p = dir.resolve(base + "-" + i + suffix);
        }
        return p;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.createDirectories(to);
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // what cannot be removed keeps its .part name, which nothing opens
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
