package org.perfdesk.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Role;
import org.perfdesk.exchange.Enrollments;
import org.perfdesk.exchange.Exporter;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.OfficePolicy;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.Workspaces;
import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.store.Folders;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The cost of confidential packages: one unit's progress package (a generated tree with two quarters
 * of progress, and optional evidence files of random, incompressible bytes), written in the clear and
 * sealed, and imported as a dry run at the office (every check, decryption and the merge, rolled back).
 * The same data under each algorithm suite (intl-1 and gm-1), taking turns: prints sizes and median
 * times side by side, gm-1 sealed against intl-1 sealed, and one key unlock per suite.
 */
@Command(name = "exchange", mixinStandardHelpOptions = true,
        description = "Export and import one unit's package plain and encrypted under each algorithm suite; print sizes, times and ratios side by side.")
final class ExchangeBench implements Callable<Integer> {
    private static final String PASSPHRASE = "bench passphrase";
    private static final int YEAR = 2008;

    @Spec
    CommandSpec spec;
    @Option(names = "--nodes", defaultValue = "2000", description = "Nodes in the unit's tree (default 2000).")
    int nodes;
    @Option(names = "--evidence", defaultValue = "0", description = "Evidence files attached (default 0).")
    int evidence;
    @Option(names = "--evidence-kb", defaultValue = "500", description = "Size of each evidence file in KB (default 500).")
    int evidenceKb;
    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds (default 5).")
    int rounds;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("perfdesk-bench-exchange-");
        List<Suite> suites = Suite.all();
        List<Workspace> open = new ArrayList<>();
        try {
            // The same unit (same generated tree and evidence) under each suite, with its own office.
            List<Exporter> exporters = new ArrayList<>();
            List<Importer> importers = new ArrayList<>();
            List<Path> usbs = new ArrayList<>();
            double[] unlockMs = new double[suites.size()];
            for (Suite suite : suites) {
                Path sd = dir.resolve(suite.id());
                Workspaces.Created office = Workspaces.create(sd.resolve("office"), new Workspace.Setup(Role.OFFICE,
                        new OrgUnit("XNB", "效能办", OrgKind.OFFICE, null), YEAR, "bench"), PASSPHRASE.toCharArray(),
                        suite);
                open.add(office.workspace());
                // The comparison needs packages in the clear too, which a new office refuses by default.
                OfficePolicy.setRequiresEncryption(office.workspace(), false);
                Workspaces.Created unit = Workspaces.create(sd.resolve("unit"), new Workspace.Setup(Role.UNIT,
                        new OrgUnit("BENCH", "性能测试单位", OrgKind.DEPARTMENT, "XNB",
                                RankingGroup.PROVINCIAL_DEPARTMENTS, null), YEAR, "bench"), PASSPHRASE.toCharArray(),
                        suite);
                open.add(unit.workspace());
                fill(unit.workspace(), sd);
                enroll(office, unit, sd);
                usbs.add(Files.createDirectories(sd.resolve("usb")));
                exporters.add(new Exporter(unit.workspace(), unit.signer()));
                importers.add(new Importer(office.workspace(), office.signer()));
                // Unlocking the keys as a command does (at the key files' real rounds only outside the tests).
                long a = System.nanoTime();
                WorkspaceKeys.unlock(office.workspace(), PASSPHRASE.toCharArray());
                unlockMs[suites.indexOf(suite)] = (System.nanoTime() - a) / 1e6;
            }
            int n = suites.size();
            // One of each first, unmeasured: class loading and the JIT would count against whichever runs first.
            for (int s = 0; s < n; s++) {
                importers.get(s).importAll(List.of(export(exporters.get(s), usbs.get(s), true)), true);
                importers.get(s).importAll(List.of(export(exporters.get(s), usbs.get(s), false)), true);
            }
            double[][] exportMs = new double[2 * n][rounds];
            double[][] importMs = new double[2 * n][rounds];
            long[] size = new long[2 * n];
            // Bytes hashed per byte of the package file: how often its bytes go through a digest (no load changes it).
            double[] exportDigested = new double[2 * n];
            double[] importDigested = new double[2 * n];
            // The process's CPU time (every thread): less swayed by other programs than the clock is.
            double[][] exportCpu = new double[2 * n][rounds];
            double[][] importCpu = new double[2 * n][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int s = 0; s < n; s++) { // the suites take turns, so a busy machine slows both alike
                    for (int sealed = 0; sealed < 2; sealed++) {
                        int col = 2 * s + sealed;
                        long d0 = Hashing.digested();
                        long ca = cpuNanos();
                        long a = System.nanoTime();
                        Path file = export(exporters.get(s), usbs.get(s), sealed == 0);
                        long b = System.nanoTime();
                        long cb = cpuNanos();
                        long d1 = Hashing.digested();
                        List<ImportReport> reports = importers.get(s).importAll(List.of(file), true);
                        long c = System.nanoTime();
                        long cc = cpuNanos();
                        long d2 = Hashing.digested();
                        if (!reports.get(0).accepted()) {
                            throw new IllegalStateException(reports.get(0).message());
                        }
                        exportMs[col][r] = (b - a) / 1e6;
                        importMs[col][r] = (c - b) / 1e6;
                        exportCpu[col][r] = (cb - ca) / 1e6;
                        importCpu[col][r] = (cc - cb) / 1e6;
                        size[col] = Files.size(file);
                        exportDigested[col] = (double) (d1 - d0) / size[col];
                        importDigested[col] = (double) (d2 - d1) / size[col];
                    }
                }
            }
            out.printf("unit package: %d nodes, %d evidence file(s) of %d KB, %d rounds; the same data under each suite%n",
                    nodes, evidence, evidenceKb, rounds);
            StringBuilder head = new StringBuilder(String.format("%-28s", ""));
            for (Suite s : suites) {
                head.append(String.format(" %13s %13s", s.id() + " plain", s.id() + " sealed"));
            }
            out.println(head.append(String.format(" %10s", "gm/intl")));
            StringBuilder sizes = new StringBuilder(String.format("%-28s", "file size (bytes)"));
            for (long v : size) {
                sizes.append(String.format(" %13d", v));
            }
            out.println(sizes.append(String.format(" %10.3f", (double) size[3] / size[1])));
            row(out, "export, median ms", exportMs);
            row(out, "import dry run, median ms", importMs);
            row(out, "export, CPU ms (all threads)", exportCpu);
            row(out, "import, CPU ms (all threads)", importCpu);
            ratioRow(out, "export, bytes hashed/byte", exportDigested);
            ratioRow(out, "import, bytes hashed/byte", importDigested);
            StringBuilder unlock = new StringBuilder(String.format("%-28s", "key unlock, ms"));
            for (double v : unlockMs) {
                unlock.append(String.format(" %27.1f", v));
            }
            out.println(unlock.append(String.format(" %10.2f", unlockMs[1] / unlockMs[0])));
        } finally {
            open.forEach(Workspace::close);
            Folders.deleteQuietly(dir);
        }
        return 0;
    }

    private static Path export(Exporter exporter, Path usb, boolean plain) {
        return exporter.exportUnitPackage(PackageKind.PROGRESS, YEAR, usb, null, plain).file();
    }

    /** Medians per column (each suite plain and sealed), then gm-1 sealed against intl-1 sealed. */
    private static void row(PrintWriter out, String what, double[][] ms) {
        StringBuilder b = new StringBuilder(String.format("%-28s", what));
        for (double[] col : ms) {
            b.append(String.format(" %13.1f", median(col)));
        }
        out.println(b.append(String.format(" %10.2f", median(ms[3]) / median(ms[1]))));
    }

    /** CPU time of the whole process so far (all threads, the JIT's and the collector's included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One figure per column, then gm-1 sealed against intl-1 sealed. */
    private static void ratioRow(PrintWriter out, String what, double[] v) {
        StringBuilder b = new StringBuilder(String.format("%-28s", what));
        for (double x : v) {
            b.append(String.format(" %13.2f", x));
        }
        out.println(b.append(String.format(" %10.2f", v[3] / v[1])));
    }

    /** The tree, Q1 and Q2 progress on every indicator, and the evidence files. */
    private void fill(Workspace u, Path dir) throws IOException {
        List<OrgUnit> owners = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            owners.add(new OrgUnit("BENCH-" + i, "处室" + i, OrgKind.DIVISION, "BENCH"));
        }
        u.orgUnits().saveAll(owners);
        List<GoalNode> tree = BenchCommand.TreeBench.generate(nodes);
        u.goals().saveAll(tree);
        List<GoalNode> indicators = tree.stream().filter(n -> n.kind() == NodeKind.INDICATOR).toList();
        for (GoalNode n : indicators) {
            for (int q = 1; q <= 2; q++) {
                u.progress().save(new Progress(n.id(), q, new BigDecimal(45 * q), new BigDecimal(45 * q),
                        ProgressStatus.ON_TRACK, "第" + q + "季度按计划推进，" + n.title() + "进展顺利。", null, null, null));
            }
        }
        Random random = new Random(8);
        for (int i = 0; i < evidence; i++) {
            byte[] bytes = new byte[evidenceKb * 1024];
            random.nextBytes(bytes);
            Path f = Files.write(dir.resolve("evidence-" + i + ".pdf"), bytes);
            u.evidence().attach(indicators.get(i % indicators.size()).id(), f, "佐证材料 " + i);
        }
    }

    /** The set-up people do once: card pinned, enrollment accepted, certificate imported. */
    private static void enroll(Workspaces.Created office, Workspaces.Created unit, Path dir) throws IOException {
        var card = KeyRegistry.card(office.workspace());
        KeyRegistry.pinOffice(unit.workspace(), card, card.fingerprint());
        Path handover = Files.createDirectories(dir.resolve("handover"));
        Path request = new Exporter(unit.workspace(), unit.signer())
                .exportUnitPackage(PackageKind.ENROLLMENT, YEAR, handover, null).file();
        Path certificate = Enrollments.accept(office.workspace(), office.signer(), request,
                Enrollments.read(request).fingerprint(), handover).file();
        ImportReport r = new Importer(unit.workspace(), unit.signer()).importFile(certificate, false);
        if (!r.accepted()) {
            throw new IllegalStateException(r.message());
        }
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
