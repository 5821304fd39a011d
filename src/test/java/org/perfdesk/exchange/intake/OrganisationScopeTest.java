package org.perfdesk.exchange.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.OfficePolicy;
import org.perfdesk.exchange.World;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.proof.CanonicalDump;

/**
 * A unit speaks only for its own subtree (finding 3 of issue 18). The snapshots are signed with the
 * unit's real key (what only the unit, or a thief of its key, can make), so every check behind the
 * signature is reached.
 */
class OrganisationScopeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    World world;
    int made;

    @BeforeEach
    void setUp() throws Exception {
        world = new World(dir);
        world.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
        // The crafted snapshots travel in the clear, so they can be changed and signed again.
        OfficePolicy.setRequiresEncryption(world.office, false);
        assertThat(world.importAtOffice(world.exportPlain("SLT", PackageKind.PLAN)).accepted()).isTrue();
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    /** SLT's next package, its snapshot changed by {@code change} and signed again with SLT's key. */
    private Path snapshot(Consumer<ObjectNode> change) throws IOException {
        Path next = world.exportPlain("SLT", PackageKind.PROGRESS);
        return World.resigned(next, dir.resolve("crafted-" + made++ + ".perfpkg"), world.signers.get("SLT"),
                (m, entries) -> {
                    try {
                        ObjectNode s = (ObjectNode) JSON.readTree(entries.get(EntryNames.SNAPSHOT));
                        change.accept(s);
                        entries.put(EntryNames.SNAPSHOT, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(s));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    // Not linked to SLT's chain: an accepted crafted package would part it from the next one.
                    return new Manifest(m.format(), m.packageId(), m.kind(), m.sender(), m.recipient(), m.year(),
                            m.sequence(), null, m.createdAt(), m.programVersion(), m.encryption(), m.entries());
                });
    }

    private static Consumer<ObjectNode> withOrg(String code, String name, String kind, String parent, String group) {
        return s -> {
            ObjectNode o = ((ArrayNode) s.get("organisations")).addObject();
            o.put("code", code).put("name", name).put("kind", kind).put("parent", parent).put("group", group);
        };
    }

    private ImportReport refused(Path file) {
        String before = CanonicalDump.of(world.office);
        ImportReport r = world.importAtOffice(file);
        assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(r.code()).as(r.message()).isEqualTo("org-outside-scope");
        assertThat(CanonicalDump.of(world.office)).as("the office's database unchanged").isEqualTo(before);
        return r;
    }

    @Test
    void aUnitCannotPlantAUnitForTheOfficeToRank() throws IOException {
        ImportReport r = refused(snapshot(withOrg("XM", "厦门市人民政府", "CITY", "SLT", "CITY_GOVERNMENTS")));
        assertThat(r.message()).contains("福建省水利厅").contains("XM");
        assertThat(new Evaluator(world.office).units(World.YEAR)).extracting(OrgUnit::code).doesNotContain("XM");

        // The real city enrolls later: it sits where the office puts it and its packages import.
        world.addUnit("XM", "厦门市人民政府", OrgKind.CITY, "XNB");
        assertThat(world.office.orgUnits().find("XM").orElseThrow().parentCode()).isEqualTo("XNB");
        ImportReport plan = world.importAtOffice(world.export("XM", PackageKind.PLAN));
        assertThat(plan.status()).as(plan.message()).isEqualTo(ImportReport.Status.ACCEPTED);
    }

    @Test
    void aCodeAUnitDescribedDoesNotBindTheUnitThatEnrollsWithIt() throws IOException {
        // Without a group a unit may describe an organisation that owns part of its tree (a city's
        // 发改委); the code is then known, but binds nobody.
        ImportReport described = world.importAtOffice(snapshot(withOrg("NYT", "农业厅", "DEPARTMENT", "SLT", null)));
        assertThat(described.status()).as(described.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        assertThat(world.office.orgUnits().find("NYT").orElseThrow().parentCode()).isEqualTo("SLT");

        world.addUnit("NYT", "福建省农业厅", OrgKind.DEPARTMENT, "XNB");
        OrgUnit nyt = world.office.orgUnits().find("NYT").orElseThrow();
        assertThat(nyt.parentCode()).isEqualTo("XNB");
        assertThat(nyt.name()).isEqualTo("福建省农业厅");
        assertThat(nyt.group()).isEqualTo(RankingGroup.PROVINCIAL_DEPARTMENTS);
        ImportReport plan = world.importAtOffice(world.export("NYT", PackageKind.PLAN));
        assertThat(plan.status()).as(plan.message()).isEqualTo(ImportReport.Status.ACCEPTED);

        // From now on it is a registered unit elsewhere: SLT may no longer describe it.
        refused(snapshot(withOrg("NYT", "农业厅", "DEPARTMENT", "SLT", null)));
    }

    @Test
    void eachOrganisationOutsideTheSendersScopeIsRefused() throws IOException {
        world.addUnit("NYT", "福建省农业厅", OrgKind.DEPARTMENT, "XNB");
        assertThat(world.importAtOffice(world.export("NYT", PackageKind.PLAN)).accepted()).isTrue();

        refused(snapshot(withOrg("SLT", "福建省水利厅", "DEPARTMENT", "SLT", null)));           // itself
        refused(snapshot(withOrg("slt", "福建省水利厅", "DIVISION", "SLT", null)));             // itself, other case
        refused(snapshot(withOrg("SLT-X", "效能办", "OFFICE", "SLT", null)));                   // an office
        refused(snapshot(withOrg("SLT-B", "规划处", "DIVISION", "SLT", "PROVINCIAL_DEPARTMENTS"))); // a group
        refused(snapshot(s -> {                                                                  // SLT-A, other case
            for (var o : s.get("organisations")) {
                if (o.get("code").asText().equals("SLT-A")) {
                    ((ObjectNode) o).put("code", "slt-a");
                } else if (o.get("parent").asText().equals("SLT-A")) {
                    ((ObjectNode) o).put("parent", "slt-a");
                }
            }
        }));
        refused(snapshot(withOrg("NYT-A", "综合处", "DIVISION", "SLT", null)));                 // another unit's
        refused(snapshot(withOrg("NYT", "农业厅", "DEPARTMENT", "SLT", null)));                 // a registered unit
        refused(snapshot(withOrg("SLT-C", "财务处", "DIVISION", "XNB", null)));                 // not below SLT
    }

    @Test
    void theUnitsOwnOrganisationsStillImport() throws IOException {
        ImportReport r = world.importAtOffice(snapshot(withOrg("SLT-B", "规划处", "DIVISION", "SLT", null)
                .andThen(withOrg("SLT-B1", "李四（处长）", "PERSON", "SLT-B", null))
                .andThen(withOrg("SLT-SW", "水文局", "DEPARTMENT", "SLT", null))));
        assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.ACCEPTED);
        assertThat(world.office.orgUnits().findSubtree("SLT")).extracting(OrgUnit::code)
                .contains("SLT-A", "SLT-A1", "SLT-B", "SLT-B1", "SLT-SW");
        assertThat(new Evaluator(world.office).units(World.YEAR)).extracting(OrgUnit::code).doesNotContain("SLT-SW");
    }
}
