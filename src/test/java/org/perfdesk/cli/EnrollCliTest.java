package org.perfdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.Enrollments;
import org.perfdesk.exchange.World;
import org.perfdesk.store.Workspace;

/** enroll show and enroll accept: the office's decisions on the command line, and nothing raw on the terminal. */
class EnrollCliTest {
    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, (ws, demo, files) -> 0, new PrintWriter(out), new PrintWriter(err),
                name -> name.equals("PERFDESK_PASSPHRASE") ? World.PASSPHRASE : null);
        return new Result(status, out.toString(), err.toString());
    }

    @AfterEach
    void chinese() {
        Texts.use(Texts.CHINESE);
    }

    @Test
    void enrollShowPrintsNoTerminalEscapeSequence() throws Exception {
        Path request;
        try (World world = new World(dir)) {
            request = world.enrollmentRequest("SLT", new OrgUnit("SLT", "水利厅\u001b]0;pwned\u0007\u001b[2J\u202E",
                    OrgKind.DEPARTMENT, "XNB"));
        }
        Result r = run("enroll", "show", request.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.all()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202E")
                .contains("\\u001b]0;pwned\\u0007\\u001b[2J\\u202e");
    }

    @Test
    void anEnrollmentRequestInAnImportedFolderIsPointedToEnrollAcceptNotRefused() throws Exception {
        Path request;
        try (World world = new World(dir)) {
            request = world.enrollmentRequest("XM", new OrgUnit("XM", "厦门市人民政府", OrgKind.CITY, "XNB"));
        }
        Path usb = java.nio.file.Files.createDirectories(dir.resolve("usb"));
        java.nio.file.Files.copy(request, usb.resolve("XM-enrollment.perfpkg"));
        Result r = run("import", "--workspace", dir.resolve("office").toString(), usb.toString());

        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out()).as(r.all()).startsWith("→ ").contains("XM 的登记申请，未导入也未拒收").contains("perfdesk enroll accept")
                .doesNotContain("✗");
    }

    @Test
    void enrollAcceptTakesTheOfficesParentAndGroupAndReplacesAKeyOnlyWhenTold() throws Exception {
        Path city;
        Path county;
        Path cityAgain;
        String cityFingerprint;
        String countyFingerprint;
        String newFingerprint;
        try (World world = new World(dir)) {
            world.addUnit("XM", "厦门市人民政府", OrgKind.CITY, "XNB");
            city = world.enrollmentRequest("XM-new", new OrgUnit("XM", "厦门市人民政府", OrgKind.CITY, "XNB"));
            county = world.enrollmentRequest("XM-SMQ", new OrgUnit("XM-SMQ", "思明区人民政府", OrgKind.COUNTY, "XNB",
                    RankingGroup.CITY_GOVERNMENTS, null));
            cityAgain = city;
            cityFingerprint = world.office.trustedKeys().findByUnit("XM").get(0).keyId();
            countyFingerprint = Enrollments.read(county).fingerprint();
            newFingerprint = Enrollments.read(city).fingerprint();
        }
        String office = dir.resolve("office").toString();
        String out = dir.resolve("answers").toString();

        Result shown = run("enroll", "show", "--workspace", office, county.toString());
        assertThat(shown.status()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("XM-SMQ").contains(countyFingerprint).contains("上级单位 XNB");

        Result accepted = run("enroll", "accept", "--workspace", office, "--fingerprint", countyFingerprint,
                "--out", out, "--parent", "XM", "--group", "none", county.toString());
        assertThat(accepted.status()).as(accepted.err()).isZero();
        assertThat(accepted.out()).contains("上级单位 XM").contains("不排名");

        Result refused = run("enroll", "accept", "--workspace", office, "--fingerprint", newFingerprint, "--out", out,
                cityAgain.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains(newFingerprint)
                .contains(org.perfdesk.exchange.crypto.Ed25519.fingerprintOf(cityFingerprint)).contains("--replace-key");

        Result replaced = run("enroll", "accept", "--workspace", office, "--fingerprint", newFingerprint, "--out", out,
                "--replace-key", cityAgain.toString());
        assertThat(replaced.status()).as(replaced.err()).isZero();
        try (Workspace ws = Workspace.open(dir.resolve("office"))) {
            OrgUnit smq = ws.orgUnits().find("XM-SMQ").orElseThrow();
            assertThat(smq.parentCode()).isEqualTo("XM");
            assertThat(smq.group()).isNull();
            assertThat(ws.trustedKeys().find(cityFingerprint).orElseThrow().revokedAt()).isNotNull();
        }
    }
}
