package org.perfdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema 9 on a workspace of schema 8 that holds public-appraisal rounds: the rounds survive the rebuilt
 * table, a third round now fits (it failed with a raw constraint error before), a 13th does not, and
 * the new tables and columns are there.
 */
class ScoresMigrationTest {
    @Test
    void appraisalRoundsSurviveAndRoundsOneToTwelveFit(@TempDir Path dir) throws Exception {
        Migrations m = Migrations.standard();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("w.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            for (int v = 1; v <= 8; v++) {
                s.executeUpdate(m.script(v));
            }
            s.executeUpdate("INSERT INTO appraisal(unit_code, year, round, sample_size, counts, imported_at) "
                    + "VALUES('XM', 2008, 2, 400, '{\"满意\":240}', '2009-01-02T00:00:00Z')");
            assertThatThrownBy(() -> s.executeUpdate(round(3))).isInstanceOf(SQLException.class);

            c.setAutoCommit(false);
            s.executeUpdate(m.script(9));
            c.commit();
            c.setAutoCommit(true);

            try (var rs = s.executeQuery("SELECT unit_code, round, sample_size, counts FROM appraisal")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("XM");
                assertThat(rs.getInt(2)).isEqualTo(2);
                assertThat(rs.getInt(3)).isEqualTo(400);
                assertThat(rs.getString(4)).isEqualTo("{\"满意\":240}");
                assertThat(rs.next()).isFalse();
            }
            s.executeUpdate(round(3));
            s.executeUpdate(round(12));
            assertThatThrownBy(() -> s.executeUpdate(round(13))).isInstanceOf(SQLException.class);
            for (String table : new String[] {"verified_figure", "standing_decision", "result_approval",
                "feedback_result"}) {
                try (var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    assertThat(rs.getInt(1)).as(table).isZero();
                }
            }
            try (var rs = s.executeQuery("SELECT target_high FROM goal_node LIMIT 1");
                 var rs2 = s.executeQuery("SELECT approval_id FROM result_freeze LIMIT 1")) {
                assertThat(rs.next()).isFalse();
                assertThat(rs2.next()).isFalse();
            }
            try (var rs = s.executeQuery("PRAGMA foreign_key_check")) {
                assertThat(rs.next()).isFalse();
            }
        }
    }

    private static String round(int round) {
        return "INSERT INTO appraisal(unit_code, year, round, sample_size, counts, imported_at) VALUES('NP', 2008, "
                + round + ", 100, '{}', '2009-01-02T00:00:00Z')";
    }
}
