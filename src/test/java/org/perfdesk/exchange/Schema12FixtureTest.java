package org.perfdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.store.Folders;
import org.perfdesk.store.Migrations;
import org.perfdesk.store.Workspace;

/**
 * Workspaces written by the code of schema 12, whose ids were random UUIDs (version 4), open with
 * today's code, upgrade in place and keep every id and row; a package made by today's code (time-ordered
 * version 7 ids for what is new) is then imported into the office beside the old rows. The fixture is
 * committed under {@code src/test/resources/fixtures/schema-12/}: the office XNB and the department SLT
 * (a tree with random ids, progress, a self-assessment, evidence; plan approved, progress imported).
 * Keys open with {@link World#PASSPHRASE}. {@link #writeFixture} made it, with the code before version 7
 * ids, and is kept to show how.
 */
class Schema12FixtureTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/schema-12");
    static final List<String> WORKSPACES = List.of("office", "SLT");
    static final String ROWS = "SELECT 'node', id, coalesce(parent_id, ''), title, revision FROM goal_node"
            + " UNION ALL SELECT 'progress', node_id, quarter, coalesce(actual_value, ''), narrative FROM progress"
            + " UNION ALL SELECT 'self', node_id, '', coalesce(level, ''), narrative FROM self_assessment"
            + " UNION ALL SELECT 'package', package_id, kind, file_hash, sequence FROM package_log";

    @TempDir
    Path dir;

    @Test
    void workspacesOfSchema12UpgradeInPlaceKeepTheirIdsAndTakeAPackageWithTimeOrderedIds() throws Exception {
        for (String name : WORKSPACES) {
            Folders.copyWorkspace(FIXTURE.resolve(name), dir.resolve(name));
        }
        List<String> officeBefore = rows(dir.resolve("office"));
        List<String> sltBefore = rows(dir.resolve("SLT"));
        assertThat(officeBefore).anyMatch(r -> r.startsWith("node|") && versionOf(r.split("\\|")[1]) == 4);

        try (Workspace office = Workspace.open(dir.resolve("office"));
             Workspace slt = Workspace.open(dir.resolve("SLT"))) {
            for (Workspace ws : List.of(office, slt)) {
                assertThat(ws.database().schemaVersion()).isEqualTo(Migrations.standard().latestVersion());
                assertThat(ws.database().integrityCheck()).isEqualTo("ok");
            }
            assertThat(office.audit().check()).isEmpty();
        }
        // Every id and every value is where it was.
        assertThat(rows(dir.resolve("office"))).containsExactlyElementsOf(officeBefore);
        assertThat(rows(dir.resolve("SLT"))).containsExactlyElementsOf(sltBefore);

        try (Workspace office = Workspace.open(dir.resolve("office"));
             Workspace slt = Workspace.open(dir.resolve("SLT"))) {
            Signer officeSigner = WorkspaceKeys.unlock(office, World.PASSPHRASE.toCharArray());
            Signer sltSigner = WorkspaceKeys.unlock(slt, World.PASSPHRASE.toCharArray());
            GoalNode root = slt.goals().loadTree("SLT", World.YEAR).roots().get(0);
            GoalNode added = GoalNode.create("SLT", World.YEAR, root.id(), 9, NodeKind.INDICATOR, "新增指标");
            assertThat(UUID.fromString(added.id()).version()).isEqualTo(7);
            slt.goals().saveAll(List.of(added));
            slt.progress().save(new Progress(added.id(), 2, new BigDecimal("7"), new BigDecimal("70"),
                    ProgressStatus.ON_TRACK, "新增指标第二季度", null, null, null));
            Path midyear = new Exporter(slt, sltSigner).exportUnitPackage(PackageKind.MIDYEAR, World.YEAR,
                    Files.createDirectories(dir.resolve("usb")), null).file();

            ImportReport r = new Importer(office, officeSigner).importFile(midyear, false);
            assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.ACCEPTED);
            assertThat(UUID.fromString(r.packageId()).version()).isEqualTo(7);
            assertThat(office.goals().find(added.id())).hasValueSatisfying(n -> {
                assertThat(n.title()).isEqualTo("新增指标");
                assertThat(n.parentId()).isEqualTo(root.id());
            });
            assertThat(office.progress().findByNode(added.id())).singleElement()
                    .satisfies(p -> assertThat(p.narrative()).isEqualTo("新增指标第二季度"));
            assertThat(office.audit().check()).isEmpty();
        }
        // The old nodes are still there with the ids they had, beside the new one.
        List<String> officeAfter = rows(dir.resolve("office"));
        assertThat(officeAfter).containsAll(officeBefore.stream().filter(r -> r.startsWith("node|")
                || r.startsWith("self|") || r.startsWith("package|")).toList());
        assertThat(officeAfter.stream().filter(r -> r.startsWith("node|")))
                .hasSize((int) officeBefore.stream().filter(r -> r.startsWith("node|")).count() + 1);
    }

    private static int versionOf(String id) {
        return UUID.fromString(id).version();
    }

    /** The rows that carry ids and content, read with plain JDBC, sorted. */
    private static List<String> rows(Path workspace) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + workspace.resolve("perfdesk.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ROWS)) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                        + "|" + rs.getString(5));
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /**
     * Writes the fixture with the code of the day: {@code mvn -q test -Dtest=Schema12FixtureTest#writeFixture
     * -Dperfdesk.fixture.write=true}. Only for the code of schema 12 (random ids): never written again.
     */
    @Test
    @EnabledIfSystemProperty(named = "perfdesk.fixture.write", matches = "true")
    void writeFixture() throws Exception {
        Path built = dir.resolve("built");
        try (World world = new World(built)) {
            Workspace slt = world.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
            GoalNode goal = GoalNode.create("SLT", World.YEAR, null, 1, NodeKind.GOAL, "水利建设");
            GoalNode a = GoalNode.create("SLT", World.YEAR, goal.id(), 0, NodeKind.INDICATOR, "水库除险加固");
            GoalNode b = GoalNode.create("SLT", World.YEAR, goal.id(), 1, NodeKind.INDICATOR, "农田灌溉面积");
            slt.goals().saveAll(List.of(goal, a, b));
            slt.progress().save(new Progress(a.id(), 1, new BigDecimal("4"), new BigDecimal("40"),
                    ProgressStatus.ON_TRACK, "四座完工", null, null, null));
            slt.selfAssessments().save(new SelfAssessment(b.id(), null, "较好", "灌区改造按期推进"));
            Path report = Files.writeString(dir.resolve("验收报告.pdf"), "%PDF-1.4 验收报告");
            slt.evidence().attach(a.id(), report, "项目验收报告");

            require(world.importAtOffice(world.export("SLT", PackageKind.PLAN)));
            Path approval = Reviews.decide(world.office, world.officeSigner, "SLT", World.YEAR,
                    PlanReview.Decision.APPROVED, "同意", world.usb).file();
            require(world.importer("SLT").importFile(approval, false));
            require(world.importAtOffice(world.export("SLT", PackageKind.PROGRESS)));
        }
        Path target = Path.of(System.getProperty("perfdesk.fixture.out", FIXTURE.toString()));
        Folders.deleteQuietly(target);
        for (String name : WORKSPACES) {
            Path from = built.resolve(name);
            try (Stream<Path> backups = Files.walk(from.resolve("backups"))) {
                backups.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            Folders.copyWorkspace(from, target.resolve(name));
        }
    }

    private static void require(ImportReport r) {
        if (!r.accepted()) {
            throw new IllegalStateException(r.file() + ": " + r.message());
        }
    }
}
