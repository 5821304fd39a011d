package org.perfdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.SelfAssessment;

/** What is saved comes back the same, through a closed and reopened workspace. */
class RepositoryRoundTripTest {
    @TempDir
    Path dir;
    private Workspace ws;

    @BeforeEach
    void create() {
        OrgUnit self = new OrgUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB", RankingGroup.PROVINCIAL_DEPARTMENTS, null);
        ws = Workspace.create(dir.resolve("ws"), new Workspace.Setup(Role.UNIT, self, 2008, "test"));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private void reopen() {
        ws.close();
        ws = Workspace.open(dir.resolve("ws"));
    }

    @Test
    void largeReportsAndSnapshotsAreKeptPackedAndReadBackWhole() {
        String report = "{\"changes\":[" + "{\"id\":\"节点\",\"change\":\"added\"},".repeat(5_000) + "{}]}";
        String snapshot = "{\"nodes\":[" + "{\"title\":\"完成项目数\"},".repeat(50_000) + "{}]}";
        String packageId = java.util.UUID.randomUUID().toString();
        ws.packages().add(new org.perfdesk.domain.PackageRecord(packageId,
                org.perfdesk.domain.PackageRecord.Direction.IN, "PLAN", "SLT", "k", "XNB", 2008, 1, null, "h", "f",
                1, java.time.Instant.EPOCH, java.time.Instant.EPOCH, null, report, null, "m", "intl-1"));
        ws.packages().saveSnapshot(packageId, "SLT", 2008, snapshot);
        ws.packages().add(new org.perfdesk.domain.PackageRecord(java.util.UUID.randomUUID().toString(),
                org.perfdesk.domain.PackageRecord.Direction.IN, "PLAN", "SLT", "k", "XNB", 2008, 2, null, "h2", "f2",
                1, java.time.Instant.EPOCH, java.time.Instant.EPOCH, null, "{\"short\":true}", null, null, "intl-1"));
        reopen();

        assertThat(ws.packages().find(packageId).orElseThrow().reportJson()).isEqualTo(report);
        assertThat(ws.packages().findSnapshot(packageId)).contains(snapshot);
        assertThat(ws.packages().findAll()).extracting(org.perfdesk.domain.PackageRecord::reportJson)
                .containsExactly(report, "{\"short\":true}");
        long stored = ws.database().read(c -> {
            try (var st = c.createStatement();
                 var rs = st.executeQuery("SELECT sum(length(json)) FROM snapshot WHERE typeof(json) = 'blob'")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
        // Packed: a small fraction of the 1.4 MB of text, and written as a BLOB (short texts stay TEXT).
        assertThat(stored).isPositive().isLessThan(snapshot.length() / 20);
    }

    @Test
    void workspaceRemembersRoleUnitAndYear() {
        reopen();
        assertThat(ws.role()).isEqualTo(Role.UNIT);
        assertThat(ws.self().name()).isEqualTo("福建省水利厅");
        assertThat(ws.self().group()).isEqualTo(RankingGroup.PROVINCIAL_DEPARTMENTS);
        assertThat(ws.currentYear()).isEqualTo(2008);
        ws.setCurrentYear(2009);
        reopen();
        assertThat(ws.currentYear()).isEqualTo(2009);
        assertThat(ws.years().findAll()).containsExactly(2008, 2009);
        assertThat(ws.dir().resolve("attachments")).isDirectory();
        assertThat(ws.dir().resolve("outbox")).isDirectory();
    }

    @Test
    void orgUnitsRoundTripInOrderWithSubtree() {
        OrgUnit division = new OrgUnit("SLT-NSC", "农村水利处", OrgKind.DIVISION, "SLT");
        OrgUnit person = new OrgUnit("SLT-NSC-01", "林建华（处长）", OrgKind.PERSON, "SLT-NSC");
        OrgUnit office = new OrgUnit("XNB", "省效能办", OrgKind.OFFICE, null);
        ws.orgUnits().saveAll(List.of(office, division, person));
        reopen();

        assertThat(ws.orgUnits().find("SLT-NSC-01")).contains(person);
        assertThat(ws.orgUnits().findChildren("SLT")).containsExactly(division);
        assertThat(ws.orgUnits().findSubtree("SLT")).extracting(OrgUnit::code)
                .containsExactly("SLT", "SLT-NSC", "SLT-NSC-01");
        assertThat(ws.orgUnits().count()).isEqualTo(4);

        ws.orgUnits().save(division.withKeyId("ab12"));
        assertThat(ws.orgUnits().find("SLT-NSC")).hasValueSatisfying(o -> assertThat(o.keyId()).isEqualTo("ab12"));
    }

    @Test
    void goalNodesOfEveryMeasureTypeRoundTrip() {
        GoalNode goal = new GoalNode("g1", "SLT", 2008, null, 0, NodeKind.GOAL, "保障防洪安全", "全省防洪",
                "SLT", "汛期无重大责任事故", LocalDate.of(2008, 12, 31), new BigDecimal("40"), null, null, 1, false);
        GoalNode quantitative = new GoalNode("i1", "SLT", 2008, "g1", 0, NodeKind.INDICATOR, "病险水库除险加固",
                null, "SLT-JGC", "通过竣工验收", LocalDate.of(2008, 11, 30), new BigDecimal("12.5"),
                new Measure.Quantitative(new BigDecimal("120"), new BigDecimal("96"), "座", Direction.HIGHER_BETTER),
                "origin-2007", 1, false);
        GoalNode qualitative = new GoalNode("i2", "SLT", 2008, "g1", 1, NodeKind.INDICATOR, "依法行政", null,
                "SLT-FGC", null, null, new BigDecimal("7.5"),
                new Measure.Qualitative(List.of("好", "较好", "一般", "差"), "好"), null, 1, false);
        GoalNode milestone = new GoalNode("i3", "SLT", 2008, "g1", 2, NodeKind.TASK, "出台水资源管理办法", null,
                "SLT-SZY", null, null, new BigDecimal("20"), new Measure.Milestone(LocalDate.of(2008, 10, 31)),
                null, 3, false);
        ws.goals().saveAll(List.of(goal, quantitative, qualitative, milestone));
        reopen();

        assertThat(ws.goals().find("i1")).contains(quantitative);
        assertThat(ws.goals().find("i2")).contains(qualitative);
        assertThat(ws.goals().find("i3")).contains(milestone);
        GoalTree tree = ws.goals().loadTree("SLT", 2008);
        assertThat(tree.roots()).containsExactly(goal);
        assertThat(tree.children("g1")).extracting(GoalNode::id).containsExactly("i1", "i2", "i3");
        assertThat(ws.goals().count("SLT", 2008)).isEqualTo(4);
        assertThat(ws.goals().count("SLT", 2009)).isZero();
    }

    @Test
    void savingAChangeRaisesTheRevisionAndAnUnchangedSaveDoesNot() {
        GoalNode node = GoalNode.create("SLT", 2008, null, 0, NodeKind.GOAL, "目标");
        ws.goals().save(node);
        assertThat(ws.goals().save(node).revision()).isEqualTo(1);

        GoalNode changed = ws.goals().save(node.withWeight(new BigDecimal("30")));
        assertThat(changed.revision()).isEqualTo(2);
        assertThat(ws.goals().find(node.id())).hasValueSatisfying(n -> {
            assertThat(n.revision()).isEqualTo(2);
            assertThat(n.weight()).isEqualByComparingTo("30");
        });
    }

    @Test
    void deleteLeavesTombstonesForTheNodeAndItsDescendants() {
        GoalNode a = GoalNode.create("SLT", 2008, null, 0, NodeKind.GOAL, "A");
        GoalNode b = GoalNode.create("SLT", 2008, a.id(), 0, NodeKind.SUB_GOAL, "B");
        GoalNode c = GoalNode.create("SLT", 2008, b.id(), 0, NodeKind.INDICATOR, "C");
        GoalNode d = GoalNode.create("SLT", 2008, null, 1, NodeKind.GOAL, "D");
        ws.goals().saveAll(List.of(a, b, c, d));

        assertThat(ws.goals().delete(b.id())).isEqualTo(2);

        assertThat(ws.goals().loadTree("SLT", 2008).inOrder()).extracting(GoalNode::title).containsExactly("A", "D");
        assertThat(ws.goals().findAll("SLT", 2008)).filteredOn(GoalNode::deleted)
                .extracting(GoalNode::title).containsExactlyInAnyOrder("B", "C");
        assertThat(ws.goals().find(c.id())).hasValueSatisfying(n -> assertThat(n.revision()).isEqualTo(2));
    }

    @Test
    void progressAndSelfAssessmentRoundTrip() {
        GoalNode node = GoalNode.create("SLT", 2008, null, 0, NodeKind.INDICATOR, "新增有效灌溉面积");
        ws.goals().save(node);
        Progress q1 = new Progress(node.id(), 1, new BigDecimal("4.2"), new BigDecimal("21.0"), ProgressStatus.ON_TRACK,
                "完成春灌", null, null, null);
        Progress q2 = new Progress(node.id(), 2, new BigDecimal("7.9"), new BigDecimal("39.5"), ProgressStatus.AT_RISK,
                "进度偏慢", "部分项目未开工", "6月强降雨", "调整施工计划");
        ws.progress().saveAll(List.of(q2, q1));
        SelfAssessment self = new SelfAssessment(node.id(), new BigDecimal("7.5"), null, "基本完成");
        ws.selfAssessments().save(self);
        reopen();

        assertThat(ws.progress().findByNode(node.id())).extracting(Progress::quarter).containsExactly(1, 2);
        assertThat(ws.progress().findByUnit("SLT", 2008)).hasSize(2);
        assertThat(ws.progress().findByNode(node.id()).get(1).completionPercent()).isEqualByComparingTo("39.5");
        assertThat(ws.progress().findByNode(node.id()).get(1)).isEqualTo(
                new Progress(node.id(), 2, new BigDecimal("7.9"), new BigDecimal("39.5"), ProgressStatus.AT_RISK,
                        "进度偏慢", "部分项目未开工", "6月强降雨", "调整施工计划"));
        assertThat(ws.selfAssessments().find(node.id())).contains(self);
        assertThat(ws.selfAssessments().findByUnit("SLT", 2008)).containsExactly(self);

        Progress q2again = new Progress(node.id(), 2, new BigDecimal("8.1"), new BigDecimal("40.5"), ProgressStatus.ON_TRACK,
                "已追上", null, null, null);
        ws.progress().save(q2again);
        assertThat(ws.progress().findByNode(node.id())).hasSize(2).element(1).isEqualTo(q2again);

        ws.goals().delete(node.id());
        assertThat(ws.progress().findByUnit("SLT", 2008)).isEmpty();
    }

    @Test
    void replacingAUnitsProgressWritesOnlyWhatDiffersAndEndsWithExactlyTheNewEntries() {
        GoalNode a = GoalNode.create("SLT", 2008, null, 0, NodeKind.INDICATOR, "甲");
        GoalNode b = GoalNode.create("SLT", 2008, null, 1, NodeKind.INDICATOR, "乙");
        ws.goals().saveAll(List.of(a, b));
        Progress a1 = new Progress(a.id(), 1, new BigDecimal("1"), new BigDecimal("10"), ProgressStatus.ON_TRACK, "一季度",
                null, null, null);
        Progress a2 = new Progress(a.id(), 2, new BigDecimal("2"), new BigDecimal("20"), ProgressStatus.ON_TRACK, "二季度",
                null, null, null);
        Progress b1 = new Progress(b.id(), 1, null, null, ProgressStatus.BEHIND, "滞后", "原因", null, null);
        assertThat(ws.progress().replaceForUnit("SLT", 2008, List.of(b1, a2, a1))).isEqualTo(3);
        reopen();

        // The same entries again: nothing written.
        assertThat(ws.progress().replaceForUnit("SLT", 2008, List.of(a1, a2, b1))).isZero();
        // One changed, one gone, one new: three rows written or removed.
        Progress a2changed = new Progress(a.id(), 2, new BigDecimal("3"), new BigDecimal("30"), ProgressStatus.DONE,
                "完成", null, null, null);
        Progress b2 = new Progress(b.id(), 2, null, null, ProgressStatus.ON_TRACK, "赶上", null, null, null);
        assertThat(ws.progress().replaceForUnit("SLT", 2008, List.of(a1, a2changed, b2))).isEqualTo(3);
        reopen();
        assertThat(ws.progress().findByUnit("SLT", 2008)).containsExactlyInAnyOrder(a1, a2changed, b2);
        // Another unit's entries are not touched by a replace of this one's.
        assertThat(ws.progress().replaceForUnit("XM", 2008, List.of())).isZero();
        assertThat(ws.progress().findByUnit("SLT", 2008)).hasSize(3);
    }

    @Test
    void progressOfNewNodesIsInsertedAsGivenAndAnEntryAlreadyStoredFailsTheWholeBatch() {
        GoalNode a = GoalNode.create("SLT", 2008, null, 0, NodeKind.INDICATOR, "甲");
        GoalNode b = GoalNode.create("SLT", 2008, null, 1, NodeKind.INDICATOR, "乙");
        ws.goals().insertAll(List.of(b, a));
        Progress b1 = new Progress(b.id(), 1, null, null, ProgressStatus.BEHIND, "滞后", "原因", null, null);
        Progress a2 = new Progress(a.id(), 2, new BigDecimal("2"), new BigDecimal("20"), ProgressStatus.ON_TRACK, "二季度",
                null, null, null);
        ws.progress().insertAll(List.of(b1, a2));
        reopen();
        assertThat(ws.progress().findByUnit("SLT", 2008)).containsExactlyInAnyOrder(b1, a2);

        // A first package's entries are new by construction; one that is not stops the batch, half of it never stays.
        Progress a1 = new Progress(a.id(), 1, new BigDecimal("1"), new BigDecimal("10"), ProgressStatus.ON_TRACK, "一季度",
                null, null, null);
        assertThatThrownBy(() -> ws.progress().insertAll(List.of(a1, b1))).isInstanceOf(RuntimeException.class);
        assertThat(ws.progress().findByUnit("SLT", 2008)).containsExactlyInAnyOrder(b1, a2);
    }

    @Test
    void severalFilesWrittenTogetherAreEachWholeAndNoTemporaryFileIsLeft() throws Exception {
        java.util.Map<Path, byte[]> files = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            files.put(dir.resolve("many").resolve("f" + i), ("内容" + i).repeat(1000).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        SafeFiles.writeAllAtomically(files);
        for (java.util.Map.Entry<Path, byte[]> e : files.entrySet()) {
            assertThat(java.nio.file.Files.readAllBytes(e.getKey())).isEqualTo(e.getValue());
        }
        try (var listed = java.nio.file.Files.list(dir.resolve("many"))) {
            assertThat(listed.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("f0", "f1", "f2", "f3",
                    "f4");
        }
    }

    @Test
    void theCalendarKeepsTheYearsOwnDatesAndFallsBackToTheDefaults() {
        java.time.LocalDate july20 = java.time.LocalDate.of(2008, 7, 20);
        ws.calendar().set(2008, "plan", july20);
        reopen();
        assertThat(ws.calendar().find(2008)).anySatisfy(d -> {
            assertThat(d.key()).isEqualTo("plan");
            assertThat(d.date()).isEqualTo(july20);
        });
        assertThat(ws.calendar().find(2009)).anySatisfy(d -> {
            assertThat(d.key()).isEqualTo("plan");
            assertThat(d.date()).isEqualTo(java.time.LocalDate.of(2009, 7, 15));
        });
        ws.calendar().set(2008, "plan", null);
        assertThat(ws.calendar().find(2008)).filteredOn(d -> d.key().equals("plan"))
                .singleElement().satisfies(d -> assertThat(d.date()).isEqualTo(java.time.LocalDate.of(2008, 7, 15)));
    }

    @Test
    void reportSectionsRoundTrip() {
        var overview = new org.perfdesk.domain.ReportSection("SLT", 2008, org.perfdesk.domain.ReportKind.ANNUAL,
                "overview", 0, "总体情况", "全年完成。");
        var closing = new org.perfdesk.domain.ReportSection("SLT", 2008, org.perfdesk.domain.ReportKind.ANNUAL,
                "closing", 9, "明年打算", "");
        ws.reports().saveAll(List.of(closing, overview));
        reopen();
        assertThat(ws.reports().find("SLT", 2008, org.perfdesk.domain.ReportKind.ANNUAL))
                .containsExactly(overview, closing);
        assertThat(ws.reports().find("SLT", 2008, org.perfdesk.domain.ReportKind.MIDYEAR)).isEmpty();
        ws.reports().save(overview.withBody("改过的"));
        assertThat(ws.reports().find("SLT", 2008, org.perfdesk.domain.ReportKind.ANNUAL).get(0).body()).isEqualTo("改过的");
    }

    @Test
    void summaryCountsAndChecksIntegrity() {
        GoalNode node = GoalNode.create("SLT", 2008, null, 0, NodeKind.GOAL, "目标");
        ws.goals().save(node);
        Workspace.Summary s = ws.summary();
        assertThat(s.integrity()).isEqualTo("ok");
        assertThat(s.years()).containsExactly(new Workspace.YearCount(2008, 1, 0));
        assertThat(s.schemaVersion()).isEqualTo(Migrations.standard().latestVersion());
    }
}
