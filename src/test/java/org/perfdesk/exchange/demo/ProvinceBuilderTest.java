package org.perfdesk.exchange.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.GoalTreeRules;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.store.Folders;
import org.perfdesk.store.Workspace;

/** The province generator, run small: what it builds is complete, importable, and follows from the seed. */
class ProvinceBuilderTest {
    private static final ProvinceBuilder.Size SMALL = new ProvinceBuilder.Size(3, 60, 4, 2, 2048);
    @TempDir
    static Path dir;
    private static ProvinceBuilder.Province province;

    @BeforeAll
    static void build() {
        province = new ProvinceBuilder(SMALL, 7).build(dir, "test");
    }

    @Test
    void theSameSeedGivesTheSameMaterialAndAnotherSeedOther() {
        ProvinceBuilder a = new ProvinceBuilder(SMALL, 7);
        ProvinceBuilder b = new ProvinceBuilder(SMALL, 7);
        ProvinceBuilder c = new ProvinceBuilder(SMALL, 8);
        assertThat(a.unitData(1)).isEqualTo(b.unitData(1));
        assertThat(a.evidenceBytes(1, 1)).isEqualTo(b.evidenceBytes(1, 1));
        assertThat(a.unitData(1).nodes()).isNotEqualTo(c.unitData(1).nodes());
        assertThat(a.evidenceBytes(1, 1)).isNotEqualTo(c.evidenceBytes(1, 1));
        // ids are made as a unit makes them: version 7, in the order the nodes were made, none shared
        List<String> ids = a.unitData(1).nodes().stream().map(GoalNode::id).toList();
        assertThat(ids).allSatisfy(id -> assertThat(java.util.UUID.fromString(id).version()).isEqualTo(7))
                .isSorted().doesNotHaveDuplicates().doesNotContainAnyElementsOf(
                        a.unitData(2).nodes().stream().map(GoalNode::id).toList());
        // and units differ from each other
        assertThat(a.unitData(0).nodes()).extracting(GoalNode::title)
                .isNotEqualTo(a.unitData(1).nodes().stream().map(GoalNode::title).toList());
    }

    @Test
    void treesHaveTheAskedSizeEveryLevelAndPointsThatAddUp() {
        for (int size : List.of(4, 60, 2000)) {
            ProvinceBuilder.UnitData d = new ProvinceBuilder(new ProvinceBuilder.Size(1, size, 4, 1, 10), 1).unitData(0);
            assertThat(d.nodes()).as("%d nodes", size).hasSize(size);
            GoalTree tree = new GoalTree(d.nodes());
            java.util.Set<String> owners = d.organisations().stream().map(o -> o.code())
                    .collect(Collectors.toSet());
            owners.add("U001");
            // weights add up at every level, every leaf has a known owner, targets and units are set
            assertThat(new GoalTreeRules(ProvinceBuilder.YEAR, owners).check(tree)).as("problems of a %d-node tree", size)
                    .isEmpty();
        }
        ProvinceBuilder.UnitData big = new ProvinceBuilder(ProvinceBuilder.Size.province(), 1).unitData(0);
        Map<NodeKind, Long> kinds = big.nodes().stream().collect(Collectors.groupingBy(GoalNode::kind,
                Collectors.counting()));
        assertThat(kinds).containsEntry(NodeKind.GOAL, 8L).containsEntry(NodeKind.SUB_GOAL, 40L)
                .containsEntry(NodeKind.INDICATOR, 480L).containsEntry(NodeKind.TASK, 1472L);
        // four quarters for every indicator and task, a self-assessment for every indicator
        assertThat(big.progress()).hasSize((480 + 1472) * 4);
        assertThat(big.selfAssessments()).hasSize(480);
    }

    @Test
    void everyUnitIsEnrolledAndItsPackageWaitsOnTheStick() throws Exception {
        assertThat(province.units()).hasSize(3);
        assertThat(province.packages()).hasSize(3).allSatisfy(p -> assertThat(p).isRegularFile()
                .hasParent(province.usb()));
        try (Workspace office = Workspace.open(province.office())) {
            for (int i = 0; i < 3; i++) {
                String code = ProvinceBuilder.unitCode(i);
                assertThat(office.orgUnits().find(code)).as(code).hasValueSatisfying(u ->
                        assertThat(u.keyId()).isNotNull());
            }
            assertThat(office.evaluation().appraisals().findByYear(ProvinceBuilder.YEAR)).hasSize(6);
        }
        try (Workspace unit = Workspace.open(province.unit(2))) {
            assertThat(unit.goals().count("U003", ProvinceBuilder.YEAR)).isEqualTo(60);
            assertThat(unit.evidence().findByUnit("U003", ProvinceBuilder.YEAR)).hasSize(2);
            assertThat(Files.size(unit.evidence().file(unit.evidence().findByUnit("U003", ProvinceBuilder.YEAR)
                    .get(0).sha256()).orElseThrow())).isEqualTo(2048);
        }
    }

    @Test
    void theOfficeImportsEveryPackageAndRanksTheUnits() throws Exception {
        Path copy = dir.resolve("office-copy");
        Folders.copyWorkspace(province.office(), copy);
        try (Workspace office = Workspace.open(copy)) {
            List<ImportReport> reports = new Importer(office, org.perfdesk.exchange.WorkspaceKeys.unlock(office,
                    ProvinceBuilder.PASSPHRASE.toCharArray())).importAll(List.of(province.usb()), false);
            assertThat(reports).hasSize(3).allSatisfy(r -> assertThat(r.accepted()).as(r.message()).isTrue());
            ProvinceBuilder.UnitData expected = new ProvinceBuilder(SMALL, 7).unitData(0);
            assertThat(office.goals().findAll("U001", ProvinceBuilder.YEAR)).containsExactlyInAnyOrderElementsOf(
                    expected.nodes());
            assertThat(office.progress().findByUnit("U001", ProvinceBuilder.YEAR)).hasSameSizeAs(expected.progress());
            List<Evaluation.UnitResult> results = new Evaluator(office).evaluate(ProvinceBuilder.YEAR);
            assertThat(results).hasSize(3).allSatisfy(r -> {
                assertThat(r.rank()).isNotNull();
                assertThat(r.indicatorScore()).isGreaterThan(BigDecimal.ZERO);
                assertThat(r.appraisalScore()).isGreaterThan(BigDecimal.ZERO);
            });
            assertThat(results).extracting(Evaluation.UnitResult::group)
                    .containsExactly(RankingGroup.CITY_GOVERNMENTS, RankingGroup.PROVINCIAL_DEPARTMENTS,
                            RankingGroup.PROVINCIAL_DEPARTMENTS);
        }
    }
}
