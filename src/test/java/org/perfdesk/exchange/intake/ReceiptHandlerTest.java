package org.perfdesk.exchange.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.PackageRecord;
import org.perfdesk.exchange.Exporter;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.World;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.store.Workspace;

/** What a unit does with the office's receipt: it must name a package the unit sent. */
class ReceiptHandlerTest {
    @TempDir
    Path dir;
    World world;
    Workspace slt;
    PackageRecord plan;

    @BeforeEach
    void setUp() throws Exception {
        world = new World(dir);
        slt = world.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
        ImportReport r = world.importAtOffice(world.export("SLT", PackageKind.PLAN));
        plan = slt.packages().find(r.packageId()).orElseThrow();
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    /** A receipt the office signs, with the payload given. */
    private Incoming receipt(String format, String packageId, String packageHash, String fileHash) {
        Payloads.ReceiptPayload payload = new Payloads.ReceiptPayload(format, packageId, packageHash, fileHash, "plan",
                World.YEAR, plan.sequence(), "2008-03-01T08:00:00Z", "accepted", null);
        Path file = new Exporter(world.office, world.officeSigner).exportOfficePackage(PackageKind.RECEIPT, "SLT",
                World.YEAR, EntryNames.RECEIPT, payload, world.usb).file();
        return Opening.of(slt, world.signers.get("SLT"), file);
    }

    @Test
    void aReceiptNamingThePackageByItsManifestHashIsKept() {
        Incoming in = receipt(Payloads.RECEIPT_FORMAT, plan.packageId(), plan.manifestHash(), "0".repeat(64));
        Plan p = new ReceiptHandler().plan(in);
        assertThat(p.summary()).contains(plan.fileName()).contains("2008-03-01");
        Opening.apply(slt, p);
        assertThat(slt.receipts().find(plan.packageId())).hasValueSatisfying(r -> {
            assertThat(r.receiptPackageId()).isEqualTo(in.manifest().packageId());
            assertThat(r.verdict()).isEqualTo("accepted");
        });
    }

    @Test
    void aVersion1ReceiptNamingTheFileIsStillRead() {
        Plan p = new ReceiptHandler().plan(receipt(Payloads.RECEIPT_FORMAT_V1, plan.packageId(), null, plan.fileHash()));
        Opening.apply(slt, p);
        assertThat(slt.receipts().find(plan.packageId())).isPresent();
    }

    @Test
    void aReceiptForAPackageThisUnitDidNotSendIsUnknown() {
        ReceiptHandler handler = new ReceiptHandler();
        for (Incoming in : new Incoming[] {
            receipt(Payloads.RECEIPT_FORMAT, "5f0c2a4e-8a34-4c55-9d1e-2f6f1b7a9c01", plan.manifestHash(), null),
            receipt(Payloads.RECEIPT_FORMAT, plan.packageId(), "1".repeat(64), "2".repeat(64)),
            receipt(Payloads.RECEIPT_FORMAT_V1, plan.packageId(), plan.manifestHash(), null)}) {
            assertThatThrownBy(() -> handler.plan(in)).isInstanceOf(PackageException.class)
                    .hasFieldOrPropertyWithValue("code", "receipt-unknown");
        }
    }
}
