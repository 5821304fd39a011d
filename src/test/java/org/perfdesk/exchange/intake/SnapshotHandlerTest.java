package org.perfdesk.exchange.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.DocumentTypes;
import org.perfdesk.domain.Evidence;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.OfficePolicy;
import org.perfdesk.exchange.World;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.store.Workspace;

/** A unit's report package: its snapshot replaces what the office holds; evidence is kept by hash, shown by a clean name. */
class SnapshotHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    World world;
    Workspace slt;

    @BeforeEach
    void setUp() throws Exception {
        world = new World(dir);
        slt = world.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
        OfficePolicy.setRequiresEncryption(world.office, false);
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    @Test
    void evidenceIsKeptUnderItsHashAndShownByACleanedName() throws IOException {
        slt.evidence().attach("SLT-i1", Files.writeString(dir.resolve("report.pdf"), "%PDF-1.4 验收报告"), "");
        slt.evidence().attach("SLT-i1", Files.writeString(dir.resolve("photo.jpg"), "照片"), "");
        // What an older unit, or one whose key was stolen, could send: names that pretend and names with paths.
        Path crafted = World.resigned(world.exportPlain("SLT", PackageKind.PLAN), dir.resolve("names.perfpkg"),
                world.signers.get("SLT"), (m, entries) -> {
                    try {
                        ObjectNode s = (ObjectNode) JSON.readTree(entries.get(EntryNames.SNAPSHOT));
                        for (var e : s.get("evidence")) {
                            ((ObjectNode) e).put("fileName", e.get("fileName").asText().equals("report.pdf")
                                    ? "report.pdf\u202Egpj.exe" : "..\\..\\Startup\\photo.jpg\u200B.lnk");
                        }
                        entries.put(EntryNames.SNAPSHOT, JSON.writeValueAsBytes(s));
                    } catch (IOException ex) {
                        throw new IllegalStateException(ex);
                    }
                    return m;
                });

        ImportReport r = world.importAtOffice(crafted);

        assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        List<String> stored = world.office.database().list("SELECT file_name FROM attachment ORDER BY file_name",
                rs -> rs.getString(1));
        assertThat(stored).containsExactly("photo.jpg.lnk", "report.pdfgpj.exe");
        assertThat(world.office.evidence().findByUnit("SLT", World.YEAR)).extracting(Evidence::fileName)
                .containsExactlyInAnyOrder("photo.jpg.lnk", "report.pdfgpj.exe")
                .allSatisfy(n -> assertThat(DocumentTypes.of(n)).isEqualTo(DocumentTypes.Kind.EXECUTABLE));
        try (Stream<Path> files = Files.list(world.office.attachmentsDir())) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.matches("[0-9a-f]{64}"));
        }
        for (Evidence e : world.office.evidence().findByUnit("SLT", World.YEAR)) {
            assertThat(world.office.evidence().file(e.sha256())).isPresent();
            assertThat(world.office.evidence().openableCopy(e.sha256()).getFileName().toString())
                    .isEqualTo(e.fileName());
        }
    }

    @Test
    void evidenceWhoseSizeIsNotItsFilesIsRefusedAndNothingChanges() throws IOException {
        slt.evidence().attach("SLT-i1", Files.writeString(dir.resolve("report.pdf"), "%PDF-1.4 验收报告"), "");
        for (long size : new long[] {-1, 0, 1L << 40}) {
            Path crafted = World.resigned(world.exportPlain("SLT", PackageKind.PLAN),
                    dir.resolve("size" + size + ".perfpkg"), world.signers.get("SLT"), (m, entries) -> {
                        try {
                            ObjectNode s = (ObjectNode) JSON.readTree(entries.get(EntryNames.SNAPSHOT));
                            s.get("evidence").forEach(e -> ((ObjectNode) e).put("size", size));
                            entries.put(EntryNames.SNAPSHOT, JSON.writeValueAsBytes(s));
                        } catch (IOException ex) {
                            throw new IllegalStateException(ex);
                        }
                        return m;
                    });
            String before = org.perfdesk.proof.CanonicalDump.of(world.office);
            ImportReport r = world.importAtOffice(crafted);
            assertThat(r.status()).as("size %d", size).isEqualTo(ImportReport.Status.REJECTED);
            assertThat(r.code()).isEqualTo("bad-snapshot");
            assertThat(org.perfdesk.proof.CanonicalDump.of(world.office)).isEqualTo(before);
        }
    }

    @Test
    void aPlanReplacesTheTreeAndSaysWhatChanged() {
        Incoming in = Opening.of(world.office, world.officeSigner, world.export("SLT", PackageKind.PLAN));
        Plan plan = new SnapshotHandler().plan(in);
        assertThat(plan.counts().added()).isEqualTo(3);
        assertThat(new String(plan.snapshotJson(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"unitCode\":\"SLT\"");
        assertThat(world.office.goals().count("SLT", World.YEAR)).as("planning writes nothing").isZero();
        Opening.apply(world.office, plan);
        assertThat(world.office.goals().count("SLT", World.YEAR)).isEqualTo(3);
    }

    @Test
    void aNodeOfAnotherUnitIsAConflict() {
        world.addUnit("NYT", "福建省农业厅", OrgKind.DEPARTMENT, "XNB");
        world.importAtOffice(world.export("NYT", PackageKind.PLAN));
        // SLT's tree claims a node id that is NYT's at the office.
        slt.goals().saveAll(List.of(new org.perfdesk.domain.GoalNode("NYT-g1", "SLT", World.YEAR, null, 1,
                org.perfdesk.domain.NodeKind.GOAL, "改写别人的目标", null, "SLT", null, null, null, null, null, 1,
                false)));
        Incoming in = Opening.of(world.office, world.officeSigner, world.export("SLT", PackageKind.PLAN));
        assertThatThrownBy(() -> new SnapshotHandler().plan(in)).isInstanceOf(PackageException.class)
                .hasFieldOrPropertyWithValue("code", "conflict");
    }
}
