package org.perfdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.exchange.intake.EnrollmentHandler;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.store.Workspace;

/** A city collects from two districts and forwards their original packages inside its own. */
class CollectorTest {
    @TempDir
    Path dir;
    World world;

    @BeforeEach
    void setUp() throws Exception {
        world = new World(dir);
        world.addUnit("XM", "厦门市人民政府", OrgKind.CITY, "XNB");
        world.addUnit("XM-SMQ", "思明区人民政府", OrgKind.COUNTY, "XM");
        world.addUnit("XM-HLQ", "湖里区人民政府", OrgKind.COUNTY, "XM");
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    @Test
    void theOfficeChecksEveryInnerSignatureAndMergesAllThree() {
        Workspace xm = world.units.get("XM");
        for (String sub : new String[] {"XM-SMQ", "XM-HLQ"}) {
            ImportReport r = world.importer("XM").importFile(world.export(sub, PackageKind.PLAN), false);
            assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        }
        // The office knows the districts' keys too (they enrolled through the city's workspace,
        // and the office registers them from the same enrollment files after its own phone check).
        for (String sub : new String[] {"XM-SMQ", "XM-HLQ"}) {
            Path request = new Exporter(world.units.get(sub), world.signers.get(sub))
                    .exportUnitPackage(PackageKind.ENROLLMENT, World.YEAR, dir.resolve("again"), null).file();
            // The office decides where they sit: under the city that collects for them.
            KeyRegistry.register(world.office, Enrollments.read(request).enrollment(), null,
                    EnrollmentHandler.Decision.of(Enrollments.read(request).fingerprint()).withParent("XM"));
        }

        ImportReport outer = world.importAtOffice(world.export("XM", PackageKind.PLAN));

        assertThat(outer.status()).as(outer.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        assertThat(outer.inner()).hasSize(2).allSatisfy(i ->
                assertThat(i.status()).as(i.message()).isEqualTo(ImportReport.Status.ACCEPTED));
        assertThat(outer.inner()).extracting(ImportReport::sender).containsExactlyInAnyOrder("XM-SMQ", "XM-HLQ");
        assertThat(world.office.goals().count("XM", World.YEAR)).isEqualTo(3);
        assertThat(world.office.goals().count("XM-SMQ", World.YEAR)).isEqualTo(3);
        assertThat(world.office.goals().count("XM-HLQ", World.YEAR)).isEqualTo(3);
        assertThat(world.office.orgUnits().find("XM-SMQ")).hasValueSatisfying(
                o -> assertThat(o.parentCode()).isEqualTo("XM"));
        assertThat(world.office.packages().findIncoming("XM-SMQ")).last()
                .satisfies(p -> assertThat(p.outerPackageId()).isEqualTo(outer.packageId()));

        // The same forward again changes nothing.
        ImportReport again = world.importAtOffice(world.export("XM", PackageKind.PLAN));
        assertThat(again.inner()).allSatisfy(i ->
                assertThat(i.status()).isEqualTo(ImportReport.Status.ALREADY_IMPORTED));
    }

    @Test
    void anInnerPackageFromAnUnknownKeyIsReportedNotMerged() {
        Workspace xm = world.units.get("XM");
        world.importer("XM").importFile(world.export("XM-SMQ", PackageKind.PLAN), false);

        ImportReport outer = world.importAtOffice(world.export("XM", PackageKind.PLAN));

        assertThat(outer.status()).isEqualTo(ImportReport.Status.ACCEPTED);
        assertThat(outer.inner()).singleElement().satisfies(i -> assertThat(i.code()).isEqualTo("unknown-key"));
        assertThat(outer.ok()).isFalse();
        assertThat(world.office.goals().count("XM-SMQ", World.YEAR)).isZero();
    }
}
