package org.perfdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.perfdesk.domain.UserError;

/**
 * The workspace's SQLite file: checked before anything is changed (a SQLite file, PerfDesk's
 * application_id, a schema this program knows, quick_check), then migrated with a backup first,
 * then used through one connection with WAL, foreign keys, a busy timeout and synchronous=FULL.
 *
 * <p>All access goes through {@link #read} and {@link #write}; {@code write} is one transaction,
 * so one user action or one package is written entirely or not at all.
 */
public final class Database implements AutoCloseable {
    /** "PERF" in the SQLite header: a PerfDesk file is recognised before its tables are read. */
    public static final int APPLICATION_ID = 0x50455246;
    public static final int BUSY_TIMEOUT_MS = 5_000;
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path file;
    private final Connection connection;
    private final int migratedFrom;
    private final Path migrationBackup;
    /** How many {@link #write} calls are running on this connection (nested ones join the first). */
    private int writeDepth;
    /** Work to do once the current transaction is committed (files that must follow the database). */
    private final java.util.Map<Object, Runnable> afterCommit = new java.util.LinkedHashMap<>();

    private Database(Path file, Connection connection, int migratedFrom, Path migrationBackup) {
        this.file = file;
        this.connection = connection;
        this.migratedFrom = migratedFrom;
        this.migrationBackup = migrationBackup;
    }

    /**
     * Opens (and if {@code create}, creates) the database, refusing foreign, newer and damaged files
     * without changing them, and migrating older ones after a backup into {@code backupDir}.
     */
    public static Database open(Path file, Migrations migrations, Path backupDir, boolean create) {
        boolean exists = Files.exists(file);
        if (!exists && !create) {
            throw new UserError("error.db.missing", file.toString());
        }
        if (exists) {
            checkHeader(file);
        }
        Connection c = connect(file);
        try {
            int version = checkIdentity(c, file, migrations.latestVersion());
            configure(c);
            Path backup = null;
            if (version > 0 && version < migrations.latestVersion()) {
                backup = backupDir.resolve("perfdesk-" + STAMP.format(LocalDateTime.now())
                        + "-before-v" + migrations.latestVersion() + ".db");
                Files.createDirectories(backupDir);
                vacuumInto(c, backup);
            }
            migrate(c, file, migrations, version);
            return new Database(file, c, version, backup);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        } catch (SQLException e) {
            closeQuietly(c);
            throw StoreErrors.translate(file, e, "error.db.openFailed");
        } catch (IOException e) {
            closeQuietly(c);
            throw new UserError(e, "error.db.openFailed", file.toString(), e.getMessage());
        }
    }

    private static void checkHeader(Path file) {
        byte[] head = new byte[SQLITE_MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UserError(e, "error.db.openFailed", file.toString(), e.getMessage());
        }
        // An empty file is what SQLite itself makes of a new database; anything else must be SQLite.
        if (read > 0 && (read < head.length || !Arrays.equals(head, SQLITE_MAGIC))) {
            throw new UserError("error.db.notSqlite", file.toString());
        }
    }

