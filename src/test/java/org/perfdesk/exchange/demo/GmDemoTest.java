package org.perfdesk.exchange.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.SuitePlan;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.store.Workspace;

/** {@code demo --suite gm}: the same pilot under gm-1, every package of it imported by the office. */
class GmDemoTest {
    @TempDir
    Path out;

    @Test
    void theGmDemoIsGmThroughoutAndTheOfficeImportsEveryPackage() throws Exception {
        List<Path> made = DemoBuilder.bundled().withSuite(Suite.GM).build(out, "test");
        assertThat(made).hasSize(8);
        for (Path p : made) {
            try (Workspace ws = Workspace.open(p)) {
                assertThat(SuitePlan.forYear(ws, 2008)).as(p.toString()).isEqualTo(Suite.GM);
                assertThat(Suite.ofKey(WorkspaceKeys.publicKey(ws))).isEqualTo(Suite.GM);
            }
        }
        List<Path> packages;
        try (Stream<Path> s = Files.list(out.resolve(DemoBuilder.USB_FOLDER))) {
            packages = s.filter(p -> p.toString().endsWith(".perfpkg")).sorted().toList();
        }
        assertThat(packages).hasSize(21);
        try (Workspace office = Workspace.open(out.resolve(DemoBuilder.OFFICE_FOLDER))) {
            var signer = WorkspaceKeys.unlock(office, DemoBuilder.PASSPHRASE.toCharArray());
            for (Path p : packages) {
                Manifest m = PackageReader.readWithoutSignature(p, Limits.DEFAULT).manifest();
                assertThat(m.format()).isEqualTo(Manifest.FORMAT_SUITED);
                assertThat(m.suite()).isEqualTo("gm-1");
                assertThat(m.encryption()).isNotNull();
            }
            for (ImportReport r : new Importer(office, signer).importAll(List.of(out.resolve(DemoBuilder.USB_FOLDER)),
                    false)) {
                assertThat(r.status()).as(r.file() + ": " + r.message()).isEqualTo(ImportReport.Status.ACCEPTED);
            }
            assertThat(office.audit().check()).isEmpty();
        }
    }
}
