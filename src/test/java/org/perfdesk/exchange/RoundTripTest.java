package org.perfdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.TrustedKey;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.store.Workspace;

/** The good paths: enrollment, export → verify → import, re-import, approval and receipt round trips. */
class RoundTripTest extends OneUnitWorld {
    @Test
    void enrollmentRegistersTheKeyAndCertifiesIt() {
        Workspace slt = world.units.get("SLT");
        String keyId = WorkspaceKeys.keyId(slt);
        assertThat(world.office.trustedKeys().find(keyId)).hasValueSatisfying(k -> {
            assertThat(k.unitCode()).isEqualTo("SLT");
            assertThat(k.source()).isEqualTo(TrustedKey.Source.REGISTERED);
        });
        assertThat(world.office.orgUnits().find("SLT")).hasValueSatisfying(o -> assertThat(o.keyId()).isEqualTo(keyId));
        assertThat(slt.trustedKeys().find(keyId)).hasValueSatisfying(
                k -> assertThat(k.source()).isEqualTo(TrustedKey.Source.CERTIFIED));
        assertThat(slt.trustedKeys().find(WorkspaceKeys.keyId(world.office))).hasValueSatisfying(
                k -> assertThat(k.source()).isEqualTo(TrustedKey.Source.PINNED));
    }

