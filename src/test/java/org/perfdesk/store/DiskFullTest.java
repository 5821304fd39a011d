package org.perfdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.UserError;

/**
 * A full disk in the middle of a transaction. SQLite then rolls the transaction back by itself; the
 * user must be told the disk is full (not a puzzling "no transaction is active"), nothing of the
 * transaction may stay, and the next transaction must again be all or nothing.
 */
class DiskFullTest {
    @TempDir
    Path dir;

    private static void exec(Database db, String sql) {
        db.read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        });
    }

    private static long count(Database db) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static long pages(Database db) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Inserts a small row, then {@code big} characters (in a savepoint when {@code nested}). */
    private static void twoRows(Database db, int big, boolean nested) {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO t(v) VALUES('small')");
            }
            SqlWork<Void> second = c2 -> {
                try (var ps = c2.prepareStatement("INSERT INTO t(v) VALUES(?)")) {
                    ps.setString(1, "x".repeat(big));
                    ps.executeUpdate();
                }
                return null;
            };
            if (nested) {
                db.write(second);
            } else {
                second.run(c);
            }
            return null;
        });
    }

    @Test
    void aFullDiskIsReportedAsSuchAndTheNextTransactionIsStillAtomic() {
        for (boolean nested : new boolean[] {false, true}) {
            Path file = dir.resolve("full-" + nested + ".db");
            try (Database db = Database.open(file, Migrations.standard(), dir.resolve("backups"), true)) {
                exec(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
                exec(db, "PRAGMA max_page_count = " + (pages(db) + 2));

                assertThatThrownBy(() -> twoRows(db, 200_000, nested)).as("nested %s", nested)
                        .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key()).as(e.getMessage()).isEqualTo("error.db.full"));
                assertThat(count(db)).isZero();

                // Still full: the next transaction fails the same way and leaves nothing either.
                assertThatThrownBy(() -> twoRows(db, 200_000, nested))
                        .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key()).as(e.getMessage()).isEqualTo("error.db.full"));
                assertThat(count(db)).isZero();

                // A transaction that fails for another reason after its first row keeps nothing: the
                // connection is back in transaction mode, not committing statement by statement.
                assertThatThrownBy(() -> db.write(c -> {
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("INSERT INTO t(v) VALUES('first')");
                        s.executeUpdate("INSERT INTO no_such_table VALUES(1)");
                    }
                    return null;
                })).isInstanceOf(UserError.class);
                assertThat(count(db)).isZero();

                exec(db, "PRAGMA max_page_count = 1073741823"); // space freed
                twoRows(db, 200_000, nested);
                assertThat(count(db)).isEqualTo(2);
                assertThat(db.integrityCheck()).isEqualTo("ok");
            }
        }
    }
}
