package org.perfdesk.bench;

import static org.perfdesk.bench.BenchSupport.median;
import static org.perfdesk.bench.BenchSupport.ms;
import static org.perfdesk.bench.BenchSupport.ratio;
import static org.perfdesk.bench.BenchSupport.time;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfdesk.app.Launcher;
import org.perfdesk.bench.BenchSupport.ChildRun;
import org.perfdesk.bench.BenchSupport.Display;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.GoalTreeRules;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.ProgramInfo;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Rollup;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluation;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.exchange.Exporter;
import org.perfdesk.exchange.Signer;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.Workspaces;
import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.exchange.demo.ProvinceBuilder;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.report.ResultsData;
import org.perfdesk.report.xlsx.ResultsWorkbook;
import org.perfdesk.store.Folders;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code perfdesk bench province}: the province-scale figures, each beside a floor measured in the
 * same run on the same data, with the ratio. Figures that need their own JVM (the import under a
 * heap cap, start-up, the window) run in child processes; window figures need a display (an Xvfb
 * is started when there is none and {@code Xvfb} is installed).
 */
@Command(name = "province", mixinStandardHelpOptions = true,
        description = {"Province-scale benchmark: generate (or reuse) a province and print each figure beside its floor.",
            "省级规模性能测试：生成（或沿用）全省数据，逐项输出实测值、下限值和比值。"})
final class ProvinceBench implements Callable<Integer> {
    static final String MARKER = "province.properties";
    /** The figures {@code --only} can choose. */
    private static final List<String> ONLY_NAMES =
            List.of("export", "evaluation", "workbook", "start", "import-window", "tree-window", "screens");
    private static final List<String> WINDOW_NAMES = List.of("start", "import-window", "tree-window", "screens");

    @Spec
    CommandSpec spec;
    @Option(names = "--units", defaultValue = "100", description = "Units (default 100).")
    int units;
    @Option(names = "--nodes", defaultValue = "2000", description = "Nodes per unit's tree (default 2000).")
    int nodes;
    @Option(names = "--evidence", defaultValue = "10", description = "Evidence files per unit (default 10).")
    int evidenceFiles;
    @Option(names = "--evidence-kb", defaultValue = "100", description = "Size of each evidence file in KB (default 100).")
    int evidenceKb;
    @Option(names = "--seed", defaultValue = "2008", description = "Seed of the generated data (default 2008).")
    long seed;
    @Option(names = "--out", description = "Folder for the province; kept, and reused by a later run with the same size "
            + "and seed. Default: a temporary folder, removed at the end.")
    Path out;
    @Option(names = "--rounds", defaultValue = "5", description = "Rounds of each in-process figure (default 5).")
    int rounds;
    @Option(names = "--tree-nodes", defaultValue = "50000", description = "Nodes of the large tree (default 50000).")
    int treeNodes;
    @Option(names = "--heap", defaultValue = "256m", description = "Heap cap of the import's JVM (default 256m).")
    String heap;
    @Option(names = "--no-window", description = "Skip the figures that need a display.")
    boolean noWindow;
    @Option(names = "--import-only", description = "Only export and import (a national roll-up: --units 1000).")
    boolean importOnly;
    @Option(names = "--suite", defaultValue = "both", description = "Algorithm suite of the province: intl, gm, or both "
            + "(default): every figure under the first, then export, verify, import and key unlock of the same data "
            + "under each, side by side.")
    String suiteChoice;
    @Option(names = "--only", split = ",", description = "Only these figures: export, evaluation, workbook (on the office "
            + "imported by an earlier run in --out, imported once otherwise), start, import-window, tree-window, screens "
            + "(need a display). The province is still generated or reused; the other figures are skipped.")
    Set<String> only;

