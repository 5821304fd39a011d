package org.perfdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.UserError;

/**
 * The keyed audit chain against someone who edits {@code perfdesk.db} with an SQLite tool and knows the
 * unkeyed rule of release 0.1.0: an edited entry with every value recomputed, entries cut off the end,
 * old entries rewritten after the upgrade; and an upgraded workspace whose old entries still check.
 */
class AuditChainTest {
    @TempDir
    Path dir;

    private Path office() {
        Path p = dir.resolve("office");
        Workspace.create(p, new Workspace.Setup(Role.OFFICE, new OrgUnit("XNB", "省效能办", OrgKind.OFFICE, null),
                2008, "test")).close();
        return p;
    }

    private static void appendThree(Path ws) {
        try (Workspace w = Workspace.open(ws)) {
            w.audit().append("score", "XM/办结率", null, "8.5", "抽查", Map.of("unit", "XM", "after", "8.5"));
            w.audit().append("score", "XM/办结率", "8.5", "9", "复核", Map.of("unit", "XM", "before", "8.5", "after", "9"));
            w.audit().append("bonus", "XM 2008", null, "1", "获表扬", Map.of("unit", "XM", "points", "1"));
        }
    }

    private static AuditLog.Check verify(Path ws) {
        try (Workspace w = Workspace.open(ws)) {
            return w.audit().verify();
        }
    }

