package org.perfdesk.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.exchange.Exporter;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.Signer;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.Workspaces;
import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.exchange.demo.ProvinceBuilder;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageReader;
import org.perfdesk.store.Workspace;

/**
 * A small province for the crash and fault tests: an office that has imported the unit's first annual
 * package, and the unit's second one (nodes changed, one removed, one added, progress and evidence
 * changed), whose import replaces, adds and removes rows of every kind.
 */
final class ProofWorld {
    static final String UNIT = "U001";
    static final int YEAR = ProvinceBuilder.YEAR;
    static final String PASSPHRASE = ProvinceBuilder.PASSPHRASE;
    /** The suite of every workspace and package of the run: intl-1, or gm-1 under {@code -Dperfdesk.test.suite=gm-1}. */
    static final Suite SUITE = Workspaces.defaultSuite();

    final Path dir;
    /** The office with the first package imported: the state "before". */
    final Path officeBefore;
    /** The unit after writing the second package. */
    final Path unitBefore;
    /** The unit's second package, not yet imported at the office. */
    final Path secondPackage;

    ProofWorld(Path dir, int nodes, int evidenceFiles) throws Exception {
        this(dir, nodes, evidenceFiles, false);
    }

    /** @param plainSecond the second package in the clear (to change its payload and sign it again) */
    ProofWorld(Path dir, int nodes, int evidenceFiles, boolean plainSecond) throws Exception {
        this.dir = dir;
        ProvinceBuilder.Province p = new ProvinceBuilder(new ProvinceBuilder.Size(1, nodes, 4, evidenceFiles, 4096), 11)
                .build(dir.resolve("province"), "test");
        officeBefore = p.office();
        unitBefore = p.unit(0);
        try (Workspace office = Workspace.open(officeBefore)) {
            if (plainSecond) {
                // Packages in the clear, so payloads can be changed and signed again: the office takes them.
                org.perfdesk.exchange.OfficePolicy.setRequiresEncryption(office, false);
            }
            ImportReport r = importer(office).importFile(p.packages().get(0), false);
            assertThat(r.accepted()).as(r.message()).isTrue();
        }
        Path usb = Files.createDirectories(dir.resolve("usb2"));
        try (Workspace unit = Workspace.open(unitBefore)) {
            Signer signer = WorkspaceKeys.unlock(unit, PASSPHRASE.toCharArray());
            List<GoalNode> nodesNow = unit.goals().findAll(UNIT, YEAR);
            List<GoalNode> edits = new ArrayList<>();
            for (GoalNode n : nodesNow) {
                if (n.kind() == NodeKind.INDICATOR && edits.size() < 3) {
                    edits.add(new GoalNode(n.id(), n.unitCode(), n.year(), n.parentId(), n.position(), n.kind(),
                            n.title() + "（修订）", n.description(), n.ownerCode(), n.qualityRequirement(), n.deadline(),
                            n.weight(), n.measure(), n.originId(), n.revision(), n.deleted()));
                }
            }
            unit.goals().saveEdits(edits);
            GoalNode task = nodesNow.stream().filter(n -> n.kind() == NodeKind.TASK).reduce((a, b) -> b).orElseThrow();
            unit.goals().delete(task.id());
            GoalNode added = GoalNode.create(UNIT, YEAR, edits.get(0).id(), 99, NodeKind.TASK, "新增任务：补充调研");
            unit.goals().save(added);
            unit.progress().save(new Progress(added.id(), 4, null, null, ProgressStatus.DONE, "已完成。", null, null, null));
            unit.progress().save(new Progress(edits.get(1).id(), 4, new BigDecimal("1"), new BigDecimal("1"),
                    ProgressStatus.BEHIND, "严重滞后。", "资金未到位。", "审批延迟。", "加快协调。"));
            Path evidence = dir.resolve("新佐证.pdf");
            Files.write(evidence, "%PDF-1.4 新增佐证材料".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            unit.evidence().attach(edits.get(2).id(), evidence, "补充");
            secondPackage = new Exporter(unit, signer).exportUnitPackage(PackageKind.ANNUAL, YEAR, usb, null,
                    plainSecond).file();
        }
    }

    /** A package file's hash as the workspaces log it: SHA-256 under intl-1, SM3 under gm-1. */
    static String fileHash(Path pkg) throws java.io.IOException {
        return Hashing.hash(SUITE, pkg);
    }

    /** The name of the unit's package {@code sequence} of the year, as the exporter gives it under the run's suite. */
    static String packageName(int sequence) {
        return String.format("%s-XNB-%03d-annual-%d%s.perfpkg", UNIT, sequence, YEAR,
                SUITE == Suite.INTL ? "" : "-" + SUITE.id());
    }

    /** An importer with the workspace's keys unlocked, so encrypted packages open. */
    static Importer importer(Workspace ws) {
        return new Importer(ws, WorkspaceKeys.unlock(ws, PASSPHRASE.toCharArray()));
    }

    static Map<String, String> childProperties(Path dir) {
        return Map.of("perfdesk.home", dir.resolve("home").toString(), "java.awt.headless", "true");
    }

    static Map<String, String> childEnv() {
        return Map.of("PERFDESK_PASSPHRASE", PASSPHRASE);
    }

    /** The highest sequence the workspace accepted from the unit. */
    static long highWater(Workspace ws) {
        return ws.packages().findIncoming(UNIT).stream().mapToLong(r -> r.sequence()).max().orElse(0);
    }

    /**
     * What a person finds in the workspace's folders is whole: every evidence file is named by the hash
     * of its content, every package under {@code inbox/} and {@code outbox/} reads as a complete package,
     * every backup is a sound database. Temporary {@code .part} files may be left; no reader looks at them.
     */
    static void filesAreWhole(Path ws) throws Exception {
        try (Stream<Path> files = Files.list(ws.resolve("attachments"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.getFileName().toString().startsWith(".")) {
                    assertThat(Hashing.sha256(f)).as("evidence file %s", f).isEqualTo(f.getFileName().toString());
                }
            }
        }
        for (String folder : List.of("inbox", "outbox")) {
            try (Stream<Path> files = Files.list(ws.resolve(folder))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (f.getFileName().toString().endsWith(".perfpkg") && !f.getFileName().toString().startsWith(".")) {
                        PackageReader.readWithoutSignature(f, Limits.DEFAULT); // throws on a partial file
                    }
                }
            }
        }
        try (Stream<Path> files = Files.list(ws.resolve("backups"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith("perfdesk-") && name.endsWith(".db")) {
                    // a cut-short VACUUM INTO passes integrity_check as an empty database: it must be ours
                    assertThat(integrity(f) + ", application_id " + pragma(f, "application_id"))
                            .as("backup %s", name).isEqualTo("ok, application_id " + 0x50455246);
                }
            }
        }
    }

    /** Every package file under its final name in {@code folder} is complete and signed by the unit. */
    static void packagesAreWhole(Path folder, Workspace unit) throws Exception {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(".perfpkg") && !f.getFileName().toString().startsWith(".")) {
                    PackageReader.read(f, KeyRegistry.trust(unit), Limits.DEFAULT);
                }
            }
        }
    }

    static String pragma(Path dbFile, String pragma) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getString(1) : "no answer";
        } catch (java.sql.SQLException e) {
            return e.getMessage();
        }
    }

    static String integrity(Path dbFile) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            return rs.next() ? rs.getString(1) : "no answer";
        } catch (java.sql.SQLException e) {
            return e.getMessage();
        }
    }

    /** Every entry of a package, in the order they lie in the file. */
    static java.util.Map<String, byte[]> entriesOf(Path pkg) throws java.io.IOException {
        java.util.Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        try (var zip = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(pkg).get()) {
            for (var e : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
                try (var in = zip.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }
}
