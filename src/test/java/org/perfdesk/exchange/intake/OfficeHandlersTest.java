package org.perfdesk.exchange.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.RectificationItem;
import org.perfdesk.domain.TrustedKey;
import org.perfdesk.evaluation.Rectifications;
import org.perfdesk.exchange.Exporter;
import org.perfdesk.exchange.Feedbacks;
import org.perfdesk.exchange.Reviews;
import org.perfdesk.exchange.World;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.store.Workspace;

/**
 * The handlers of what the office sends a unit (certificate, review, feedback) and of the unit's
 * rectification report back, each given a package as the pipeline hands it over.
 */
class OfficeHandlersTest {
    @TempDir
    Path dir;
    World world;
    Workspace slt;

    @BeforeEach
    void setUp() throws Exception {
        world = new World(dir);
        slt = world.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
        world.importAtOffice(world.export("SLT", PackageKind.PLAN));
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    /** An office package with any payload, signed and sealed by the office, opened by SLT. */
    private Incoming fromOffice(PackageKind kind, String entry, Object payload) {
        Path file = new Exporter(world.office, world.officeSigner).exportOfficePackage(kind, "SLT", World.YEAR, entry,
                payload, world.usb).file();
        return Opening.of(slt, world.signers.get("SLT"), file);
    }

    @Test
    void certificateForThisUnitsKeyCertifiesIt() {
        String own = WorkspaceKeys.keyId(slt);
        TrustedKey before = slt.trustedKeys().find(own).orElseThrow();
        slt.trustedKeys().save(new TrustedKey(own, "SLT", before.publicKey(), TrustedKey.Source.OWN,
                before.validFrom(), null, null));
        Plan p = new CertificateHandler().plan(fromOffice(PackageKind.CERTIFICATE, EntryNames.CERTIFICATE,
                new Payloads.Certificate(Payloads.CERTIFICATE_FORMAT, "SLT", "福建省水利厅", own, before.publicKey(),
                        Instant.now().toString(), "XNB", world.officeSigner.keyId())));
        assertThat(p.summary()).contains(Ed25519.fingerprintOf(own));
        Opening.apply(slt, p);
        assertThat(slt.trustedKeys().find(own).orElseThrow().source()).isEqualTo(TrustedKey.Source.CERTIFIED);

        Incoming other = fromOffice(PackageKind.CERTIFICATE, EntryNames.CERTIFICATE, new Payloads.Certificate(
                Payloads.CERTIFICATE_FORMAT, "SLT", "福建省水利厅", "0".repeat(32), before.publicKey(),
                Instant.now().toString(), "XNB", world.officeSigner.keyId()));
        assertThatThrownBy(() -> new CertificateHandler().plan(other)).isInstanceOf(PackageException.class)
                .hasFieldOrPropertyWithValue("code", "certificate-mismatch");
    }

    @Test
    void reviewRecordsTheDecisionAndTheRevisionsSeen() {
        Path approval = Reviews.decide(world.office, world.officeSigner, "SLT", World.YEAR,
                PlanReview.Decision.APPROVED, "同意，按计划推进", world.usb).file();
        Plan p = new ReviewHandler().plan(Opening.of(slt, world.signers.get("SLT"), approval));
        assertThat(p.summary()).contains("同意，按计划推进");
        Opening.apply(slt, p);
        assertThat(slt.reviews().approvedRevisions("SLT", World.YEAR)).containsKeys("SLT-g1", "SLT-i1", "SLT-i2");

        // An approval whose payload says "returned" is not what the office signed it as.
        Incoming mixed = fromOffice(PackageKind.APPROVAL, EntryNames.REVIEW, new Payloads.Review(
                Payloads.REVIEW_FORMAT, "5f0c2a4e-8a34-4c55-9d1e-2f6f1b7a9c01", "SLT", World.YEAR,
                "5f0c2a4e-8a34-4c55-9d1e-2f6f1b7a9c02", "RETURNED", "退回", Instant.now().toString(), List.of()));
        assertThatThrownBy(() -> new ReviewHandler().plan(mixed)).isInstanceOf(PackageException.class)
                .hasFieldOrPropertyWithValue("code", "bad-snapshot");
    }

    @Test
    void feedbackMergesTheOfficesItemsAndRectificationTakesTheUnitsAnswers() {
        new Rectifications(world.office).add("SLT", World.YEAR, "台账不全", "补齐台账", null);
        Path feedback = Feedbacks.send(world.office, world.officeSigner, result("SLT", "90"), world.usb).file();
        Plan p = new FeedbackHandler().plan(Opening.of(slt, world.signers.get("SLT"), feedback));
        assertThat(p.summary()).contains("总分 90");
        Opening.apply(slt, p);
        RectificationItem item = slt.rectifications().findByUnit("SLT", World.YEAR).get(0);
        assertThat(item.finding()).isEqualTo("台账不全");

        new Rectifications(slt).answer(item, "已补齐", "综合处", null, RectificationItem.Status.DONE, "");
        Path report = world.export("SLT", PackageKind.RECTIFICATION);
        Plan back = new RectificationHandler().plan(Opening.of(world.office, world.officeSigner, report));
        assertThat(back.counts()).as("the snapshot part").isNotNull();
        assertThat(back.summary()).isNotBlank();
        Opening.apply(world.office, back);
        assertThat(world.office.rectifications().findByUnit("SLT", World.YEAR)).singleElement()
                .satisfies(i -> assertThat(i.measure()).isEqualTo("已补齐"));

        // Two items under one id is not a feedback the office could have written.
        Incoming twice = fromOffice(PackageKind.FEEDBACK, EntryNames.FEEDBACK, new Feedbacks.Feedback(
                Feedbacks.FEEDBACK_FORMAT, "SLT", World.YEAR, "", List.of(
                        new Feedbacks.FeedbackItem("a", 1, "一", "", null, null, null),
                        new Feedbacks.FeedbackItem("a", 2, "二", "", null, null, null)), result("SLT", "90")));
        assertThatThrownBy(() -> new FeedbackHandler().plan(twice)).isInstanceOf(PackageException.class)
                .hasFieldOrPropertyWithValue("code", "bad-snapshot");
    }

    /** A unit's result as the office's approved, frozen results would give it (only what the handler reads). */
    static org.perfdesk.domain.FeedbackResult result(String unit, String total) {
        return new org.perfdesk.domain.FeedbackResult(unit, unit, World.YEAR, "省直部门", 1, "1", 1, "",
                new java.math.BigDecimal(total), new java.math.BigDecimal(total), null, null, null, null, null, 1,
                "2009-03-10", "第十四次会议", "领导小组", null, List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
