package org.perfdesk.exchange.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.TrustedKey;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.Enrollments;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.World;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.proof.CanonicalDump;

/** Enrollment policy (finding 4 of issue 18): the office decides, re-enrolling is explicit, codes and names are plain. */
class EnrollmentHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    World world;

    @BeforeEach
    void setUp() throws Exception {
        world = new World(dir);
        world.addUnit("XM", "厦门市人民政府", OrgKind.CITY, "XNB");
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    private Path request(String folder, OrgUnit unit) {
        return world.enrollmentRequest(folder, unit);
    }

    /** A request whose unit entry says what the unit would like (parent, group), signed with its own key. */
    private Path claiming(String folder, OrgUnit unit, String parent, String group) throws IOException {
        Path genuine = request(folder, unit);
        return World.resigned(genuine, dir.resolve(folder + "-claiming.perfpkg"), world.otherSigners.get(folder),
                (m, entries) -> {
                    try {
                        ObjectNode e = (ObjectNode) JSON.readTree(entries.get(EntryNames.ENROLLMENT));
                        ((ObjectNode) e.get("unit")).put("parent", parent).put("group", group);
                        entries.put(EntryNames.ENROLLMENT, JSON.writeValueAsBytes(e));
                    } catch (IOException ex) {
                        throw new IllegalStateException(ex);
                    }
                    return m;
                });
    }

    private OrgUnit accept(Path request, EnrollmentHandler.Decision d) {
        Enrollments.accept(world.office, world.officeSigner, request, d, world.usb);
        return world.office.orgUnits().find(Enrollments.read(request).unitCode()).orElseThrow();
    }

    private static String fingerprint(Path request) {
        return Enrollments.read(request).fingerprint();
    }

    @Test
    void theParentAndRankingGroupAreTheOfficesNeverTheRequests() throws IOException {
        Path r = claiming("SLT", new OrgUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB"), "XM", "CITY_GOVERNMENTS");
        assertThat(new String(Enrollments.read(r).opened().entry(EntryNames.ENROLLMENT)))
                .contains("\"parent\":\"XM\"").contains("CITY_GOVERNMENTS");

        OrgUnit slt = accept(r, EnrollmentHandler.Decision.of(fingerprint(r)));

        assertThat(slt.parentCode()).isEqualTo("XNB");
        assertThat(slt.group()).isEqualTo(RankingGroup.PROVINCIAL_DEPARTMENTS);
    }

    @Test
    void theOfficeChoosesAParentBelowItAndAGroupOrNone() {
        Path r = request("XM-SMQ", new OrgUnit("XM-SMQ", "思明区人民政府", OrgKind.COUNTY, "XNB"));
        OrgUnit smq = accept(r, EnrollmentHandler.Decision.of(fingerprint(r)).withParent("XM").withGroup(null));
        assertThat(smq.parentCode()).isEqualTo("XM");
        assertThat(smq.group()).isNull();

        Path other = request("JJ", new OrgUnit("JJ", "晋江市人民政府", OrgKind.COUNTY, "XNB"));
        String before = CanonicalDump.of(world.office);
        // A parent the office has not registered directly below itself is refused, with nothing written.
        for (String parent : new String[] {"QZ", "XM-SMQ"}) {
            assertThatThrownBy(() -> accept(other, EnrollmentHandler.Decision.of(fingerprint(other))
                    .withParent(parent))).isInstanceOf(UserError.class)
                    .hasFieldOrPropertyWithValue("key", "error.enroll.badParent");
        }
        assertThat(CanonicalDump.of(world.office)).isEqualTo(before);
        OrgUnit jj = accept(other, EnrollmentHandler.Decision.of(fingerprint(other))
                .withGroup(RankingGroup.CITY_GOVERNMENTS));
        assertThat(jj.parentCode()).isEqualTo("XNB");
        assertThat(jj.group()).isEqualTo(RankingGroup.CITY_GOVERNMENTS);
    }

    @Test
    void reEnrollingAKnownCodeShowsBothFingerprintsNeedsConfirmationAndRevokesTheOldKey() {
        String oldKey = world.office.trustedKeys().findByUnit("XM").get(0).keyId();
        Path again = request("XM-new", new OrgUnit("XM", "厦门市人民政府", OrgKind.CITY, "XNB"));
        String before = CanonicalDump.of(world.office);

        assertThatThrownBy(() -> accept(again, EnrollmentHandler.Decision.of(fingerprint(again))))
                .isInstanceOf(UserError.class)
                .hasFieldOrPropertyWithValue("key", "error.enroll.knownCode")
                .hasMessageContaining(Ed25519.fingerprintOf(oldKey))
                .hasMessageContaining(fingerprint(again));
        assertThat(CanonicalDump.of(world.office)).as("nothing registered").isEqualTo(before);
        EnrollmentHandler.Preview preview = Enrollments.preview(world.office, Enrollments.read(again),
                EnrollmentHandler.Decision.of(fingerprint(again)));
        assertThat(preview.replacesKey()).isTrue();
        assertThat(preview.oldFingerprints()).containsExactly(Ed25519.fingerprintOf(oldKey));

        OrgUnit xm = accept(again, EnrollmentHandler.Decision.of(fingerprint(again)).replacingKey(true));

        assertThat(xm.keyId()).isEqualTo(Enrollments.read(again).opened().signer().keyId());
        assertThat(xm.parentCode()).isEqualTo("XNB");
        assertThat(xm.group()).isEqualTo(RankingGroup.CITY_GOVERNMENTS);
        TrustedKey old = world.office.trustedKeys().find(oldKey).orElseThrow();
        assertThat(old.revokedAt()).isNotNull();
        // The old workspace's packages are refused from now on; the new one's are accepted.
        assertThat(world.importAtOffice(world.export("XM", PackageKind.PLAN)).code()).isEqualTo("revoked-key");
        assertThat(world.office.audit().all()).anyMatch(e -> e.action().equals("enroll-replace-key"));
        assertThat(world.office.audit().check()).isEmpty();
    }

    @Test
    void codesThatDifferOnlyInCaseAreTheSameUnit() {
        Path lower = request("xm", new OrgUnit("xm", "厦门市", OrgKind.CITY, "XNB"));
        String before = CanonicalDump.of(world.office);
        assertThatThrownBy(() -> accept(lower, EnrollmentHandler.Decision.of(fingerprint(lower)).replacingKey(true)))
                .isInstanceOf(UserError.class).hasFieldOrPropertyWithValue("key", "error.enroll.codeCase")
                .hasMessageContaining("XM");
        assertThat(CanonicalDump.of(world.office)).isEqualTo(before);
    }

    @Test
    void namesWithControlBidiOrZeroWidthCharactersAreRefused() {
        for (String name : new String[] {"福建省水利厅\u202Egpj.exe", "福建省\u200B水利厅", "福建省水利厅\u001b[2J",
            "福建省\u2066水利厅\u2069"}) {
            Path r = request("bad-" + name.hashCode(), new OrgUnit("SLT" + Math.abs(name.hashCode() % 1000), name,
                    OrgKind.DEPARTMENT, "XNB"));
            assertThatThrownBy(() -> Enrollments.read(r)).as(name).isInstanceOf(PackageException.class)
                    .hasFieldOrPropertyWithValue("code", "bad-name")
                    .hasMessageNotContaining("\u202E").hasMessageNotContaining("\u001b");
        }
    }

    @Test
    void namesAreKeptInNormalisationFormC() {
        Path r = request("CAFE", new OrgUnit("CAFE", "Cafe\u0301 Bureau", OrgKind.DEPARTMENT, "XNB"));
        assertThat(accept(r, EnrollmentHandler.Decision.of(fingerprint(r))).name()).isEqualTo("Caf\u00e9 Bureau");
    }

    @Test
    void anEnrollmentImportedLikeAnyPackageIsSentToTheDialog() {
        Path r = request("NYT", new OrgUnit("NYT", "福建省农业厅", OrgKind.DEPARTMENT, "XNB"));
        ImportReport report = world.importAtOffice(r);
        assertThat(report.code()).isEqualTo("enrollment-needs-confirmation");
        // And once registered, importing it again is harmless.
        accept(r, EnrollmentHandler.Decision.of(fingerprint(r)));
        assertThat(world.importAtOffice(r).status()).isEqualTo(ImportReport.Status.ALREADY_IMPORTED);
    }
}