    /**
     * What a tool following release 0.1.0's documented rule does: from {@code from} on, every entry's
     * previous value and SHA-256 recomputed (keeping the "k1:" mark where there was one, or not).
     */
    private static void recomputeUnkeyed(Path ws, long from, boolean keepMark) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve(Workspace.DB_FILE))) {
            List<String[]> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT seq, at, actor, action, subject, before, after, reason, prev_hash, hash FROM audit_log ORDER BY seq")) {
                while (rs.next()) {
                    String[] r = new String[10];
                    for (int i = 0; i < 10; i++) {
                        r[i] = rs.getString(i + 1);
                    }
                    rows.add(r);
                }
            }
            String prev = AuditLog.GENESIS;
            for (String[] r : rows) {
                long seq = Long.parseLong(r[0]);
                if (seq >= from) {
                    String h = AuditLog.hash(prev, seq, r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
                    String value = keepMark && r[9].startsWith(AuditLog.KEYED) ? AuditLog.KEYED + h : h;
                    try (var ps = c.prepareStatement("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?")) {
                        ps.setString(1, prev);
                        ps.setString(2, value);
                        ps.setLong(3, seq);
                        ps.executeUpdate();
                    }
                    prev = value;
                } else {
                    prev = r[9];
                }
            }
        }
    }

    private static void sql(Path ws, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve(Workspace.DB_FILE));
             Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Test
    void anEntryEditedWithEveryValueRecomputedIsNamed() throws Exception {
        Path ws = office();
        appendThree(ws);
        assertThat(verify(ws).intact()).isTrue();

        sql(ws, "UPDATE audit_log SET after = '10', detail = replace(detail, '\"9\"', '\"10\"') WHERE seq = 2");
        recomputeUnkeyed(ws, 2, true);
        assertThat(verify(ws).broken()).contains(new AuditLog.Break(2, "content"));

        // Without the mark the entries pass for old ones, but the key file says the keyed part starts at 1.
        recomputeUnkeyed(ws, 1, false);
        assertThat(verify(ws).broken()).contains(new AuditLog.Break(1, "content"));
    }

    @Test
    void entriesCutOffTheEndAreNoticedAndStayNoticedAfterNewOnes() throws Exception {
        Path ws = office();
        appendThree(ws);
        sql(ws, "DELETE FROM audit_log WHERE seq >= 2");
        AuditLog.Check cut = verify(ws);
        assertThat(cut.broken()).contains(new AuditLog.Break(2, "cut"));
        assertThat(cut.recordedHead()).isEqualTo(3);

        // The office goes on working: the new entries take the numbers of the removed ones, and the record
        // of the old last entry stays, so the check still names the place.
        try (Workspace w = Workspace.open(ws)) {
            w.audit().append("score", "XM/办结率", "8.5", "7", "再次复核", Map.of("unit", "XM"));
            w.audit().append("score", "XM/办结率", "7", "6", "再次复核", Map.of("unit", "XM"));
            w.audit().append("score", "XM/办结率", "6", "5", "再次复核", Map.of("unit", "XM"));
            assertThat(w.audit().verify().broken()).contains(new AuditLog.Break(3, "head"));
        }
    }

    @Test
    void everyEntryRemovedIsACut() throws Exception {
        Path ws = office();
        appendThree(ws);
        sql(ws, "DELETE FROM audit_log");
        assertThat(verify(ws).broken()).contains(new AuditLog.Break(1, "cut"));
    }

    @Test
    void anUpgradedWorkspaceChecksItsOldEntriesByTheOldRuleAndNewOnesWithTheKey() throws Exception {
        Path ws = ReleaseFixtures.officeV6(dir.resolve("v6"));
        try (Workspace w = Workspace.open(ws)) {
            AuditLog.Check upgraded = w.audit().verify();
            assertThat(upgraded.intact()).isTrue();
            assertThat(upgraded.entries()).isEqualTo(24);
            assertThat(upgraded.keyedFrom()).as("the boundary: the first entry after the upgrade").isEqualTo(25);
            assertThat(upgraded.recordedHead()).as("the old entries' last one is recorded at the upgrade").isEqualTo(24);

            w.audit().append("bonus", "XM 2008", null, "2", "获表扬", Map.of("unit", "XM", "points", "2"));
            AuditLog.Check after = w.audit().verify();
            assertThat(after.intact()).isTrue();
            assertThat(after.keyedFrom()).isEqualTo(25);
            assertThat(w.audit().all()).filteredOn(AuditLog.Entry::keyed).extracting(AuditLog.Entry::seq)
                    .containsExactly(25L);
        }
        // The upgrade is recorded once: opening again keeps the boundary.
        assertThat(verify(ws).keyedFrom()).isEqualTo(25);

        // Someone changes an old entry and recomputes the old rule's values up to the boundary: the first
        // keyed entry no longer follows, and the message says the old part was changed.
        sql(ws, "UPDATE audit_log SET after = '9.5' WHERE seq = 3");
        recomputeUnkeyed(ws, 3, true);
        assertThat(verify(ws).broken()).contains(new AuditLog.Break(25, "content"));
        recomputeUnkeyed(ws, 3, false);
        assertThat(verify(ws).broken()).as("with the keyed entry's value stripped too")
                .contains(new AuditLog.Break(25, "content"));
    }

    @Test
    void anOldEntryChangedAfterTheUpgradeBreaksTheLinkToTheFirstKeyedOne() throws Exception {
        Path ws = ReleaseFixtures.officeV6(dir.resolve("v6"));
        try (Workspace w = Workspace.open(ws)) {
            w.audit().append("bonus", "XM 2008", null, "2", "获表扬", Map.of("unit", "XM"));
        }
        sql(ws, "UPDATE audit_log SET reason = '按规则' WHERE seq = 5");
        // Recomputed only up to the boundary: the keyed entry is left as it was.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve(Workspace.DB_FILE));
             Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE keep AS SELECT * FROM audit_log WHERE seq = 25");
        }
        recomputeUnkeyed(ws, 5, true);
        sql(ws, "UPDATE audit_log SET prev_hash = (SELECT prev_hash FROM keep), hash = (SELECT hash FROM keep) WHERE seq = 25");
        assertThat(verify(ws).broken()).contains(new AuditLog.Break(25, "legacy"));
    }

    @Test
    void oldEntriesCutOffBeforeAnyNewOneAreNoticed() throws Exception {
        Path ws = ReleaseFixtures.officeV6(dir.resolve("v6"));
        verify(ws);
        sql(ws, "DELETE FROM audit_log WHERE seq > 20");
        assertThat(verify(ws).broken()).contains(new AuditLog.Break(21, "cut"));
    }

    @Test
    void factsOnAnOldEntryAreAChange() throws Exception {
        Path ws = ReleaseFixtures.officeV6(dir.resolve("v6"));
        verify(ws); // upgraded: the column exists
        sql(ws, "UPDATE audit_log SET detail = '{\"after\":\"86.50\"}' WHERE seq = 7");
        assertThat(verify(ws).broken()).contains(new AuditLog.Break(7, "content"));
    }

    @Test
    void aLostKeyIsSaidAndNoEntryIsWrittenWithoutIt() throws Exception {
        Path ws = office();
        appendThree(ws);
        Files.delete(ws.resolve("keys").resolve(AuditKeys.KEY_FILE));
        try (Workspace w = Workspace.open(ws)) {
            assertThat(Files.exists(ws.resolve("keys").resolve(AuditKeys.KEY_FILE)))
                    .as("no new key over entries written with the lost one").isFalse();
            assertThat(w.audit().verify().broken()).contains(new AuditLog.Break(1, "noKey"));
            assertThatThrownBy(() -> w.audit().append("score", "x", null, "1", "", null))
                    .isInstanceOf(UserError.class).hasFieldOrPropertyWithValue("key", "error.audit.keyMissing");
        }
    }

    @Test
    void aRolledBackEntryLeavesTheRecordedHeadWhereItWas() throws Exception {
        Path ws = office();
        appendThree(ws);
        try (Workspace w = Workspace.open(ws)) {
            assertThatThrownBy(() -> w.database().write(c -> {
                w.audit().append("score", "x", null, "1", "", Map.of("unit", "XM"));
                throw new IllegalStateException("the change itself failed");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(w.audit().keys().head().orElseThrow().seq()).isEqualTo(3);
            assertThat(w.audit().verify().intact()).isTrue();
        }
    }

    @Test
    void restoringAnOlderBackupIsRecordedAndTheShorterLogChecks() throws Exception {
        Path ws = office();
        try (Workspace w = Workspace.open(ws)) {
            w.audit().append("score", "XM/办结率", null, "8.5", "抽查", Map.of("unit", "XM"));
        }
        Path backup;
        try (Workspace w = Workspace.open(ws)) {
            backup = Backups.of(w).automatic("test");
        }
        appendThree(ws);
        Backups.restore(ws, backup);
        try (Workspace w = Workspace.open(ws)) {
            AuditLog.Check c = w.audit().verify();
            assertThat(c.intact()).isTrue();
            assertThat(c.entries()).isEqualTo(2);
            AuditLog.Entry restore = w.audit().recent(1).get(0);
            assertThat(restore.action()).isEqualTo("restore");
            assertThat(restore.facts()).containsEntry("backup", backup.getFileName().toString()).containsEntry("last", "1");
        }
    }
}
