package org.perfdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.UserError;

/** Opening, refusing and migrating real SQLite files in a temporary folder. */
class DatabaseTest {
    private static final Migrations TEST = Migrations.fromResources("/test-migrations");
    private static final Migrations BROKEN = Migrations.fromResources("/test-migrations-broken");

    @TempDir
    Path dir;

    @Test
    void newDatabaseIsMarkedAsOursAndConfigured() throws Exception {
        Path file = dir.resolve("perfdesk.db");
        try (Database db = Database.open(file, Migrations.standard(), dir.resolve("backups"), true)) {
            assertThat(db.schemaVersion()).isEqualTo(Migrations.standard().latestVersion());
            assertThat(query(db, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(query(db, "PRAGMA foreign_keys")).isEqualTo("1");
            assertThat(query(db, "PRAGMA synchronous")).isEqualTo("2"); // FULL
            assertThat(query(db, "PRAGMA busy_timeout")).isEqualTo(String.valueOf(Database.BUSY_TIMEOUT_MS));
            assertThat(query(db, "PRAGMA application_id")).isEqualTo(String.valueOf(Database.APPLICATION_ID));
            assertThat(db.migrationBackup()).isEmpty();
        }
    }

    @Test
    void foreignSqliteFileIsRefusedAndLeftUnchanged() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO customers VALUES (1, 'someone')");
        }
        String before = sha256(file);

        assertThatThrownBy(() -> Database.open(file, Migrations.standard(), dir.resolve("backups"), false))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.key()).isEqualTo("error.db.foreign");
                    assertThat(e.getMessage()).contains("不是 PerfDesk 工作区");
                });
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(dir.resolve("other.db-wal")).doesNotExist();
    }

    @Test
    void fileThatIsNotSqliteIsRefused() throws Exception {
        Path file = dir.resolve("perfdesk.db");
        Files.writeString(file, "年度工作方案.docx renamed by mistake");
        String before = sha256(file);

        assertThatThrownBy(() -> Database.open(file, Migrations.standard(), dir.resolve("backups"), false))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key()).isEqualTo("error.db.notSqlite"));
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void databaseFromNewerProgramIsRefusedAndLeftUnchanged() throws Exception {
        Path file = dir.resolve("perfdesk.db");
        try (Database db = Database.open(file, Migrations.standard(), dir.resolve("backups"), true)) {
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA user_version = 99");
                }
                return null;
            });
        }
        String before = sha256(file);

        assertThatThrownBy(() -> Database.open(file, Migrations.standard(), dir.resolve("backups"), false))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.key()).isEqualTo("error.db.newer");
                    assertThat(e.getMessage()).contains("99").contains("请安装新版");
                });
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void damagedDatabaseIsRefusedWithAdviceToRestore() throws Exception {
        Path file = dir.resolve("perfdesk.db");
        try (Database db = Database.open(file, TEST, dir.resolve("backups"), true)) {
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    for (int i = 0; i < 2000; i++) {
                        s.execute("INSERT INTO item(name) VALUES ('item number " + i + " with some text to fill pages')");
                    }
                }
                return null;
            });
        }
        // Closing the last connection checkpointed the WAL: the rows are in the main file now.
        assertThat(dir.resolve("perfdesk.db-wal")).doesNotExist();
        // Overwrite a page in the middle of the table's b-tree with garbage.
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 4096 * 3; i < 4096 * 3 + 512; i++) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(file, bytes);

        assertThatThrownBy(() -> Database.open(file, TEST, dir.resolve("backups"), false))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.key()).isEqualTo("error.db.damaged");
                    assertThat(e.getMessage()).contains("backups");
                });
    }

    @Test
    void olderSchemaIsMigratedAfterABackup() throws Exception {
        Path file = dir.resolve("perfdesk.db");
        Migrations firstOnly = Migrations.fromResources("/test-migrations-v1");
        try (Database db = Database.open(file, firstOnly, dir.resolve("backups"), true)) {
            db.write(c -> exec(c, "INSERT INTO item(name) VALUES ('水利')"));
        }

        try (Database db = Database.open(file, TEST, dir.resolve("backups"), false)) {
            assertThat(db.migratedFrom()).isEqualTo(1);
            assertThat(db.schemaVersion()).isEqualTo(2);
            assertThat(query(db, "SELECT note FROM item")).isEqualTo("migrated:水利");
            Path backup = db.migrationBackup().orElseThrow();
            assertThat(backup).exists().hasParent(dir.resolve("backups"));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup)) {
                assertThat(string(c, "PRAGMA user_version")).isEqualTo("1");
                assertThat(string(c, "SELECT name FROM item")).isEqualTo("水利");
            }
        }
    }

    @Test
    void failedMigrationLeavesTheDatabaseAsItWas() throws Exception {
        Path file = dir.resolve("perfdesk.db");
        try (Database db = Database.open(file, Migrations.fromResources("/test-migrations-v1"), dir.resolve("backups"), true)) {
            db.write(c -> exec(c, "INSERT INTO item(name) VALUES ('kept')"));
        }

        assertThatThrownBy(() -> Database.open(file, BROKEN, dir.resolve("backups"), false))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key()).isEqualTo("error.db.migrationFailed"));

        try (Database db = Database.open(file, Migrations.fromResources("/test-migrations-v1"), dir.resolve("backups"), false)) {
            assertThat(db.schemaVersion()).isEqualTo(1);
            assertThat(query(db, "SELECT group_concat(name) FROM pragma_table_info('item')"))
                    .isEqualTo("id,name");
            assertThat(query(db, "SELECT name FROM item")).isEqualTo("kept");
        }
    }

    @Test
    void writeIsAllOrNothing() {
        Path file = dir.resolve("perfdesk.db");
        try (Database db = Database.open(file, TEST, dir.resolve("backups"), true)) {
            assertThatThrownBy(() -> db.write(c -> {
                exec(c, "INSERT INTO item(name) VALUES ('first')");
                exec(c, "INSERT INTO item(name) VALUES (NULL)"); // NOT NULL fails
                return null;
            })).isInstanceOf(UserError.class);
            assertThat(query(db, "SELECT count(*) FROM item")).isEqualTo("0");
        }
    }

    @Test
    void aFailedNestedWriteIsUndoneAloneAndASimulationLeavesNothing() {
        Path file = dir.resolve("perfdesk.db");
        try (Database db = Database.open(file, TEST, dir.resolve("backups"), true)) {
            db.write(c -> {
                exec(c, "INSERT INTO item(name) VALUES ('outer')");
                try {
                    db.write(inner -> {
                        exec(inner, "INSERT INTO item(name) VALUES ('inner')");
                        return exec(inner, "INSERT INTO item(name) VALUES (NULL)");
                    });
                } catch (UserError expected) {
                    // the inner part failed; the outer goes on
                }
                return exec(c, "INSERT INTO item(name) VALUES ('after')");
            });
            assertThat(query(db, "SELECT group_concat(name, ',') FROM item")).isEqualTo("outer,after");

            String seen = db.simulate(c -> {
                exec(c, "INSERT INTO item(name) VALUES ('simulated')");
                return string(c, "SELECT count(*) FROM item");
            });
            assertThat(seen).isEqualTo("3");
            assertThat(query(db, "SELECT count(*) FROM item")).isEqualTo("2");
        }
    }

    @Test
    void backupIsAConsistentCopy() throws Exception {
        Path file = dir.resolve("perfdesk.db");
        Path copy = dir.resolve("copies/backup.db");
        try (Database db = Database.open(file, TEST, dir.resolve("backups"), true)) {
            db.write(c -> exec(c, "INSERT INTO item(name) VALUES ('a')"));
            db.backupTo(copy);
        }
        try (Database db = Database.open(copy, TEST, dir.resolve("backups"), false)) {
            assertThat(db.integrityCheck()).isEqualTo("ok");
            assertThat(query(db, "SELECT name FROM item")).isEqualTo("a");
        }
    }

    private static int exec(Connection c, String sql) throws java.sql.SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    private static String query(Database db, String sql) {
        return db.<String>read(c -> string(c, sql));
    }

    private static String string(Connection c, String sql) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
