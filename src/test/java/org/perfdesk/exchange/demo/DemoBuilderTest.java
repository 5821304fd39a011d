package org.perfdesk.exchange.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Completion;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.IndicatorRule;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.GoalTreeRules;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Problem;
import org.perfdesk.domain.ProblemType;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.UserError;
import org.perfdesk.store.Workspace;

/** The 2008 pilot demo: eight sound workspaces with realistic trees and the planned imperfections. */
class DemoBuilderTest {
    @TempDir
    static Path out;
    private static DemoBuilder demo;
    private static List<Path> made;

    @BeforeAll
    static void build() {
        demo = DemoBuilder.bundled();
        made = demo.build(out, "test");
    }

    @Test
    void eightWorkspacesThatPassIntegrityCheck() {
        assertThat(made).hasSize(8);
        assertThat(made.get(0)).isEqualTo(out.resolve("office"));
        assertThat(made.subList(1, 8)).extracting(p -> p.getFileName().toString())
                .containsExactly("XM", "NP", "SLT", "NYT", "LYT", "DSJ", "WJJ");
        for (Path p : made) {
            try (Workspace ws = Workspace.open(p)) {
                assertThat(ws.database().integrityCheck()).as(p.toString()).isEqualTo("ok");
                assertThat(ws.currentYear()).isEqualTo(2008);
            }
        }
    }

    @Test
    void thePackagesOnTheUsbStickAreSealedForTheOffice() throws java.io.IOException {
        List<Path> packages;
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(out.resolve(DemoBuilder.USB_FOLDER))) {
            packages = s.filter(p -> p.toString().endsWith(".perfpkg")).sorted().toList();
        }
        // Plan, half-year report and annual summary of each of the seven units.
        assertThat(packages).hasSize(21);
        try (Workspace office = Workspace.open(out.resolve("office"))) {
            String officeKey = org.perfdesk.exchange.WorkspaceKeys.currentKeyId(office);
            for (Path p : packages) {
                var m = org.perfdesk.exchange.pkg.PackageReader.readWithoutSignature(p,
                        org.perfdesk.exchange.pkg.Limits.DEFAULT).manifest();
                assertThat(m.format()).as(p.getFileName().toString()).isEqualTo("perfdesk-package/2");
                assertThat(m.encryption().recipients()).extracting(r -> r.keyId()).contains(officeKey);
            }
        }
    }

    @Test
    void officeKnowsTheSevenPilotUnitsInTheirGroups() {
        try (Workspace ws = Workspace.open(out.resolve("office"))) {
            assertThat(ws.role()).isEqualTo(Role.OFFICE);
            List<OrgUnit> units = ws.orgUnits().findChildren(ws.self().code());
            assertThat(units).hasSize(7);
            Map<RankingGroup, Long> groups = units.stream()
                    .collect(Collectors.groupingBy(OrgUnit::group, Collectors.counting()));
            assertThat(groups).containsEntry(RankingGroup.CITY_GOVERNMENTS, 2L)
                    .containsEntry(RankingGroup.PROVINCIAL_DEPARTMENTS, 5L);
        }
    }

    @Test
    void everyUnitHasARealisticTreeWithAYearOfActualValues() {
        for (OrgUnit unit : demo.units()) {
            try (Workspace ws = Workspace.open(out.resolve(unit.code()))) {
                assertThat(ws.role()).isEqualTo(Role.UNIT);
                GoalTree tree = ws.goals().loadTree(unit.code(), 2008);
                assertThat(tree.size()).as(unit.code()).isBetween(30, 80);
                assertThat(tree.height()).as(unit.code()).isGreaterThanOrEqualTo(3);

                List<OrgUnit> orgs = ws.orgUnits().findSubtree(unit.code());
                assertThat(orgs).as(unit.code() + " persons").anyMatch(o -> o.kind() == OrgKind.PERSON);
                Set<String> owners = tree.inOrder().stream().map(GoalNode::ownerCode)
                        .filter(o -> o != null).collect(Collectors.toSet());
                assertThat(owners.size()).as(unit.code() + " owners").isGreaterThanOrEqualTo(5);

                Map<String, List<Integer>> quarters = ws.progress().findByUnit(unit.code(), 2008).stream()
                        .collect(Collectors.groupingBy(Progress::nodeId,
                                Collectors.mapping(Progress::quarter, Collectors.toList())));
                Map<String, SelfAssessment> self = new java.util.HashMap<>();
                ws.selfAssessments().findByUnit(unit.code(), 2008).forEach(a -> self.put(a.nodeId(), a));
                for (GoalNode n : tree.inOrder()) {
                    if (n.kind() == NodeKind.INDICATOR) {
                        assertThat(n.measure()).as(n.title()).isNotNull();
                        assertThat(quarters.get(n.id())).as(unit.code() + " " + n.title()).containsExactly(1, 2, 3, 4);
                    }
                }
                // Every scored indicator is self-assessed, and a quantitative one's completion is the rule's.
                for (GoalNode n : IndicatorRule.scored(tree)) {
                    assertThat(self).as(unit.code() + " " + n.title()).containsKey(n.id());
                }
                for (Progress p : ws.progress().findByUnit(unit.code(), 2008)) {
                    GoalNode n = tree.find(p.nodeId()).orElseThrow();
                    if (n.measure() instanceof Measure.Quantitative q) {
                        assertThat(p.actualValue()).as(n.title()).isNotNull();
                        assertThat(p.completionPercent()).as(unit.code() + " " + n.title() + " Q" + p.quarter())
                                .isEqualByComparingTo(Completion.percent(q, p.actualValue()));
                    }
                }
            }
        }
    }

    @Test
    void onlyThePlannedImperfectionsShowInTheProblemList() {
        for (OrgUnit unit : demo.units()) {
            try (Workspace ws = Workspace.open(out.resolve(unit.code()))) {
                Set<String> known = ws.orgUnits().findSubtree(unit.code()).stream().map(OrgUnit::code)
                        .collect(Collectors.toSet());
                List<Problem> problems = new GoalTreeRules(2008, known).check(ws.goals().loadTree(unit.code(), 2008));
                List<ProblemType> types = problems.stream().map(Problem::type).toList();
                switch (unit.code()) {
                    case "NYT" -> assertThat(types).containsExactly(ProblemType.CHILD_WEIGHTS_MISMATCH);
                    case "NP" -> assertThat(types).containsExactly(ProblemType.LEAF_WITHOUT_OWNER);
                    default -> assertThat(problems).as(unit.code()).isEmpty();
                }
            }
        }
    }

    @Test
    void idsAreTheSameInEveryBuild(@TempDir Path other) {
        demo.build(other, "test");
        Set<String> first = new HashSet<>();
        Set<String> second = new HashSet<>();
        try (Workspace a = Workspace.open(out.resolve("SLT")); Workspace b = Workspace.open(other.resolve("SLT"))) {
            a.goals().findAll("SLT", 2008).forEach(n -> first.add(n.id()));
            b.goals().findAll("SLT", 2008).forEach(n -> second.add(n.id()));
        }
        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void refusesToBuildOverAnExistingDemo() {
        assertThatThrownBy(() -> demo.build(out, "test"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key()).isEqualTo("error.demo.exists"));
    }
}