    @Test
    void planGoesFromUnitToOfficeAndAgainIsAlreadyImported() {
        Path plan = world.export("SLT", PackageKind.PLAN);
        PackageReader.Opened opened = PackageReader.read(plan, KeyRegistry.trust(world.office), Limits.DEFAULT);
        assertThat(opened.manifest().sender().code()).isEqualTo("SLT");
        assertThat(opened.manifest().sequence()).isEqualTo(2); // 1 was the enrollment

        ImportReport first = world.importAtOffice(plan);
        assertThat(first.status()).as(first.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        assertThat(first.counts()).isEqualTo(new ImportReport.Counts(3, 0, 0, 0, 0));
        List<GoalNode> atOffice = world.office.goals().findAll("SLT", World.YEAR);
        assertThat(atOffice).extracting(GoalNode::id).containsExactlyInAnyOrder("SLT-g1", "SLT-i1", "SLT-i2");
        assertThat(world.office.goals().find("SLT-i1")).isEqualTo(world.units.get("SLT").goals().find("SLT-i1"));
        assertThat(world.office.progress().findByUnit("SLT", World.YEAR)).hasSize(1);
        assertThat(world.office.orgUnits().findSubtree("SLT")).extracting(o -> o.code())
                .containsExactly("SLT", "SLT-A", "SLT-A1");
        assertThat(world.office.inboxDir().resolve(first.packageId() + ".perfpkg")).exists();

        Map<String, Long> before = World.rowCounts(world.office);
        ImportReport again = world.importAtOffice(plan);
        assertThat(again.status()).isEqualTo(ImportReport.Status.ALREADY_IMPORTED);
        assertThat(again.message()).contains("已于").contains("导入过");
        assertThat(World.rowCounts(world.office)).isEqualTo(before);
    }

    @Test
    void evidenceFilesAndReportsTravelWithTheSnapshot() throws Exception {
        Workspace slt = world.units.get("SLT");
        Path scan = java.nio.file.Files.write(dir.resolve("验收报告.pdf"), "%PDF-1.4 fake".getBytes());
        var attached = slt.evidence().attach("SLT-i1", scan, "竣工验收");
        slt.reports().save(new org.perfdesk.domain.ReportSection("SLT", World.YEAR,
                org.perfdesk.domain.ReportKind.MIDYEAR, "overview", 0, "总体情况", "上半年进展顺利。"));

        ImportReport r = world.importAtOffice(world.export("SLT", PackageKind.MIDYEAR));

        assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        assertThat(world.office.evidence().findByNode("SLT-i1")).singleElement().satisfies(e -> {
            assertThat(e.fileName()).isEqualTo("验收报告.pdf");
            assertThat(e.note()).isEqualTo("竣工验收");
            assertThat(e.sha256()).isEqualTo(attached.sha256());
        });
        Path kept = world.office.evidence().file(attached.sha256()).orElseThrow();
        assertThat(org.perfdesk.exchange.pkg.Hashing.sha256(kept)).isEqualTo(attached.sha256());
        assertThat(world.office.reports().find("SLT", World.YEAR, org.perfdesk.domain.ReportKind.MIDYEAR))
                .extracting(org.perfdesk.domain.ReportSection::body).containsExactly("上半年进展顺利。");

        // Removed at the unit, removed at the office with the next snapshot.
        slt.evidence().detach("SLT-i1", attached.sha256());
        world.importAtOffice(world.export("SLT", PackageKind.PROGRESS));
        assertThat(world.office.evidence().findByNode("SLT-i1")).isEmpty();
    }

    @Test
    void aNewerSnapshotReplacesTheOldOneAndTheReportSaysWhatChanged() {
        world.importAtOffice(world.export("SLT", PackageKind.PLAN));
        Workspace slt = world.units.get("SLT");
        slt.goals().save(slt.goals().find("SLT-i1").orElseThrow().withWeight(new BigDecimal("50")));
        slt.goals().save(slt.goals().find("SLT-i2").orElseThrow().withWeight(new BigDecimal("50")));
        slt.goals().delete("SLT-i2");
        slt.goals().save(GoalNode.create("SLT", World.YEAR, "SLT-g1", 2, org.perfdesk.domain.NodeKind.INDICATOR, "新指标")
                .withOwner("SLT-A1"));

        ImportReport r = world.importAtOffice(world.export("SLT", PackageKind.PROGRESS));

        assertThat(r.status()).isEqualTo(ImportReport.Status.ACCEPTED);
        assertThat(r.counts()).isEqualTo(new ImportReport.Counts(1, 1, 1, 1, 0));
        assertThat(r.changes()).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo("SLT-i1");
            assertThat(c.change()).isEqualTo("changed");
            assertThat(c.fields()).containsExactly("weight");
        });
        assertThat(world.office.goals().loadTree("SLT", World.YEAR).inOrder()).extracting(GoalNode::title)
                .containsExactly("推进重点工作", "完成项目数", "新指标");
        // Every snapshot stays in the history.
        assertThat(world.office.packages().findSnapshotsOf("SLT", World.YEAR)).hasSize(2);
    }

    @Test
    void aRepeatedTreeLeavesUnchangedNodesAloneAndTheHistoryKeepsEachSnapshotWhole() throws Exception {
        world.importAtOffice(world.export("SLT", PackageKind.PLAN));
        Map<String, String> stampedBefore = updatedAt(world.office);
        Thread.sleep(5); // a rewrite would stamp a later time
        Workspace slt = world.units.get("SLT");
        slt.goals().save(slt.goals().find("SLT-i1").orElseThrow().withDetails("改过的说明", null));
        world.importAtOffice(world.export("SLT", PackageKind.PROGRESS));

        Map<String, String> stampedAfter = updatedAt(world.office);
        assertThat(stampedAfter.keySet()).isEqualTo(stampedBefore.keySet());
        stampedAfter.forEach((id, at) -> {
            if (id.equals("SLT-i1")) {
                assertThat(at).as(id).isNotEqualTo(stampedBefore.get(id));
            } else {
                assertThat(at).as(id).isEqualTo(stampedBefore.get(id));
            }
        });
        assertThat(world.office.goals().find("SLT-i1").orElseThrow().description()).isEqualTo("改过的说明");
        // The snapshot is kept packed, and reads back as the JSON the package carried.
        List<org.perfdesk.domain.PackageRecord> history = world.office.packages().findSnapshotsOf("SLT", World.YEAR);
        String id = history.get(history.size() - 1).packageId();
        String json = world.office.packages().findSnapshot(id).orElseThrow();
        assertThat(json).contains("改过的说明").startsWith("{").endsWith("}");
        String storedAs = world.office.database().read(c -> {
            try (var ps = c.prepareStatement("SELECT typeof(json) FROM snapshot WHERE package_id = ?")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        assertThat(storedAs).isEqualTo(json.length() >= 4096 ? "blob" : "text");
    }

    private static Map<String, String> updatedAt(Workspace ws) {
        return ws.database().read(c -> {
            Map<String, String> out = new java.util.TreeMap<>();
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT id, updated_at FROM goal_node")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    @Test
    void importingAnEnrollmentPointsToTheFingerprintCheck() throws Exception {
        Path request = new Exporter(world.units.get("SLT"), world.signers.get("SLT"))
                .exportUnitPackage(PackageKind.ENROLLMENT, World.YEAR, dir.resolve("again"), null).file();
        // The office knows this key already; a stranger's enrollment is the case that matters.
        world.addUnit("NYT", "福建省农业厅", OrgKind.DEPARTMENT, "XNB");
        KeyRegistry.revoke(world.office, "SLT", "test");
        Workspace other = world.units.get("NYT");
        ImportReport r = world.importer("NYT").importFile(request, false);
        assertThat(r.code()).isEqualTo("enrollment-needs-confirmation");
        assertThat(r.message()).contains("在电话中对照核对码");
    }

    @Test
    void aCopyThatCannotBeWrittenLeavesThePackageSafeInTheOutbox() throws Exception {
        Path notAFolder = java.nio.file.Files.writeString(dir.resolve("stick-gone"), "x");
        Path target = notAFolder.resolve("SLT-plan.perfpkg");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Exporter(world.units.get("SLT"),
                        world.signers.get("SLT")).exportUnitPackage(PackageKind.PLAN, World.YEAR, target, null))
                .isInstanceOfSatisfying(org.perfdesk.domain.UserError.class, e -> {
                    assertThat(e.key()).isEqualTo("error.export.copyFailed");
                    assertThat(e.getMessage()).contains("outbox").contains("不要使用不完整的文件");
                });
        Workspace slt = world.units.get("SLT");
        var written = slt.packages().lastOutgoing(WorkspaceKeys.keyId(slt), "XNB").orElseThrow();
        Path kept = slt.outboxDir().resolve(written.fileName());
        assertThat(kept).exists();
        assertThat(World.hash(kept)).isEqualTo(written.fileHash());
        assertThat(world.importAtOffice(kept).accepted()).isTrue();
        try (var left = java.nio.file.Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void dryRunReportsButWritesNothing() {
        Path plan = world.export("SLT", PackageKind.PLAN);
        Map<String, Long> before = World.rowCounts(world.office);
        ImportReport preview = new Importer(world.office, world.officeSigner).importFile(plan, true);
        assertThat(preview.status()).isEqualTo(ImportReport.Status.ACCEPTED);
        assertThat(preview.dryRun()).isTrue();
        assertThat(preview.counts().added()).isEqualTo(3);
        assertThat(preview.message()).contains("预览");
        assertThat(World.rowCounts(world.office)).isEqualTo(before);
        assertThat(world.importAtOffice(plan).status()).isEqualTo(ImportReport.Status.ACCEPTED);
    }

    @Test
    void aBatchPreviewShowsEachPackageAfterTheOnesBeforeIt() throws Exception {
        Path plan = world.export("SLT", PackageKind.PLAN);
        Path progress = world.export("SLT", PackageKind.PROGRESS);
        Map<String, Long> before = World.rowCounts(world.office);
        long inboxFiles;
        try (var files = java.nio.file.Files.list(world.office.inboxDir())) {
            inboxFiles = files.count();
        }

        List<ImportReport> preview = new Importer(world.office, world.officeSigner).importAll(List.of(progress, plan), true);

        assertThat(preview).extracting(ImportReport::kind).containsExactly("plan", "progress");
        assertThat(preview.get(0).counts().added()).isEqualTo(3);
        assertThat(preview.get(1).counts()).isEqualTo(new ImportReport.Counts(0, 0, 3, 0, 0));
        assertThat(preview.get(1).warning()).isNull();
        assertThat(World.rowCounts(world.office)).isEqualTo(before);
        try (var files = java.nio.file.Files.list(world.office.inboxDir())) {
            assertThat(files.count()).isEqualTo(inboxFiles);
        }
    }

    @Test
    void approvalRoundTripAndChangesAfterApprovalAreFlagged() {
        world.importAtOffice(world.export("SLT", PackageKind.PLAN));
        world.addUnit("NYT", "福建省农业厅", OrgKind.DEPARTMENT, "XNB"); // the office writes to others meanwhile
        Path answer = Reviews.decide(world.office, world.officeSigner, "SLT", World.YEAR,
                PlanReview.Decision.APPROVED, "目标明确，分解到人，同意。", world.usb).file();

        Workspace slt = world.units.get("SLT");
        ImportReport atUnit = world.importer("SLT").importFile(answer, false);
        assertThat(atUnit.status()).as(atUnit.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        assertThat(atUnit.sequence()).isEqualTo(2); // the office's second package to SLT, after the certificate
        assertThat(atUnit.warning()).isNull();
        assertThat(atUnit.message()).contains("批复同意").contains("目标明确");
        PlanReview review = slt.reviews().latest("SLT", World.YEAR).orElseThrow();
        assertThat(review.decision()).isEqualTo(PlanReview.Decision.APPROVED);
        assertThat(review.nodes()).extracting(PlanReview.NodeRevision::nodeId)
                .containsExactlyInAnyOrder("SLT-g1", "SLT-i1", "SLT-i2");

        slt.goals().save(slt.goals().find("SLT-i1").orElseThrow().withDetails(null, "改了质量要求"));
        ImportReport later = world.importAtOffice(world.export("SLT", PackageKind.PROGRESS));
        assertThat(later.counts().flagged()).isEqualTo(1);
        assertThat(later.changes()).filteredOn(ImportReport.NodeChange::flagged)
                .extracting(ImportReport.NodeChange::id).containsExactly("SLT-i1");
    }

    @Test
    void returnNeedsAReasonAndGoesBackAsReturn() {
        world.importAtOffice(world.export("SLT", PackageKind.PLAN));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Reviews.decide(world.office, world.officeSigner, "SLT",
                World.YEAR, PlanReview.Decision.RETURNED, "  ", world.usb))
                .hasMessageContaining("必须说明理由");
        Path answer = Reviews.decide(world.office, world.officeSigner, "SLT", World.YEAR,
                PlanReview.Decision.RETURNED, "指标缺少目标值，请补充。", world.usb).file();
        ImportReport r = world.importer("SLT").importFile(answer, false);
        assertThat(r.kind()).isEqualTo("return");
        assertThat(r.message()).contains("退回修改").contains("请补充");
    }

    @Test
    void receiptIsTheUnitsProofOfSubmission() {
        Path plan = world.export("SLT", PackageKind.PLAN);
        ImportReport accepted = world.importAtOffice(plan);
        Path receipt = Receipts.write(world.office, world.officeSigner, accepted.packageId(), world.usb).file();

        Workspace slt = world.units.get("SLT");
        ImportReport r = world.importer("SLT").importFile(receipt, false);
        assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        assertThat(slt.receipts().find(accepted.packageId())).hasValueSatisfying(x -> {
            assertThat(x.fileHash()).isEqualTo(slt.packages().find(accepted.packageId()).orElseThrow().fileHash());
            assertThat(x.verdict()).isEqualTo("accepted");
        });
    }
}
