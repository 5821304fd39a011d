package org.perfdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.Role;

/**
 * A workspace written by the first schema (kept as SQL text in test resources, frozen) opens with
 * today's code and keeps every fact. Once a second migration exists, this is the upgrade test.
 */
class FirstSchemaUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void firstSchemaWorkspaceOpensWithTheCurrentCode() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("SLT"));
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/workspace-v1.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve(Workspace.DB_FILE));
             Statement s = c.createStatement()) {
            s.executeUpdate(sql);
            s.execute("PRAGMA application_id = " + Database.APPLICATION_ID);
            s.execute("PRAGMA user_version = 1");
        }

        try (Workspace w = Workspace.open(ws)) {
            int latest = Migrations.standard().latestVersion();
            assertThat(w.database().schemaVersion()).isEqualTo(latest);
            assertThat(w.database().migratedFrom()).isEqualTo(1);
            assertThat(w.database().migrationBackup().isPresent()).isEqualTo(latest > 1);
            assertThat(w.database().integrityCheck()).isEqualTo("ok");

            assertThat(w.role()).isEqualTo(Role.UNIT);
            assertThat(w.self().name()).isEqualTo("福建省水利厅");
            assertThat(w.currentYear()).isEqualTo(2008);
            assertThat(w.orgUnits().findSubtree("SLT")).hasSize(3);

            GoalTree tree = w.goals().loadTree("SLT", 2008);
            assertThat(tree.size()).isEqualTo(3);
            GoalNode irrigation = w.goals().find("7d1c0a52-0000-4000-8000-000000000002").orElseThrow();
            assertThat(irrigation.revision()).isEqualTo(2);
            assertThat(irrigation.measure()).isEqualTo(new Measure.Quantitative(new BigDecimal("20"),
                    new BigDecimal("18.6"), "万亩", org.perfdesk.domain.Direction.HIGHER_BETTER));
            assertThat(w.goals().find("7d1c0a52-0000-4000-8000-000000000003").orElseThrow().measure())
                    .isInstanceOfSatisfying(Measure.Qualitative.class,
                            q -> assertThat(q.levels()).containsExactly("好", "较好", "一般", "差"));
            assertThat(w.goals().find("7d1c0a52-0000-4000-8000-000000000004").orElseThrow().deleted()).isTrue();
            assertThat(w.progress().findByNode(irrigation.id())).extracting(p -> p.status())
                    .containsExactly(ProgressStatus.ON_TRACK, ProgressStatus.AT_RISK);
            assertThat(w.selfAssessments().find("7d1c0a52-0000-4000-8000-000000000003").orElseThrow().level())
                    .isEqualTo("较好");
        }
    }
}