    private PrintWriter log;
    private final List<BenchSupport.Row> rows = new ArrayList<>();
    /** Per suite: the figures compared side by side. */
    private final Map<Suite, SuiteFigures> bySuite = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        log = spec.commandLine().getOut();
        if (only != null && !ONLY_NAMES.containsAll(only)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--only: " + String.join(", ", ONLY_NAMES) + ", not " + String.join(",", only));
        }
        boolean temporary = out == null;
        Path dir = temporary ? Files.createTempDirectory("perfdesk-province-") : out.toAbsolutePath();
        // Generated keys protect generated data under a published passphrase: a cheap key derivation
        // saves a minute of generating and changes no figure (the export is timed with the key unlocked).
        if (System.getProperty("perfdesk.test.kdfIterations") == null) {
            System.setProperty("perfdesk.test.kdfIterations", "10000");
        }
        String loadAtStart = BenchSupport.load();
        log.println("uptime at the start: " + loadAtStart);
        try {
            List<Suite> suites = suites();
            ProvinceBuilder.Province province = province(provinceDir(dir, suites.get(0)), suites.get(0));
            Path work = dir.resolve("work");
            Folders.deleteQuietly(work);
            Files.createDirectories(work);
            if (only != null && only.contains("export")) {
                export(province, work);
            }
            if (only != null && (only.contains("evaluation") || only.contains("workbook"))) {
                Path imported = importedOnce(province, dir, work);
                if (only.contains("evaluation")) {
                    evaluation(imported);
                }
                if (only.contains("workbook")) {
                    workbook(imported, work);
                }
            }
            SuiteFigures first = new SuiteFigures();
            if (only == null) {
                bySuite.put(suites.get(0), first);
                allButWindows(province, suites, dir, work, first);
            }
            if (!noWindow && !importOnly && (only == null || WINDOW_NAMES.stream().anyMatch(only::contains))) {
                try (Display display = Display.find()) {
                    if (display == null) {
                        notes.add("No display and no Xvfb: start-up and window figures not measured.");
                    } else {
                        if (wanted("start")) {
                            startUp(province, work, display);
                        }
                        if (wanted("import-window")) {
                            uiImport(province, work, display);
                        }
                        if (wanted("screens")) {
                            screens(province, dir, work, display);
                        }
                        if (wanted("tree-window")) {
                            treeWindow(display);
                        }
                    }
                }
            }
            log.println();
            log.printf("Province: %d units × %d nodes, %d quarters, %d evidence files of %d KB, seed %d, %s; "
                    + "Java %s, %d CPUs; uptime %s at the start, %s at the end%n", units, nodes, 4, evidenceFiles,
                    evidenceKb, seed, suites.get(0).id(), System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), loadAtStart, BenchSupport.load());
            log.println();
            log.print(BenchSupport.table(rows));
            if (suites.size() > 1) {
                log.println();
                log.print(suiteTable());
            }
            for (String n : notes) {
                log.println("- " + n);
            }
            log.flush();
            return 0;
        } finally {
            if (temporary) {
                Folders.deleteQuietly(dir);
            }
        }
    }

    /** Every figure that needs no display, in the order the table prints them ({@code --import-only}: the import's). */
    private void allButWindows(ProvinceBuilder.Province province, List<Suite> suites, Path dir, Path work,
                               SuiteFigures first) throws Exception {
        first.exportMs = export(province, work);
        Path imported = importAll(province, work);
        first.importMs = lastImportMs;
        first.packagesMb = lastImportMb;
        first.province = province;
        first.office = imported;
        for (Suite other : suites.subList(1, suites.size())) {
            sameDataUnder(other, dir, work);
        }
        if (suites.size() > 1) {
            verifyAndUnlock(work);
        }
        if (!importOnly) {
            evaluation(imported);
            workbook(imported, work);
            tree(work);
        }
    }

    private boolean wanted(String figure) {
        return only == null || only.contains(figure);
    }

    // ---- the province -----------------------------------------------------------------------

    private List<Suite> suites() {
        return switch (suiteChoice.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "intl", "intl-1" -> List.of(Suite.INTL);
            case "gm", "gm-1" -> List.of(Suite.GM);
            case "both" -> List.of(Suite.INTL, Suite.GM);
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--suite: intl, gm or both, not " + suiteChoice);
        };
    }

    /** Where a suite's province lives: intl-1's in the folder itself (as before suites), another's in a subfolder. */
    private static Path provinceDir(Path dir, Suite suite) {
        return suite == Suite.INTL ? dir : dir.resolve(suite.id());
    }

    private ProvinceBuilder.Province province(Path dir, Suite suite) throws Exception {
        ProvinceBuilder.Size size = new ProvinceBuilder.Size(units, nodes, 4, evidenceFiles, evidenceKb * 1024);
        Properties wanted = new Properties();
        if (suite != Suite.INTL) {
            wanted.setProperty("suite", suite.id());
        }
        wanted.setProperty("units", String.valueOf(units));
        wanted.setProperty("nodes", String.valueOf(nodes));
        wanted.setProperty("evidence", String.valueOf(evidenceFiles));
        wanted.setProperty("evidenceKb", String.valueOf(evidenceKb));
        wanted.setProperty("seed", String.valueOf(seed));
        Path marker = dir.resolve(MARKER);
        if (Files.exists(marker)) {
            Properties found = new Properties();
            try (InputStream in = Files.newInputStream(marker)) {
                found.load(in);
            }
            if (!found.equals(wanted)) {
                throw new org.perfdesk.domain.UserError("error.demo.exists", dir.toString(), MARKER);
            }
            log.printf("reusing the province in %s%n", dir);
            return ProvinceBuilder.existing(dir, size, seed);
        }
        log.printf("generating %d units × %d nodes under %s in %s …%n", units, nodes, suite.id(), dir);
        log.flush();
        long t0 = System.nanoTime();
        Files.createDirectories(dir);
        ProvinceBuilder.Province p = new ProvinceBuilder(size, seed).withSuite(suite).build(dir, ProgramInfo.version());
        try (var o = Files.newOutputStream(marker)) {
            wanted.store(o, "perfdesk bench province");
        }
        log.printf("generated in %.0f s: %d packages, %.0f MB on the stick%n", ms(System.nanoTime() - t0) / 1000,
                p.packages().size(), BenchSupport.mb(BenchSupport.folderSize(p.usb())));
        return p;
    }

    // ---- export -----------------------------------------------------------------------------

    /** The export rows; returns the median of the export to outbox/ (encrypted), in ms. */
    private double export(ProvinceBuilder.Province province, Path work) throws Exception {
        Path unitDir = work.resolve("unit");
        Folders.copyWorkspace(province.unit(0), unitDir);
        List<Double> toStick = new ArrayList<>();
        List<Double> toOutbox = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        long size;
        Path inClearCopy;
        try (Workspace ws = Workspace.open(unitDir)) {
            Signer signer = WorkspaceKeys.unlock(ws, ProvinceBuilder.PASSPHRASE.toCharArray());
            Exporter exporter = new Exporter(ws, signer);
            Path warm = Files.createDirectories(work.resolve("stick-warm"));
            Path written = exporter.exportUnitPackage(PackageKind.ANNUAL, ProvinceBuilder.YEAR, warm, null).file();
            size = Files.size(written);
            // The floor writes the payload as the unit's data is: the entries of the package in the clear.
            Path inClear = exporter.exportUnitPackage(PackageKind.ANNUAL, ProvinceBuilder.YEAR, warm, null, true).file();
            inClearCopy = inClear;
            Map<String, byte[]> entries = entries(inClear);
            // "Warm" means a JVM past its compiling: a few exports still run beside the JIT compilers on the
            // same cores (85–95 ms of C1/C2 CPU per export in exports 3–25). Both sides warm the same count.
            for (int w = 0; w < WARM_UP_EXPORTS; w++) {
                exporter.exportUnitPackage(PackageKind.ANNUAL, ProvinceBuilder.YEAR, null, null);
                floorZip(entries, work.resolve("floor-warm.zip"));
            }
            for (int r = 0; r < rounds; r++) {
                Path stick = Files.createDirectories(work.resolve("stick-" + r));
                toStick.add(time(() -> exporter.exportUnitPackage(PackageKind.ANNUAL, ProvinceBuilder.YEAR, stick, null)));
                toOutbox.add(time(() -> exporter.exportUnitPackage(PackageKind.ANNUAL, ProvinceBuilder.YEAR, null, null)));
                plain.add(time(() -> exporter.exportUnitPackage(PackageKind.ANNUAL, ProvinceBuilder.YEAR, null, null,
                        true)));
                Path zip = work.resolve("floor-" + r + ".zip");
                floor.add(time(() -> floorZip(entries, zip)));
            }
        }
        double f = median(floor);
        // The first export in a fresh JVM (class loading, JIT) against the floor's first run in a fresh JVM.
        List<Double> fresh = new ArrayList<>();
        List<Double> freshFloor = new ArrayList<>();
        for (int r = 0; r < FRESH_RUNS; r++) {
            fresh.add(exportChild(List.of("--workspace", unitDir.toString())));
            freshFloor.add(exportChild(List.of("--floor", inClearCopy.toString(), "--zip",
                    work.resolve("floor-fresh-" + r + ".zip").toString())));
        }
        String floorWhat = String.format("the package's %d entries in the clear (%.1f MB) hashed and written to a plain "
                + "zip (deflate), fsync", entriesCount, entriesBytes / 1048576.0);
        rows.add(BenchSupport.Row.against(String.format("export of one unit's package (%,d nodes, encrypted, %.1f MB "
                + "file) to outbox/, warm (after %d untimed exports; the floor after as many)", nodes, size / 1048576.0,
                WARM_UP_EXPORTS), fmtMs(toOutbox), floorWhat, fmtMs(floor),
                median(toOutbox), f, 1.5));
        rows.add(BenchSupport.Row.against("the same, then copied to the stick and checked there", fmtMs(toStick),
                "the same", fmtMs(floor), median(toStick), f, 1.5));
        rows.add(BenchSupport.Row.against("the same in the clear (export --plain), to outbox/", fmtMs(plain), "the same",
                fmtMs(floor), median(plain), f, 1.5));
        rows.add(BenchSupport.Row.against(String.format("the first export in a fresh JVM (key unlocked first; median of "
                + "%d JVMs), to outbox/", FRESH_RUNS), fmtMs(fresh), "the floor's first run in a fresh JVM", fmtMs(freshFloor),
                median(fresh), median(freshFloor), 2.0));
        return median(toOutbox);
    }

    /** Exports (and floor writes) made and not timed before the warm figures. */
    static final int WARM_UP_EXPORTS = 30;

    /** Fresh JVMs per first-export figure, and as many for its floor. */
    private static final int FRESH_RUNS = 3;

    /** One fresh JVM timing a first export (or its floor); its {@code first_ms}. */
    private double exportChild(List<String> options) throws Exception {
        List<String> args = new ArrayList<>(List.of("bench", "export-first"));
        args.addAll(options);
        ChildRun run = BenchSupport.run(BenchSupport.java(List.of("-Dperfdesk.test.kdfIterations="
                + System.getProperty("perfdesk.test.kdfIterations")), Launcher.class.getName(), args), Map.of(), null, 600);
        String line = run.find("RESULT ");
        if (line == null || run.exitCode() != 0) {
            run.lines().forEach(l -> log.println("  export> " + l));
            throw new IllegalStateException("the export run failed (exit " + run.exitCode() + ")");
        }
        return Double.parseDouble(BenchSupport.figures(line).get("first_ms"));
    }

    private int entriesCount;
    private long entriesBytes;

    private Map<String, byte[]> entries(Path pkg) throws IOException {
        Map<String, byte[]> out = readEntries(pkg);
        entriesCount = out.size();
        entriesBytes = out.values().stream().mapToLong(b -> b.length).sum();
        return out;
    }

    /** A package's entries, by name, as the floor writes them. */
    static Map<String, byte[]> readEntries(Path pkg) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setPath(pkg).get()) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** The floor of an export: hash every entry, write them into a zip (default deflate), force to disk. */
    static void floorZip(Map<String, byte[]> entries, Path target) throws Exception {
        try (FileOutputStream file = new FileOutputStream(target.toFile());
             ZipOutputStream zip = new ZipOutputStream(new java.io.BufferedOutputStream(file, 64 * 1024))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                MessageDigest.getInstance("SHA-256").digest(e.getValue());
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
            file.getChannel().force(true);
        }
    }

    // ---- import -----------------------------------------------------------------------------

    private Path importAll(ProvinceBuilder.Province province, Path work) throws Exception {
        Path office = work.resolve("office");
        Folders.copyWorkspace(province.office(), office);
        int n = province.packages().size();
        log.printf("importing %d packages in a JVM with -Xmx%s …%n", n, heap);
        log.flush();
        Map<String, String> f = importChild(office, province.usb(), List.of());
        double importMs = Double.parseDouble(f.get("import_ms"));
        lastImportMs = importMs;
        lastImportMb = f.get("mb");
        double hashMs = Double.parseDouble(f.get("hash_ms"));
        double counterMs = Double.parseDouble(f.get("rows_sequential_ms"));
        double floor = hashMs + counterMs;
        rows.add(BenchSupport.Row.against(String.format("verify and import of all %s packages (%s MB; %s accepted)",
                f.get("packages"), f.get("mb"), f.get("accepted")),
                String.format("%.1f s (CPU: the JVM's %.1f s, the importing thread's %.1f s)", importMs / 1000,
                        Double.parseDouble(f.get("import_cpu_ms")) / 1000,
                        Double.parseDouble(f.get("import_thread_cpu_ms")) / 1000),
                String.format("reading and SHA-256 of the same files (%.1f s) + %s rows of %s bytes (the rows and bytes the "
                        + "import added) into an empty SQLite db (WAL, synchronous=FULL), one transaction, one prepared "
                        + "statement, counter keys (%.1f s; keyed by random UUIDs %s)",
                        hashMs / 1000, f.get("rows"), f.get("row_bytes"), counterMs / 1000,
                        Double.parseDouble(f.get("rows_ms")) < 0 ? "not measured at this size"
                                : String.format("%.1f s", Double.parseDouble(f.get("rows_ms")) / 1000)),
                String.format("%.1f s", floor / 1000), importMs, floor, 2.0));
        double live = Double.parseDouble(f.get("live_heap_mb"));
        double highest = Double.parseDouble(f.get("peak_heap_mb"));
        rows.add(BenchSupport.Row.limit("heap during that import, JVM run with -Xmx" + heap,
                String.format("most live after a GC %.0f MB; highest use %.0f MB (garbage included)", live, highest),
                "≤ 256 MB", live <= 256 && highest <= 256));
        if (n > 100) {
            // The 100-unit run, measured in the same run on the same machine: the first 100 packages into
            // the office as it was. A national roll-up must cost no more than linear (1,000: ≤ 11×).
            Path office100 = work.resolve("office-100");
            Folders.copyWorkspace(province.office(), office100);
            log.println("importing the first 100 of them the same way …");
            log.flush();
            Map<String, String> f100 = importChild(office100, province.usb(), List.of("--limit", "100", "--no-floor"));
            Folders.deleteQuietly(office100);
            double ms100 = Double.parseDouble(f100.get("import_ms"));
            double linear = ms100 * n / 100;
            rows.add(BenchSupport.Row.against(String.format("the same %d packages against 100 of them (goal for 1,000: "
                            + "≤ 11× the 100-unit run; here ≤ %.1f×)", n, 1.1 * n / 100),
                    String.format("%.1f s = %.2f× the 100-unit run", importMs / 1000, importMs / ms100),
                    String.format("the first 100 packages imported the same way into a copy of the same office "
                            + "(%.1f s), × %d/100", ms100 / 1000, n), String.format("%.1f s", linear / 1000),
                    importMs, linear, 1.1));
        }
        return office;
    }

    /** Runs the import child (its own JVM, capped at {@code --heap}) and returns its RESULT figures. */
    private Map<String, String> importChild(Path office, Path usb, List<String> options) throws Exception {
        List<String> args = new ArrayList<>(List.of("bench", "import", "--workspace", office.toString()));
        args.addAll(options);
        args.add(usb.toString());
        ChildRun run = BenchSupport.run(BenchSupport.java(List.of("-Xmx" + heap), Launcher.class.getName(), args),
                Map.of(), null, 6 * 3600);
        String line = run.find("RESULT ");
        if (line == null || run.exitCode() != 0) {
            run.lines().forEach(l -> log.println("  import> " + l));
            throw new IllegalStateException("the import run failed (exit " + run.exitCode() + ")");
        }
        log.println("  import> " + line); // kept should a later figure fail
        log.flush();
        return BenchSupport.figures(line);
    }

    /** The office after the import, kept in {@code dir} so that {@code --only} runs skip the import. */
    private Path importedOnce(ProvinceBuilder.Province province, Path dir, Path work) throws Exception {
        Path kept = dir.resolve("office-imported");
        if (!Files.isDirectory(kept)) {
            Path imported = importAll(province, work);
            Folders.copyWorkspace(imported, kept);
            return imported;
        }
        Path office = work.resolve("office");
        Folders.copyWorkspace(kept, office);
        return office;
    }

    private double lastImportMs;
    private String lastImportMb;

    // ---- the suites side by side ----------------------------------------------------------------

    /** What is compared between the suites, on the same generated data. */
    private static final class SuiteFigures {
        ProvinceBuilder.Province province;
        Path office;
        double exportMs;
        double importMs;
        String packagesMb;
        final List<Double> verifyMs = new ArrayList<>();
        final List<Double> unlockMs = new ArrayList<>();
    }

    /**
     * The same province (size and seed) under {@code suite}: generated (or reused) beside the first, its
     * export and import measured as the first's were; the rows go to the side-by-side table only.
     */
    private void sameDataUnder(Suite suite, Path dir, Path work) throws Exception {
        ProvinceBuilder.Province p = province(provinceDir(dir, suite), suite);
        Path sw = Files.createDirectories(work.resolve(suite.id()));
        int kept = rows.size();
        SuiteFigures figures = new SuiteFigures();
        figures.province = p;
        figures.exportMs = export(p, sw);
        figures.office = importAll(p, sw);
        figures.importMs = lastImportMs;
        figures.packagesMb = lastImportMb;
        rows.subList(kept, rows.size()).clear(); // the main table is the first suite's
        bySuite.put(suite, figures);
    }

    /**
     * Verifying every package as {@code perfdesk verify} does (signature, listing, sizes; with the office's
     * trust), and unlocking a key file made at the rounds real key files use: the suites take turns, so a
     * busy machine slows both alike.
     */
    private void verifyAndUnlock(Path work) throws Exception {
        Map<Suite, Path> keyWorkspaces = new LinkedHashMap<>();
        String cheap = System.getProperty("perfdesk.test.kdfIterations");
        System.clearProperty("perfdesk.test.kdfIterations");
        try {
            for (Suite s : bySuite.keySet()) {
                Path kw = work.resolve("keys-" + s.id());
                Workspaces.create(kw, new Workspace.Setup(Role.UNIT, new OrgUnit("BENCH", "性能测试单位",
                        OrgKind.DEPARTMENT, "XNB"), ProvinceBuilder.YEAR, "bench"), ProvinceBuilder.PASSPHRASE.toCharArray(),
                        s).workspace().close();
                keyWorkspaces.put(s, kw);
            }
        } finally {
            if (cheap != null) {
                System.setProperty("perfdesk.test.kdfIterations", cheap);
            }
        }
        for (int r = 0; r < rounds + 1; r++) {
            for (Map.Entry<Suite, SuiteFigures> e : bySuite.entrySet()) {
                SuiteFigures f = e.getValue();
                List<Path> files = f.province.packages();
                double v;
                try (Workspace office = Workspace.open(f.office)) {
                    v = time(() -> {
                        var trust = org.perfdesk.exchange.KeyRegistry.trust(office);
                        for (Path file : files) {
                            org.perfdesk.exchange.pkg.PackageReader.read(file, trust,
                                    org.perfdesk.exchange.pkg.Limits.DEFAULT);
                        }
                    });
                }
                double u;
                try (Workspace kw = Workspace.open(keyWorkspaces.get(e.getKey()))) {
                    u = time(() -> WorkspaceKeys.unlock(kw, ProvinceBuilder.PASSPHRASE.toCharArray()));
                }
                if (r > 0) { // the first round loads classes and warms the page cache
                    f.verifyMs.add(v);
                    f.unlockMs.add(u);
                }
            }
        }
    }

    private String suiteTable() {
        List<Suite> suites = new ArrayList<>(bySuite.keySet());
        List<SuiteFigures> f = new ArrayList<>(bySuite.values());
        StringBuilder out = new StringBuilder();
        out.append("Each suite on the same data (").append(units).append(" units × ").append(nodes)
                .append(" nodes, the same seed), medians:\n\n| what |");
        suites.forEach(s -> out.append(' ').append(s.id()).append(" |"));
        out.append(" gm/intl |\n| --- |");
        suites.forEach(s -> out.append(" --- |"));
        out.append(" --- |\n");
        suiteRow(out, "export of one unit's package, encrypted, to outbox/", f.stream().map(x -> x.exportMs).toList());
        suiteRow(out, "verify of every package (signature, listing; as perfdesk verify)",
                f.stream().map(x -> median(x.verifyMs)).toList());
        suiteRow(out, "verify and import of every package (own JVM, -Xmx" + heap + ")",
                f.stream().map(x -> x.importMs).toList());
        suiteRow(out, String.format("key unlock (key file at %,d rounds)", org.perfdesk.exchange.crypto.KeyFile.ITERATIONS),
                f.stream().map(x -> median(x.unlockMs)).toList());
        out.append("| packages on the stick, MB |");
        f.forEach(x -> out.append(' ').append(x.packagesMb).append(" |"));
        out.append(" |\n");
        return out.toString();
    }

    private static void suiteRow(StringBuilder out, String what, List<Double> ms) {
        out.append("| ").append(what).append(" |");
        ms.forEach(v -> out.append(' ').append(v >= 10_000 ? String.format("%.1f s", v / 1000)
                : String.format("%.0f ms", v)).append(" |"));
        out.append(' ').append(ms.size() == 2 ? ratio(ms.get(1), ms.get(0)) : "–").append(" |\n");
    }

    // ---- evaluation and workbook ---------------------------------------------------------------

    private void evaluation(Path office) throws Exception {
        List<Double> eval = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        // CPU times beside the wall clock: on a shared machine they say what the run itself cost. The evaluation
        // uses both cores (a second thread puts units together and scores half of them); the floor, one.
        List<Double> evalThreadCpu = new ArrayList<>();
        List<Double> evalCpu = new ArrayList<>();
        List<Double> floorCpu = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        int[] counted = new int[1];
        try (Workspace ws = Workspace.open(office)) {
            for (int r = 0; r < rounds; r++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long p0 = os.getProcessCpuTime();
                eval.add(time(() -> counted[0] = new Evaluator(ws).evaluate(ProvinceBuilder.YEAR).size()));
                evalThreadCpu.add(BenchSupport.ms(threads.getCurrentThreadCpuTime() - c0));
                evalCpu.add(BenchSupport.ms(os.getProcessCpuTime() - p0));
                long f0 = threads.getCurrentThreadCpuTime();
                floor.add(time(() -> ws.database().read(c -> aggregate(c))));
                floorCpu.add(BenchSupport.ms(threads.getCurrentThreadCpuTime() - f0));
            }
        }
        evaluationMs = median(eval);
        rows.add(BenchSupport.Row.against("evaluation of the year (" + counted[0] + " units ranked)", fmtMs(eval)
                        + String.format(" (CPU: the JVM's %.0f ms, the evaluating thread's %.0f ms)", median(evalCpu),
                        median(evalThreadCpu)),
                "one SQL aggregate over the same rows (nodes ⋈ progress ⋈ self-assessment, grouped by unit)",
                fmtMs(floor) + String.format(" (CPU: %.0f ms)", median(floorCpu)), median(eval), median(floor), 1.5));
    }

    /** The evaluation's median in this run, for the workbook's floor; NaN until measured. */
    private double evaluationMs = Double.NaN;

    private static Object aggregate(Connection c) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT g.unit_code, count(*), "
                + "sum(CAST(g.weight AS REAL) * CAST(p.completion_percent AS REAL) / 100), "
                + "sum(CAST(s.score AS REAL)) FROM goal_node g LEFT JOIN progress p ON p.node_id = g.id "
                + "LEFT JOIN self_assessment s ON s.node_id = g.id WHERE g.year = ? AND g.deleted = 0 "
                + "GROUP BY g.unit_code")) {
            ps.setInt(1, ProvinceBuilder.YEAR);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    private void workbook(Path office, Path work) throws Exception {
        List<Double> book = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        Path xlsx = work.resolve("results-workbook" + ".xlsx");
        int n = Math.max(1, Math.min(rounds, 3));
        try (Workspace ws = Workspace.open(office)) {
            if (Double.isNaN(evaluationMs)) {
                evaluationMs = time(() -> new Evaluator(ws).evaluate(ProvinceBuilder.YEAR));
            }
            for (int r = 0; r < n; r++) {
                book.add(time(() -> ResultsWorkbook.write(ResultsData.load(ws, ProvinceBuilder.YEAR,
                        LocalDate.of(ProvinceBuilder.YEAR + 1, 1, 20)), Texts.current(), xlsx)));
            }
        }
        Map<String, List<List<Object>>> cells = cells(xlsx);
        long count = cells.values().stream().flatMap(List::stream).flatMap(List::stream).filter(v -> v != null).count();
        Path plain = work.resolve("results-bare.xlsx");
        for (int r = 0; r < n; r++) {
            bare.add(time(() -> writeBare(cells, plain)));
        }
        double floor = evaluationMs + median(bare);
        rows.add(BenchSupport.Row.against(String.format("results workbook (%d sheets, %,d cells, %.1f MB), loading the "
                        + "year's material included", cells.size(), count, Files.size(xlsx) / 1048576.0), fmtMs(book),
                String.format("the evaluation (%.1f s) + the same cells (numbers as numbers) written by a bare "
                        + "streaming workbook (POI SXSSF, no styles, fsync: %s)", evaluationMs / 1000, fmtMs(bare)),
                String.format("%.1f s", floor / 1000), median(book), floor, 2.0));
    }

    /** Every sheet's cells by row: a Double for a number cell, the text otherwise. */
    private static Map<String, List<List<Object>>> cells(Path xlsx) throws IOException {
        Map<String, List<List<Object>>> out = new LinkedHashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            for (Sheet sheet : wb) {
                List<List<Object>> rowsOut = new ArrayList<>();
                for (Row row : sheet) {
                    List<Object> values = new ArrayList<>();
                    for (Cell cell : row) {
                        while (values.size() < cell.getColumnIndex()) {
                            values.add(null);
                        }
                        values.add(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                ? (Object) cell.getNumericCellValue() : cell.getStringCellValue());
                    }
                    rowsOut.add(values);
                }
                out.put(sheet.getSheetName(), rowsOut);
            }
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        return out;
    }

    /** The floor of the workbook's writing: the same cells through SXSSF with nothing else, to disk, fsync. */
    private static void writeBare(Map<String, List<List<Object>>> sheets, Path file) throws IOException {
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(
                null, 200, true, false); FileOutputStream fos = new FileOutputStream(file.toFile())) {
            for (Map.Entry<String, List<List<Object>>> e : sheets.entrySet()) {
                Sheet sheet = wb.createSheet(e.getKey());
                int r = 0;
                for (List<Object> values : e.getValue()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v == null) {
                            continue;
                        }
                        if (v instanceof Double d) {
                            row.createCell(c).setCellValue(d);
                        } else {
                            row.createCell(c).setCellValue((String) v);
                        }
                    }
                }
            }
            wb.write(fos);
            fos.getChannel().force(true);
            wb.dispose();
        }
    }

    // ---- the large tree -------------------------------------------------------------------------

    private void tree(Path work) throws Exception {
        List<Double> open = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        try (Workspace ws = Workspace.create(work.resolve("tree"), new Workspace.Setup(Role.UNIT,
                new OrgUnit("BENCH", "性能测试单位", OrgKind.DEPARTMENT, "XNB"), 2008, "bench"))) {
            List<OrgUnit> owners = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                owners.add(new OrgUnit("BENCH-" + i, "处室" + i, OrgKind.DIVISION, "BENCH"));
            }
            ws.orgUnits().saveAll(owners);
            ws.goals().saveAll(BenchCommand.TreeBench.generate(treeNodes));
            for (int r = 0; r < rounds + 1; r++) {
                double o = time(() -> {
                    List<GoalNode> all = ws.goals().findAll("BENCH", 2008);
                    GoalTree t = new GoalTree(all);
                    new GoalTreeRules(2008, null).check(t);
                    new Rollup(t, Map.of());
                });
                double f = time(() -> ws.database().read(c -> rawRows(c)));
                if (r > 0) { // the first round loads classes and warms the page cache
                    open.add(o);
                    floor.add(f);
                }
            }
        }
        rows.add(BenchSupport.Row.info(String.format("opening a %,d-node tree: rows read, tree, rules and roll-up",
                treeNodes), fmtMs(open), "reading the same rows from SQLite (every column, plain JDBC)", fmtMs(floor),
                ratio(median(open), median(floor))));
    }

    private static Object rawRows(Connection c) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM goal_node WHERE unit_code = ? AND year = ?")) {
            ps.setString(1, "BENCH");
            ps.setInt(2, 2008);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= cols; i++) {
                        rs.getString(i);
                    }
                    n++;
                }
            }
            return n;
        }
    }

    // ---- windows ------------------------------------------------------------------------------

    /**
     * JVM start to the first shown window and to the main window laid out, against a minimal JavaFX window,
     * each started as the README says: {@code java -jar perfdesk.jar}, with the class-data archive
     * {@code mvn package} makes beside the jar when there is one; the minimal window then gets an archive of
     * its own, made here from its own start the same way (a class list, then {@code -Xshare:dump}), and both
     * are also measured without archives.
     */
    private void startUp(ProvinceBuilder.Province province, Path work, Display display) throws Exception {
        Path unitDir = work.resolve("unit-window");
        Folders.copyWorkspace(province.unit(0), unitDir);
        Path home = Files.createDirectories(work.resolve("home"));
        Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(jar)) {
            notes.add("Start-up figures not measured: run the bench from target/perfdesk.jar (it starts the jar).");
            return;
        }
        Path archive = jar.resolveSibling("perfdesk.jsa");
        List<String> options = List.of("-Dperfdesk.timing=true", "-Dperfdesk.home=" + home);
        if (Files.isRegularFile(archive)) {
            Path minimalArchive = minimalArchive(jar, work, display);
            startUpRows(jar, unitDir, display, options, archive, minimalArchive);
        }
        startUpRows(jar, unitDir, display, options, null, null);
    }

    private void startUpRows(Path jar, Path unitDir, Display display, List<String> options, Path archive,
                             Path minimalArchive) throws Exception {
        List<Double> app = new ArrayList<>();
        List<Double> shown = new ArrayList<>();
        List<Double> minimal = new ArrayList<>();
        List<String> appOptions = withArchive(options, archive);
        List<String> minimalOptions = withArchive(options, minimalArchive);
        for (int r = 0; r < rounds + 1; r++) {
            ChildRun a = BenchSupport.run(BenchSupport.javaJar(appOptions, jar, List.of("--workspace",
                    unitDir.toString())), display.env(), l -> l.startsWith("workspace shown after"), 120);
            ChildRun m = BenchSupport.run(BenchSupport.javaJarClass(minimalOptions, jar, MinimalWindow.class.getName()),
                    display.env(), l -> l.startsWith("window shown after"), 120);
            Double aw = millis(a.find("window shown after"));
            Double as = millis(a.find("workspace shown after"));
            Double mw = millis(m.find("window shown after"));
            if (aw == null || as == null || mw == null) {
                a.lines().forEach(l -> log.println("  app> " + l));
                m.lines().forEach(l -> log.println("  minimal> " + l));
                throw new IllegalStateException("a window did not report being shown");
            }
            if (r > 0) { // the first pair warms the page cache and the class data
                app.add(aw);
                shown.add(as);
                minimal.add(mw);
            }
        }
        String how = archive == null ? "java -jar, no class-data archive"
                : "java -XX:SharedArchiveFile=" + jar.getParent().getFileName() + "/" + archive.getFileName()
                        + " -jar, the class-data archive mvn package makes";
        String floorWhat = archive == null ? "a minimal JavaFX window (a label), started the same way, no archive"
                : "a minimal JavaFX window (a label), started the same way with a class-data archive of its own "
                        + "(made by the bench from the minimal window's own start)";
        String first = String.format("start to the first shown window, %,d-node workspace (JVM start to shown, Xvfb; %s)",
                nodes, how);
        String main = "start to the workspace's main window laid out (" + how + ")";
        if (archive != null || !rowsHaveArchive()) {
            rows.add(BenchSupport.Row.against(first, fmtMs(app), floorWhat, fmtMs(minimal), median(app),
                    median(minimal), 1.3));
            rows.add(BenchSupport.Row.against(main, fmtMs(shown), floorWhat, fmtMs(minimal), median(shown),
                    median(minimal), 1.8));
        } else { // the goal rows are the archive's, as the program is started; these keep the comparison open
            rows.add(BenchSupport.Row.info(first, fmtMs(app), floorWhat, fmtMs(minimal),
                    BenchSupport.ratio(median(app), median(minimal))));
            rows.add(BenchSupport.Row.info(main, fmtMs(shown), floorWhat, fmtMs(minimal),
                    BenchSupport.ratio(median(shown), median(minimal))));
        }
    }

    private boolean rowsHaveArchive() {
        return rows.stream().anyMatch(r -> r.what().contains("SharedArchiveFile"));
    }

    private static List<String> withArchive(List<String> options, Path archive) {
        List<String> all = new ArrayList<>(options);
        if (archive != null) {
            all.add("-XX:SharedArchiveFile=" + archive);
        }
        return all;
    }

    /** The minimal window's own archive: its start's class list, then -Xshare:dump, as mvn package does for PerfDesk. */
    private Path minimalArchive(Path jar, Path work, Display display) throws Exception {
        Path list = work.resolve("minimal.classlist");
        Path archive = work.resolve("minimal.jsa");
        Files.deleteIfExists(list);
        Files.deleteIfExists(archive);
        BenchSupport.run(BenchSupport.javaJarClass(List.of("-XX:DumpLoadedClassList=" + list), jar,
                MinimalWindow.class.getName()), display.env(), l -> l.startsWith("window shown after"), 120);
        ChildRun dump = BenchSupport.run(BenchSupport.javaJarClass(List.of("-Xshare:dump", "-Xlog:cds=off",
                "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + archive), jar, null), Map.of(), null, 300);
        if (dump.exitCode() != 0 || !Files.isRegularFile(archive)) {
            dump.lines().forEach(l -> log.println("  dump> " + l));
            throw new IllegalStateException("the minimal window's class-data archive was not made");
        }
        return archive;
    }

    private static Double millis(String line) {
        if (line == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("after (\\d+) ms").matcher(line);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    private void uiImport(ProvinceBuilder.Province province, Path work, Display display) throws Exception {
        Path office = work.resolve("office-window");
        Folders.copyWorkspace(province.office(), office);
        log.println("importing every package in the window (preview, then import) …");
        log.flush();
        ChildRun run = BenchSupport.run(BenchSupport.java(List.of("-Dperfdesk.home=" + work.resolve("home")),
                Launcher.class.getName(), List.of("bench", "ui-import", "--workspace", office.toString(),
                        province.usb().toString())), display.env(), null, 3600);
        String line = run.find("RESULT ");
        if (line == null) {
            run.lines().forEach(l -> log.println("  ui-import> " + l));
            throw new IllegalStateException("the window import did not finish");
        }
        Map<String, String> f = BenchSupport.figures(line);
        double longest = Double.parseDouble(f.get("longest_ms"));
        rows.add(BenchSupport.Row.limit(String.format("importing them in the window (收件: preview %.0f s, import %.0f s%s)",
                Double.parseDouble(f.get("preview_ms")) / 1000, Double.parseDouble(f.get("import_ms")) / 1000,
                "true".equals(f.get("warmed_rows")) ? "; after the start's row warm-up" : ""),
                String.format("longest FX-thread pause %.0f ms (%s; the thread ran %s ms of it), %s pauses over 100 ms; "
                        + "most the FX thread worked between two frames: %s ms (%s)", longest, f.get("longest_at"),
                        f.get("longest_cpu_ms"), f.get("over_100"), f.get("most_cpu_ms"), f.get("most_cpu_at")),
                "longest pause ≤ 100 ms", longest <= 100));
    }

    /**
     * Every screen of the office's window opened one after another, on the office after the import (the
     * window import's office when that ran, or one imported here, without a figure, and kept for the next run).
     */
    private void screens(ProvinceBuilder.Province province, Path dir, Path work, Display display) throws Exception {
        Path office = work.resolve("office-window");
        if (!Files.isDirectory(office)) {
            Path imported = dir.resolve("office-imported");
            if (!Files.isDirectory(imported)) {
                Path fresh = dir.resolve("office-importing");
                Folders.deleteQuietly(fresh);
                Folders.copyWorkspace(province.office(), fresh);
                log.println("importing the packages for the screens figure (no figure) …");
                log.flush();
                ChildRun run = BenchSupport.run(BenchSupport.java(List.of(), Launcher.class.getName(),
                        List.of("bench", "import", "--workspace", fresh.toString(), province.usb().toString())),
                        Map.of(), null, 3600);
                if (run.exitCode() != 0) {
                    run.lines().forEach(l -> log.println("  import> " + l));
                    throw new IllegalStateException("the import for the screens figure failed");
                }
                Files.move(fresh, imported);
            }
            office = work.resolve("office-screens");
            Folders.copyWorkspace(imported, office);
        }
        log.println("opening every screen of the office's window …");
        log.flush();
        ChildRun run = BenchSupport.run(BenchSupport.java(List.of("-Dperfdesk.home=" + work.resolve("home")),
                Launcher.class.getName(), List.of("bench", "ui-screens", "--workspace", office.toString())),
                display.env(), null, 1800);
        String line = run.find("RESULT ");
        if (line == null) {
            run.lines().forEach(l -> log.println("  ui-screens> " + l));
            throw new IllegalStateException("the screens run did not finish");
        }
        StringBuilder each = new StringBuilder();
        double mostCpu = 0;
        for (String l : run.lines()) {
            if (l.startsWith("START ")) {
                log.println("  " + l);
            }
            if (l.startsWith("SCREEN ")) {
                log.println("  " + l);
                mostCpu = Math.max(mostCpu, Double.parseDouble(BenchSupport.figures(l).get("most_cpu_ms")));
                Map<String, String> s = BenchSupport.figures(l);
                each.append(each.length() == 0 ? "" : ", ").append(s.get("id")).append(' ')
                        .append(s.get("longest_ms"));
            }
        }
        Map<String, String> f = BenchSupport.figures(line);
        double longest = Double.parseDouble(f.get("longest_ms"));
        rows.add(new BenchSupport.Row(String.format("every screen of the office's window opened in turn (%s screens)",
                f.get("screens")), String.format("longest FX-thread pause %.0f ms (%s); each screen's longest, ms: %s; "
                + "most the FX thread worked between two frames: %.0f ms", longest, f.get("longest_at"), each, mostCpu), "", "", "", "≤ 100 ms " + (longest <= 100 ? "met" : "MISSED")));
    }

    private void treeWindow(Display display) throws Exception {
        ChildRun run = BenchSupport.run(BenchSupport.java(List.of(), Launcher.class.getName(),
                List.of("bench", "tree", "--nodes", String.valueOf(treeNodes), "--rounds", "1", "--window")),
                display.env(), null, 600);
        String first = run.find("window, first load:");
        String again = run.find("window, reload:");
        boolean warmed = "window, rows warmed first as after the program's start: yes".equals(
                run.find("window, rows warmed first"));
        if (first == null) {
            run.lines().forEach(l -> log.println("  tree> " + l));
            notes.add("The goal-tree screen did not show the large tree.");
            return;
        }
        java.util.regex.Matcher pause = java.util.regex.Pattern.compile("pause (\\d+) ms").matcher(first);
        rows.add(BenchSupport.Row.limit(String.format("the goal-tree screen on the %,d-node tree%s", treeNodes,
                warmed ? " (after the start's row warm-up)" : ""),
                first.substring(first.indexOf(':') + 1).trim() + (again == null ? ""
                        : "; reload: " + again.substring(again.indexOf(':') + 1).trim()), "longest pause of the first "
                        + "show ≤ 100 ms", pause.find() && Double.parseDouble(pause.group(1)) <= 100));
    }

    private static String fmtMs(List<Double> v) {
        double m = median(v);
        return m >= 10_000 ? String.format("%.1f s", m / 1000)
                : String.format("%.0f ms (%s)", m, BenchSupport.range(v));
    }
}