    private static Connection connect(Path file) {
        try {
            Properties props = new Properties();
            // Writers take the write lock at BEGIN, so two writers wait instead of dead-locking.
            props.setProperty("transaction_mode", "IMMEDIATE");
            // The crash tests' statement counter; the connection itself unless their properties are set.
            return StatementHook.wrap(DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props));
        } catch (SQLException e) {
            throw new UserError(e, "error.db.openFailed", file.toString(), e.getMessage());
        }
    }

    /** Reads the header fields only; nothing is written before the file is known to be ours. */
    private static int checkIdentity(Connection c, Path file, int latest) throws SQLException {
        int appId = pragmaInt(c, "application_id");
        int version = pragmaInt(c, "user_version");
        if (appId != APPLICATION_ID) {
            if (appId != 0 || version != 0 || tableCount(c) > 0) {
                throw new UserError("error.db.foreign", file.toString());
            }
            return 0;
        }
        if (version > latest) {
            throw new UserError("error.db.newer", file.toString(), String.valueOf(version), String.valueOf(latest));
        }
        String check = quickCheck(c);
        if (!"ok".equals(check)) {
            throw new UserError("error.db.damaged", file.toString(), check);
        }
        return version;
    }

    private static void configure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            s.execute("PRAGMA journal_mode = WAL");
            // FULL on every workspace, not only the office: a unit must not lose a morning's typing.
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA foreign_keys = ON");
            // 64 MB of page cache instead of SQLite's 2 MB: keys are random UUIDs, so an import touches
            // index pages all over the file, and with 2 MB a province's indexes no longer fit and every
            // insert read pages back and spilled others (a tenth of a large import's time). The memory is
            // taken only as pages are read, outside the Java heap.
            s.execute("PRAGMA cache_size = -65536");
            // A checkpoint (copying the log back into the file, and a flush of the file) every 16 MB of log
            // instead of every 4 MB: an imported package writes 3–5 MB, so each commit paid for one, and the
            // index pages every package touches were copied back each time. Durability is the log's, unchanged.
            s.execute("PRAGMA wal_autocheckpoint = 4096");
        }
    }

    private static void migrate(Connection c, Path file, Migrations migrations, int from) throws SQLException {
        for (int v = from + 1; v <= migrations.latestVersion(); v++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate(migrations.script(v));
                s.execute("PRAGMA application_id = " + APPLICATION_ID);
                s.execute("PRAGMA user_version = " + v);
                c.commit();
            } catch (SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r); // SQLite rolled back by itself (a full disk): the cause is what counts
                }
                UserError error = (e.getErrorCode() & 0xff) == 13 // SQLITE_FULL
                        ? new UserError(e, "error.db.full", file.toString())
                        : new UserError(e, "error.db.migrationFailed", file.toString(), String.valueOf(v), e.getMessage());
                try {
                    c.setAutoCommit(true);
                } catch (SQLException r) {
                    error.addSuppressed(r);
                }
                throw error;
            }
            c.setAutoCommit(true);
        }
    }

    private static int pragmaInt(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static int tableCount(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String quickCheck(Connection c) throws SQLException {
        return check(c, "PRAGMA quick_check");
    }

    private static String check(Connection c, String pragma) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(pragma)) {
            while (rs.next()) {
                if (out.length() > 0) {
                    out.append("; ");
                }
                out.append(rs.getString(1));
            }
        }
        return out.toString();
    }

    /**
     * A consistent copy of the database, whole or not at all: VACUUM INTO writes to a temporary name,
     * which is forced to the device and renamed. (Cut short, VACUUM INTO leaves a file that SQLite
     * reads as an empty database, which must never sit among the backups under a backup's name.)
     */
    private static void vacuumInto(Connection c, Path target) throws SQLException, IOException {
        Path tmp = SafeFiles.temporaryFor(target);
        Files.deleteIfExists(tmp);
        try {
            try (var ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, tmp.toAbsolutePath().toString());
                ps.execute();
            }
            SafeFiles.commit(tmp, target);
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // what failed is what to report
            }
            throw e;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the error that led here is the one to report
        }
    }

    public Path file() {
        return file;
    }

    /** The schema version found on open (0 for a new file); equal to {@link #schemaVersion()} when nothing was migrated. */
    public int migratedFrom() {
        return migratedFrom;
    }

    /** The copy made before migrating, if a migration ran. */
    public Optional<Path> migrationBackup() {
        return Optional.ofNullable(migrationBackup);
    }

    public synchronized int schemaVersion() {
        return read(c -> pragmaInt(c, "user_version"));
    }

    /** Full {@code PRAGMA integrity_check}: "ok" or the problems found. */
    public synchronized String integrityCheck() {
        return read(c -> check(c, "PRAGMA integrity_check"));
    }

    /** A consistent copy of the whole database into a new file. */
    public synchronized void backupTo(Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            vacuumInto(connection, target);
        } catch (SQLException | IOException e) {
            throw new UserError(e, "error.db.backupFailed", target.toString(), e.getMessage());
        }
    }

    /** Every row of a query with positional parameters, mapped. */
    public <T> java.util.List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        return read(c -> {
            try (var ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                java.util.List<T> out = new java.util.ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Runs read-only work. */
    public synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw StoreErrors.translate(file, e);
        }
    }

    /**
     * Runs work in one transaction: all of it is saved, or on any error none of it. Work that calls
     * {@code write} again joins the outer transaction under a savepoint, so repository calls compose
     * into one action and a failed inner part is undone without undoing the rest.
     */
    public synchronized <T> T write(SqlWork<T> work) {
        if (writeDepth > 0) {
            return nested(work);
        }
        return transaction(work, true);
    }

    /**
     * Runs work as {@link #write} does and then undoes all of it: a preview of what the work would
     * change, computed by the same code that would change it.
     */
    public synchronized <T> T simulate(SqlWork<T> work) {
        if (writeDepth > 0) {
            throw new IllegalStateException("simulate inside a transaction");
        }
        return transaction(work, false);
    }

    /**
     * Runs {@code work} once the current transaction is committed, or now when none is open; dropped
     * when the transaction is rolled back. One piece of work per {@code key} per transaction (the last
     * one given). The work must be idempotent and must not fail the action: the database is committed.
     */
    public synchronized void afterCommit(Object key, Runnable work) {
        afterCommit.put(key, work);
        if (writeDepth == 0) {
            runAfterCommit();
        }
    }

    private <T> T transaction(SqlWork<T> work, boolean commit) {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw StoreErrors.translate(file, e);
        }
        writeDepth = 1;
        Exception failure = null;
        T result;
        try {
            result = work.run(connection);
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            failure = e;
            afterCommit.clear();
            try {
                connection.rollback();
            } catch (SQLException r) {
                // SQLite already rolled back by itself (it does on a full disk or an I/O error): the
                // first error is the one that says what happened.
                e.addSuppressed(r);
            }
            throw e instanceof SQLException se ? StoreErrors.translate(file, se) : (RuntimeException) e;
        } catch (Error e) {
            // An error of the JVM (out of memory in one package's work) undoes the work too: ending
            // transaction mode below would otherwise commit what was written so far.
            try {
                connection.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        } finally {
            writeDepth = 0;
            backToAutoCommit(failure);
        }
        if (commit) {
            runAfterCommit();
        } else {
            afterCommit.clear();
        }
        return result;
    }

    private void runAfterCommit() {
        List<Runnable> due = new java.util.ArrayList<>(afterCommit.values());
        afterCommit.clear();
        for (Runnable r : due) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // Committed is committed: what follows it is done again after the next transaction.
                java.util.logging.Logger.getLogger(Database.class.getName()).log(java.util.logging.Level.WARNING,
                        "after commit of " + file, e);
            }
        }
    }

    /**
     * Ends transaction mode. After SQLite rolled a transaction back by itself (a full disk, an I/O
     * error), the driver's closing commit finds no transaction and fails, although the connection is
     * in auto-commit mode as it should be; that failure must not hide the error that caused it. Any
     * transaction still open after a failed close is rolled back, so the next {@link #write} begins a
     * fresh one.
     */
    private void backToAutoCommit(Exception failure) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            try (Statement s = connection.createStatement()) {
                s.execute("ROLLBACK");
            } catch (SQLException none) {
                // no transaction open: nothing to end
            }
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                throw StoreErrors.translate(file, e);
            }
        }
    }

    private <T> T nested(SqlWork<T> work) {
        String savepoint = "sp" + writeDepth;
        writeDepth++;
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("SAVEPOINT " + savepoint);
            }
            try {
                T result = work.run(connection);
                try (Statement s = connection.createStatement()) {
                    s.execute("RELEASE " + savepoint);
                }
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try (Statement s = connection.createStatement()) {
                    s.execute("ROLLBACK TO " + savepoint);
                    s.execute("RELEASE " + savepoint);
                } catch (SQLException r) {
                    // the whole transaction is gone already (SQLite rolled it back): report the cause
                    e.addSuppressed(r);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw StoreErrors.translate(file, e);
        } finally {
            writeDepth--;
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw StoreErrors.translate(file, e);
        }
    }
}
