package org.perfdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.UserError;

/** Backups as the user relies on them: made before big changes, restorable, never half-written. */
class BackupsTest {
    @TempDir
    Path dir;

    private Path workspace(String code) {
        Path ws = dir.resolve(code);
        Workspace.create(ws, new Workspace.Setup(Role.UNIT,
                new OrgUnit(code, code + "厅", OrgKind.DEPARTMENT, "XNB"), 2008, "test")).close();
        return ws;
    }

    private static void addGoal(Workspace ws, String title) {
        long n = ws.goals().count(ws.self().code(), 2008);
        ws.goals().saveAll(List.of(GoalNode.create(ws.self().code(), 2008, null, (int) n, NodeKind.GOAL, title)));
    }

    private static long goals(Path dir) {
        try (Workspace ws = Workspace.open(dir)) {
            return ws.goals().count(ws.self().code(), 2008);
        }
    }

    @Test
    void automaticBackupsAreListedNewestFirstAndOnlyTheNewestAreKept() throws Exception {
        Path p = workspace("SLT");
        try (Workspace ws = Workspace.open(p)) {
            // A migration backup, as an upgrade leaves it: never pruned.
            Files.writeString(ws.backupsDir().resolve("perfdesk-20080101-080000-before-v3.db"), "old");
            for (int i = 0; i < Backups.KEEP_AUTOMATIC + 3; i++) {
                addGoal(ws, "目标" + i);
                Backups.of(ws).automatic("before-import");
            }
            List<Backups.Backup> list = Backups.of(ws).list();
            assertThat(list).hasSize(Backups.KEEP_AUTOMATIC + 1);
            assertThat(list).filteredOn(Backups.Backup::beforeMigration).hasSize(1);
            assertThat(list.get(0).reason()).isEqualTo("before-import");
            assertThat(list.get(0).size()).isPositive();
            assertThat(list.get(0).made()).isAfterOrEqualTo(list.get(1).made());
        }
    }

    @Test
    void restoreBringsBackTheStateOfTheBackupAndKeepsTheCurrentOneAside() {
        Path p = workspace("SLT");
        Path backup;
        try (Workspace ws = Workspace.open(p)) {
            addGoal(ws, "目标一");
            backup = Backups.of(ws).automatic("before-import");
            addGoal(ws, "目标二");
        }
        assertThat(goals(p)).isEqualTo(2);

        Path kept = Backups.restore(p, backup);

        assertThat(goals(p)).isEqualTo(1);
        assertThat(kept.getFileName().toString()).endsWith("-before-restore.db");
        // The state before the restore is itself a backup the user can go back to.
        Backups.restore(p, kept);
        assertThat(goals(p)).isEqualTo(2);
    }

    @Test
    void aBackupOfAnotherUnitIsRefusedAndNothingChanges() throws Exception {
        Path slt = workspace("SLT");
        Path nyt = workspace("NYT");
        Path foreign;
        try (Workspace ws = Workspace.open(nyt)) {
            foreign = Backups.of(ws).automatic("before-import");
        }
        String before = sha256(slt.resolve(Workspace.DB_FILE));

        assertThatThrownBy(() -> Backups.restore(slt, foreign)).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.key()).isEqualTo("error.backup.otherUnit"));

        assertThat(sha256(slt.resolve(Workspace.DB_FILE))).isEqualTo(before);
        try (var files = Files.list(slt)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void aDamagedBackupIsRefusedAndNothingChanges() throws Exception {
        Path p = workspace("SLT");
        Path backup;
        try (Workspace ws = Workspace.open(p)) {
            addGoal(ws, "目标一");
            backup = Backups.of(ws).automatic("before-import");
        }
        byte[] whole = Files.readAllBytes(backup);
        Files.write(backup, java.util.Arrays.copyOf(whole, whole.length / 3));
        String before = sha256(p.resolve(Workspace.DB_FILE));

        assertThatThrownBy(() -> Backups.restore(p, backup)).isInstanceOf(UserError.class);

        assertThat(sha256(p.resolve(Workspace.DB_FILE))).isEqualTo(before);
        assertThat(goals(p)).isEqualTo(1);
    }

    @Test
    void aDamagedWorkspaceCanBeRestoredAndItsFilesAreKeptAsTheyWere() throws Exception {
        Path p = workspace("SLT");
        Path backup;
        try (Workspace ws = Workspace.open(p)) {
            addGoal(ws, "目标一");
            backup = Backups.of(ws).automatic("before-import");
        }
        byte[] damaged = "not a database any more".getBytes();
        Files.write(p.resolve(Workspace.DB_FILE), damaged);
        assertThatThrownBy(() -> Workspace.open(p)).isInstanceOf(UserError.class);

        Path kept = Backups.restore(p, backup);

        assertThat(goals(p)).isEqualTo(1);
        assertThat(Files.readAllBytes(kept)).isEqualTo(damaged);
    }

    @Test
    void restoreWaitsForTheWorkspaceToBeClosed() {
        Path p = workspace("SLT");
        try (Workspace ws = Workspace.open(p)) {
            Path backup = Backups.of(ws).automatic("before-import");
            assertThatThrownBy(() -> Backups.restore(p, backup)).isInstanceOfSatisfying(UserError.class,
                    e -> assertThat(e.key()).isEqualTo("error.workspace.locked"));
        }
    }

    @Test
    void aBackupByHandIsAWholeWorkspaceThatOpens() throws Exception {
        Path p = workspace("SLT");
        try (Workspace ws = Workspace.open(p)) {
            addGoal(ws, "目标一");
            Files.writeString(ws.attachmentsDir().resolve("evidence.txt"), "佐证");
            Path copy = Backups.of(ws).copyTo(dir.resolve("stick"));

            assertThat(copy.getFileName().toString()).startsWith("PerfDesk-SLT-");
            assertThat(copy.resolve("attachments/evidence.txt")).hasContent("佐证");
            assertThat(copy.resolve("keys")).isDirectory();
            assertThat(goals(copy)).isEqualTo(1);
        }
    }

    @Test
    void aBackupByHandThatFailsMidwayLeavesNothingBehind() throws Exception {
        Path p = workspace("SLT");
        Path stick = dir.resolve("stick");
        try (Workspace ws = Workspace.open(p)) {
            // The database is copied first; then an evidence file that has gone (a dangling link)
            // fails the copy, as a pulled stick or a full disk would halfway through.
            Files.createSymbolicLink(ws.attachmentsDir().resolve("gone"), dir.resolve("nowhere"));

            assertThatThrownBy(() -> Backups.of(ws).copyTo(stick)).isInstanceOfSatisfying(UserError.class,
                    e -> assertThat(e.key()).isEqualTo("error.backup.copyFailed"));
        }
        try (var files = Files.list(stick)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aBackupByHandIntoAFileIsRefused() throws Exception {
        Path p = workspace("SLT");
        Path notAFolder = Files.writeString(dir.resolve("stick"), "a file, not a folder");
        try (Workspace ws = Workspace.open(p)) {
            assertThatThrownBy(() -> Backups.of(ws).copyTo(notAFolder)).isInstanceOfSatisfying(UserError.class,
                    e -> assertThat(e.key()).isEqualTo("error.backup.copyFailed"));
        }
        assertThat(notAFolder).hasContent("a file, not a folder");
    }

    private static String sha256(Path f) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
