package org.perfdesk.exchange.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.OfficePolicy;
import org.perfdesk.exchange.World;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.proof.CanonicalDump;

/** The steps every package goes through: the per-file guard and the office's policy (findings 5 and 7 of issue 18). */
class PipelineTest {
    @TempDir
    Path dir;
    World world;

    @BeforeEach
    void setUp() throws Exception {
        world = new World(dir);
        world.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
        world.addUnit("NYT", "福建省农业厅", OrgKind.DEPARTMENT, "XNB");
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    @Test
    void anUnexpectedErrorInOneFileIsThatFilesRefusalAndTheBatchGoesOn() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("batch"));
        Path nytPlan = Files.move(world.export("NYT", PackageKind.PLAN), folder.resolve("a.perfpkg"));
        Path nytProgress = Files.move(world.export("NYT", PackageKind.PROGRESS), folder.resolve("b.perfpkg"));
        Path sltPlan = Files.move(world.export("SLT", PackageKind.PLAN), folder.resolve("c.perfpkg"));
        // A handler with a bug nobody foresaw, for progress reports only.
        Handlers buggy = Handlers.standard().with(new PackageHandler() {
            @Override
            public Set<PackageKind> kinds() {
                return Set.of(PackageKind.PROGRESS);
            }

            @Override
            public Plan plan(Incoming in) {
                throw new IllegalStateException("a bug in the progress handler");
            }
        });

        List<ImportReport> reports = new Importer(world.office, Limits.DEFAULT, world.officeSigner::keyRing, buggy)
                .importAll(List.of(folder), false);

        assertThat(reports).extracting(ImportReport::file).containsExactly("a.perfpkg", "b.perfpkg", "c.perfpkg");
        assertThat(reports.get(0).accepted()).isTrue();
        assertThat(reports.get(2).accepted()).as("the batch went on").isTrue();
        ImportReport bad = reports.get(1);
        assertThat(bad.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(bad.code()).isEqualTo("internal-error");
        assertThat(bad.message()).contains("IllegalStateException").contains("inbox/rejected");
        assertThat(world.office.packages().findIncoming("NYT")).extracting(p -> p.kind())
                .containsExactly("ENROLLMENT", "PLAN");
        // The file and the details for support are kept.
        try (Stream<Path> kept = Files.list(world.office.inboxDir().resolve("rejected"))) {
            List<Path> files = kept.toList();
            assertThat(files).anyMatch(p -> p.getFileName().toString().endsWith("b.perfpkg"));
            Path details = files.stream().filter(p -> p.getFileName().toString().endsWith("b.perfpkg.txt"))
                    .findFirst().orElseThrow();
            assertThat(Files.readString(details)).startsWith("internal-error")
                    .contains("a bug in the progress handler").contains("at org.perfdesk.exchange.intake.Pipeline");
        }
        // Importing it again with a working handler takes it; the chain was not touched.
        assertThat(world.importAtOffice(nytProgress).accepted()).isTrue();
        assertThat(nytPlan).exists();
        assertThat(sltPlan).exists();
    }

    @Test
    void aWeightOfOneE999999999IsThatPackagesRefusalNotTheBatchsEnd() throws Exception {
        OfficePolicy.setRequiresEncryption(world.office, false);
        Path folder = Files.createDirectories(dir.resolve("huge"));
        // Signed with SLT's key, so only the checks behind the signature stand in the way. 0.1.0 ended the
        // whole batch here ("BigInteger would overflow supported range").
        World.resigned(world.exportPlain("NYT", PackageKind.PLAN), folder.resolve("a.perfpkg"),
                world.signers.get("NYT"), (m, entries) -> {
                    String s = new String(entries.get(org.perfdesk.exchange.pkg.EntryNames.SNAPSHOT),
                            java.nio.charset.StandardCharsets.UTF_8);
                    entries.put(org.perfdesk.exchange.pkg.EntryNames.SNAPSHOT, s.replaceFirst("\"weight\" ?: ?100",
                            "\"weight\" : 1E+999999999").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    return m;
                });
        Files.move(world.export("SLT", PackageKind.PLAN), folder.resolve("b.perfpkg"));

        List<ImportReport> reports = new Importer(world.office, world.officeSigner).importAll(List.of(folder), false);

        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).status()).as(reports.get(0).message()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(reports.get(1).status()).as(reports.get(1).message()).isEqualTo(ImportReport.Status.ACCEPTED);
        assertThat(world.office.goals().count("NYT", World.YEAR)).isZero();
        assertThat(world.office.goals().count("SLT", World.YEAR)).isEqualTo(3);
        assertThat(world.office.packages().findIncoming("NYT")).extracting(p -> p.kind()).containsExactly("ENROLLMENT");
    }

    @Test
    void aNewOfficeRefusesAUnitsPackageInTheClearNamingTheSetting() {
        assertThat(OfficePolicy.requiresEncryption(world.office)).as("on for a new office").isTrue();
        Path plain = world.exportPlain("SLT", PackageKind.PLAN);
        String before = CanonicalDump.of(world.office);

        ImportReport r = world.importAtOffice(plain);

        assertThat(r.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(r.code()).isEqualTo("encryption-required");
        assertThat(r.message()).contains("要求下级单位加密报送").contains("设置");
        assertThat(CanonicalDump.of(world.office)).isEqualTo(before);

        // Sealed packages are what it asks for.
        assertThat(world.importAtOffice(world.export("NYT", PackageKind.PLAN)).accepted()).isTrue();
        // Turned off (with an entry in the audit log), the plain package is accepted.
        OfficePolicy.setRequiresEncryption(world.office, false);
        assertThat(world.office.audit().recent(1).get(0).action()).isEqualTo("policy");
        assertThat(world.importAtOffice(plain).accepted()).isTrue();
        // Turned on again, a package accepted before is still only "already imported".
        OfficePolicy.setRequiresEncryption(world.office, true);
        assertThat(world.importAtOffice(plain).status()).isEqualTo(ImportReport.Status.ALREADY_IMPORTED);
    }

    @Test
    void theSettingConcernsPackagesFromUnitsNotTheOfficesAnswers() {
        assertThat(world.importAtOffice(world.export("SLT", PackageKind.PLAN)).accepted()).isTrue();
        Path approval = org.perfdesk.exchange.Reviews.decide(world.office, world.officeSigner, "SLT", World.YEAR,
                org.perfdesk.domain.PlanReview.Decision.APPROVED, "同意", world.usb, true).file();
        OfficePolicy.setRequiresEncryption(world.units.get("SLT"), true);
        assertThat(world.importer("SLT").importFile(approval, false).accepted()).isTrue();
    }
}
