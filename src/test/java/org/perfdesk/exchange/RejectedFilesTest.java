package org.perfdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.store.Workspace;

/** inbox/rejected/ stays within its bounds, oldest refusals dropped first, accepted packages never touched. */
class RejectedFilesTest {
    @TempDir
    Path dir;

    /** A refusal as the inbox keeps one, at a given (old) time: the file and its reason. */
    private static void refusal(Path rejected, int i, int bytes) throws IOException {
        String base = String.format("2026010%d-%06d-000-unit-%d.perfpkg", 1 + i / 100000, i % 100000, i);
        Files.createDirectories(rejected);
        Files.write(rejected.resolve(base), new byte[bytes]);
        Files.writeString(rejected.resolve(base + ".txt"), "bad-zip\nnot a package\n");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theOldestRefusalsGoFirstWhenThereAreTooMany() throws IOException {
        Path rejected = dir.resolve("rejected");
        for (int i = 0; i < 8; i++) {
            refusal(rejected, i, 10);
        }
        Files.writeString(rejected.resolve("notes by the office.txt"), "kept by hand");
        assertThat(RejectedFiles.trim(rejected, new RejectedFiles.Bounds(5, 1 << 20, 1 << 20))).isEqualTo(3);
        List<String> left = names(rejected);
        assertThat(left).hasSize(11).contains("notes by the office.txt");
        assertThat(left).noneMatch(n -> n.contains("unit-0.") || n.contains("unit-1.") || n.contains("unit-2."));
        assertThat(left).contains("20260101-000007-000-unit-7.perfpkg", "20260101-000007-000-unit-7.perfpkg.txt");
    }

    @Test
    void theOldestRefusalsGoFirstWhenTheyTakeTooMuchSpace() throws IOException {
        Path rejected = dir.resolve("rejected");
        for (int i = 0; i < 4; i++) {
            refusal(rejected, i, 1000);
        }
        RejectedFiles.trim(rejected, new RejectedFiles.Bounds(100, 2500, 1 << 20));
        assertThat(names(rejected)).containsExactly("20260101-000002-000-unit-2.perfpkg",
                "20260101-000002-000-unit-2.perfpkg.txt", "20260101-000003-000-unit-3.perfpkg",
                "20260101-000003-000-unit-3.perfpkg.txt");
    }

    @Test
    void aRefusedFileLargerThanACopyMayBeIsNotCopiedButItsReasonIsKept() throws IOException {
        Path big = Files.write(dir.resolve("huge.perfpkg"), new byte[5000]);
        Path rejected = dir.resolve("rejected");
        RejectedFiles.keep(rejected, big, "too-large", "the file is too large", new RejectedFiles.Bounds(10, 1 << 20, 4096));
        List<String> kept = names(rejected);
        assertThat(kept).singleElement().satisfies(n -> assertThat(n).endsWith("-huge.perfpkg.txt"));
        assertThat(Files.readString(rejected.resolve(kept.get(0)))).startsWith("too-large\nthe file is too large\n")
                .contains("not kept: 5000 bytes");
    }

    @Test
    void anImportKeepsTheRefusalWithinTheDefaultBoundsAndLeavesAcceptedPackagesAlone() throws IOException {
        Path office = dir.resolve("office");
        try (Workspace ws = Workspace.create(office, new Workspace.Setup(Role.OFFICE,
                new OrgUnit("XNB", "省效能办", OrgKind.OFFICE, null), 2008, "test"))) {
            Path rejected = ws.inboxDir().resolve("rejected");
            int max = RejectedFiles.Bounds.DEFAULT.maxRefusals();
            for (int i = 0; i < max; i++) {
                refusal(rejected, i, 16);
            }
            Path accepted = Files.writeString(ws.inboxDir().resolve("0b6f3c9e-accepted.perfpkg"), "an accepted package");
            Path bad = Files.writeString(dir.resolve("bad.perfpkg"), "not a zip at all");

            ImportReport report = new Importer(ws).importFile(bad, false);

            assertThat(report.status()).isEqualTo(ImportReport.Status.REJECTED);
            List<String> left = names(rejected);
            assertThat(left).hasSize(2 * max);
            assertThat(left).noneMatch(n -> n.startsWith("20260101-000000-000-unit-0."));
            assertThat(left).anyMatch(n -> n.endsWith("-bad.perfpkg")).anyMatch(n -> n.endsWith("-bad.perfpkg.txt"));
            assertThat(Files.readString(accepted)).isEqualTo("an accepted package");
        }
    }
}
