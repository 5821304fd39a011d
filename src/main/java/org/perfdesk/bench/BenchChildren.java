package org.perfdesk.bench;

import static org.perfdesk.bench.BenchSupport.mb;
import static org.perfdesk.bench.BenchSupport.ms;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.perfdesk.app.Preload;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.demo.ProvinceBuilder;
import org.perfdesk.exchange.pkg.Hashing;
import org.perfdesk.store.Folders;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.TaskRunner;
import org.perfdesk.ui.common.WorkspaceContext;
import org.perfdesk.ui.exchange.InboxView;
import org.perfdesk.ui.settings.SettingsView;
import org.perfdesk.ui.shell.MainWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The parts of {@code bench province} that run in a JVM of their own; each prints one RESULT line. */
final class BenchChildren {
    private BenchChildren() {
    }

    /** Starts JavaFX as a window start does (with the preloading) and waits until it runs. */
    private static void startFx() throws InterruptedException {
        Preload.start();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
    }

    /**
     * What the window does once after start before anyone reaches a screen (RowWarmUp, after the main
     * window is shown): done here too, so a screen measured in a bare JVM meets what it meets in the
     * program. Waits for it to end; true if it ran (false with {@code -Dperfdesk.warmRows=false}).
     */
    static boolean warmRowsAsAfterStart() throws InterruptedException {
        CountDownLatch warmed = new CountDownLatch(1);
        Platform.runLater(() -> org.perfdesk.ui.common.RowWarmUp.start(warmed::countDown));
        warmed.await();
        Thread.sleep(300); // the frames after it are not the screen's
        return org.perfdesk.ui.common.RowWarmUp.done();
    }

    /**
     * Imports every package of a folder and prints the time, the heap, and the floor measured in the
     * same JVM: reading and hashing the same files, and inserting as many rows of as many bytes as
     * the import added into an empty database.
     */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a folder of packages into a workspace, print time, heap and floor (part of bench province).")
    static final class ImportRun implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, description = "The workspace to import into (it is changed).")
        Path workspace;
        @Parameters(paramLabel = "FOLDER")
        Path packages;
        @Option(names = "--limit", description = "Import only the first N packages (by file name: units in order).")
        Integer limit;
        @Option(names = "--no-floor", description = "Measure the import only, not the floor.")
        boolean noFloor;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<Path> files = Importer.expand(List.of(packages));
            if (limit != null && limit < files.size()) {
                files = List.copyOf(files.subList(0, limit));
            }
            long bytes = 0;
            byte[] buf = new byte[1 << 16];
            // Both the floor and the import read from the page cache.
            for (Path f : files) {
                bytes += Files.size(f);
                try (InputStream in = Files.newInputStream(f)) {
                    while (in.read(buf) > 0) {
                        // discard
                    }
                }
            }
            long h0 = System.nanoTime();
            for (Path f : files) {
                Hashing.sha256(f);
            }
            double hashMs = ms(System.nanoTime() - h0);

            long rowsBefore;
            long bytesBefore;
            long rowsAfter;
            long bytesAfter;
            double importMs;
            double importCpuMs;
            double importThreadCpuMs;
            int accepted = 0;
            long peak;
            long live;
            try (Workspace ws = Workspace.open(workspace)) {
                rowsBefore = rows(ws);
                bytesBefore = dbBytes(ws);
                // The office's keys open the encrypted packages; unlocking them is not part of the figure.
                org.perfdesk.exchange.Signer keys = org.perfdesk.exchange.WorkspaceKeys.unlock(ws,
                        ProvinceBuilder.PASSPHRASE.toCharArray());
                try (BenchSupport.HeapWatch heap = new BenchSupport.HeapWatch()) {
                    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                    long c0 = threads.getCurrentThreadCpuTime();
                    long p0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    // The reports are counted as they come and not kept: a national roll-up is 1,000 of them.
                    int[] ok = {0};
                    new Importer(ws, keys).importEach(files, r -> {
                        if (r.accepted()) {
                            ok[0]++;
                        } else {
                            out.println("not accepted: " + r.file() + ": " + r.message());
                        }
                    });
                    accepted = ok[0];
                    importMs = ms(System.nanoTime() - t0);
                    importThreadCpuMs = ms(threads.getCurrentThreadCpuTime() - c0);
                    importCpuMs = ms(os.getProcessCpuTime() - p0);
                    peak = heap.peakUsed();
                    live = heap.maxLiveAfterGc();
                }
                rowsAfter = rows(ws);
                bytesAfter = dbBytes(ws);
            }
            long rows = Math.max(1, rowsAfter - rowsBefore);
            int rowBytes = (int) Math.max(1, (bytesAfter - bytesBefore) / rows);
            double rowsMs = 0;
            double sequentialMs = 0;
            if (!noFloor) {
                Path tmp = Files.createTempDirectory("perfdesk-floor-");
                try {
                    // Random keys beyond a few million rows take longer than the import itself: shown for
                    // a province, left out for a national roll-up (the goal is against counter keys).
                    rowsMs = rows <= 2_500_000 ? insertRows(tmp.resolve("floor.db"), rows, rowBytes, true) : -1;
                    sequentialMs = insertRows(tmp.resolve("floor-sequential.db"), rows, rowBytes, false);
                } finally {
                    Folders.deleteQuietly(tmp);
                }
            }
            out.printf("RESULT packages=%d accepted=%d mb=%.0f import_ms=%.0f import_cpu_ms=%.0f import_thread_cpu_ms=%.0f "
                    + "hash_ms=%.0f rows=%d row_bytes=%d rows_ms=%.0f rows_sequential_ms=%.0f peak_heap_mb=%.0f "
                    + "live_heap_mb=%.0f max_heap_mb=%.0f%n",
                    files.size(), accepted, mb(bytes), importMs, importCpuMs, importThreadCpuMs, hashMs, rows, rowBytes,
                    rowsMs,
                    sequentialMs, mb(peak), mb(live), mb(Runtime.getRuntime().maxMemory()));
            out.flush();
            return accepted == files.size() ? 0 : 1;
        }

        private static long rows(Workspace ws) {
            return ws.database().read(c -> {
                List<String> tables = new ArrayList<>();
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                long n = 0;
                for (String t : tables) {
                    try (Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
                        n += rs.next() ? rs.getLong(1) : 0;
                    }
                }
                return n;
            });
        }

        private static long dbBytes(Workspace ws) {
            return ws.database().read(c -> {
                try (Statement s = c.createStatement()) {
                    long pages;
                    long size;
                    try (ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                        pages = rs.next() ? rs.getLong(1) : 0;
                    }
                    try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                        size = rs.next() ? rs.getLong(1) : 0;
                    }
                    return pages * size;
                }
            });
        }

        /**
         * The floor's database part: as the workspace is set up (WAL, synchronous=FULL), one transaction,
         * one prepared statement; keyed by UUIDs in no particular order as the workspace's rows are
         * ({@code uuidKeys}), or by a plain counter (the cheapest case SQLite has).
         */
        static double insertRows(Path file, long rows, int rowBytes, boolean uuidKeys) throws Exception {
            String payload = "x".repeat(rowBytes);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode = WAL");
                    s.execute("PRAGMA synchronous = FULL");
                    s.execute(uuidKeys ? "CREATE TABLE r(id TEXT PRIMARY KEY, v TEXT)"
                            : "CREATE TABLE r(id INTEGER PRIMARY KEY, v TEXT)");
                }
                long t0 = System.nanoTime();
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO r(id, v) VALUES(?, ?)")) {
                    for (long i = 0; i < rows; i++) {
                        if (uuidKeys) {
                            ps.setString(1, java.util.UUID.nameUUIDFromBytes(Long.toString(i).getBytes()).toString());
                        } else {
                            ps.setLong(1, i + 1);
                        }
                        ps.setString(2, payload);
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return ms(System.nanoTime() - t0);
            }
        }
    }

    /**
     * The first export of a unit's package in this JVM (the workspace opened and the key unlocked
     * before the clock starts, as a person unlocks before exporting), or with {@code --floor} the
     * floor's first run in a JVM of its own: the entries of a package in the clear hashed and written
     * to a plain zip. Prints {@code RESULT first_ms=…}.
     */
    @Command(name = "export-first", mixinStandardHelpOptions = true,
            description = "Time the first export (or its floor) in a fresh JVM (part of bench province).")
    static final class ExportFirstRun implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", description = "The unit's workspace (a package is added to its outbox).")
        Path workspace;
        @Option(names = "--floor", description = "Time the floor instead: this package's entries in the clear, "
                + "hashed and zipped to --zip.")
        Path floorPackage;
        @Option(names = "--zip", description = "Where the floor writes its zip.")
        Path zip;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            double firstMs;
            // CPU beside the time: on a shared machine the time says little, the exporting thread's CPU more.
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long c0;
            long p0;
            if (floorPackage != null) {
                java.util.Map<String, byte[]> entries = ProvinceBench.readEntries(floorPackage);
                c0 = threads.getCurrentThreadCpuTime();
                p0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                ProvinceBench.floorZip(entries, zip);
                firstMs = ms(System.nanoTime() - t0);
            } else {
                try (Workspace ws = Workspace.open(workspace)) {
                    org.perfdesk.exchange.Signer signer = org.perfdesk.exchange.WorkspaceKeys.unlock(ws,
                            ProvinceBuilder.PASSPHRASE.toCharArray());
                    org.perfdesk.exchange.Exporter exporter = new org.perfdesk.exchange.Exporter(ws, signer);
                    c0 = threads.getCurrentThreadCpuTime();
                    p0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    exporter.exportUnitPackage(org.perfdesk.exchange.pkg.PackageKind.ANNUAL, ProvinceBuilder.YEAR,
                            null, null);
                    firstMs = ms(System.nanoTime() - t0);
                }
            }
            double threadCpuMs = ms(threads.getCurrentThreadCpuTime() - c0);
            double cpuMs = ms(os.getProcessCpuTime() - p0);
            out.printf("RESULT first_ms=%.1f thread_cpu_ms=%.1f cpu_ms=%.1f%n", firstMs, threadCpuMs, cpuMs);
            out.flush();
            return 0;
        }
    }

    /**
     * Imports every package of a folder the way a person does in the window (收件: preview, then import)
     * and prints the longest pause of the JavaFX thread meanwhile. Needs a display.
     */
    @Command(name = "ui-import", mixinStandardHelpOptions = true,
            description = "Import a folder of packages in the window, print FX-thread pauses (part of bench province).")
    static final class UiImportRun implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, description = "The office workspace (it is changed).")
        Path workspace;
        @Parameters(paramLabel = "FOLDER")
        Path packages;

        private final PauseProbe probe = new PauseProbe();

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            startFx();
            boolean warmedRows = warmRowsAsAfterStart();
            TaskRunner tasks = new TaskRunner(Throwable::printStackTrace);
            try (Workspace ws = Workspace.open(workspace)) {
                WorkspaceContext ctx = new WorkspaceContext(ws, tasks);
                ctx.unlock(ProvinceBuilder.PASSPHRASE.toCharArray());
                AtomicReference<InboxView> view = new AtomicReference<>();
                AtomicReference<Scene> scene = new AtomicReference<>();
                CountDownLatch imported = new CountDownLatch(1);
                onFx(() -> {
                    InboxView v = new InboxView(ctx);
                    view.set(v);
                    Stage stage = new Stage();
                    Scene sc = new Scene((Parent) v.view(), 1366, 768);
                    Styles.apply(sc);
                    scene.set(sc);
                    stage.setScene(sc);
                    stage.show();
                    ctx.lastSaveProperty().addListener((o, a, b) -> imported.countDown());
                    probe.start();
                });
                Thread.sleep(1500); // the window settles; its first layout is start-up, not importing
                probe.phase("preview");
                long p0 = System.nanoTime();
                onFx(() -> view.get().preview(List.of(packages)));
                Button commit = (Button) onFxGet(() -> scene.get().lookup("#import-commit"));
                while (onFxGet(commit::isDisabled)) {
                    Thread.sleep(50);
                }
                double previewMs = ms(System.nanoTime() - p0);
                probe.phase("preview-shown");
                Thread.sleep(1000);
                probe.phase("import");
                long i0 = System.nanoTime();
                onFx(commit::fire);
                if (!imported.await(3600, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the import did not finish");
                }
                double importMs = ms(System.nanoTime() - i0);
                probe.phase("import-shown");
                Thread.sleep(1500);
                probe.pause();
                out.printf("RESULT preview_ms=%.0f import_ms=%.0f longest_ms=%.0f longest_cpu_ms=%.0f longest_at=%s "
                        + "over_100=%d most_cpu_ms=%.0f most_cpu_at=%s warmed_rows=%s%n", previewMs, importMs,
                        probe.longestMs(), probe.longestCpuMs(), probe.longestAt(), probe.over100(), probe.mostCpuMs(),
                        probe.mostCpuAt(), warmedRows);
                out.flush();
            } finally {
                tasks.shutdown();
                Platform.exit();
            }
            return 0;
        }

        static void onFx(Runnable r) throws InterruptedException {
            onFxGet(() -> {
                r.run();
                return null;
            });
        }

        static <T> T onFxGet(java.util.function.Supplier<T> s) throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<T> result = new AtomicReference<>();
            AtomicReference<RuntimeException> error = new AtomicReference<>();
            Platform.runLater(() -> {
                try {
                    result.set(s.get());
                } catch (RuntimeException e) {
                    error.set(e);
                } finally {
                    done.countDown();
                }
            });
            if (!done.await(600, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the JavaFX thread did not answer in 600 s");
            }
            if (error.get() != null) {
                throw error.get();
            }
            return result.get();
        }
    }
    /**
     * Opens every screen of a workspace's main window one after another, as a person going down the
     * navigation does, and prints each screen's longest pause of the JavaFX thread from the click until
     * its data is shown and a second has passed. Needs a display.
     */
    @Command(name = "ui-screens", mixinStandardHelpOptions = true,
            description = "Open every screen of a workspace in the window, print each one's longest FX-thread pause "
                    + "(part of bench province).")
    static final class UiScreensRun implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, description = "The workspace (opened, not changed).")
        Path workspace;
        @Option(names = "--rounds", defaultValue = "1", description = "Windows opened one after another, each going "
                + "through every screen (default 1); the figure is the first's, later ones show what is first-time cost.")
        int rounds;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            startFx();
            TaskRunner tasks = new TaskRunner(Throwable::printStackTrace);
            PauseProbe probe = new PauseProbe();
            try (Workspace ws = Workspace.open(workspace)) {
                WorkspaceContext ctx = new WorkspaceContext(ws, tasks);
                ctx.unlock(ProvinceBuilder.PASSPHRASE.toCharArray());
                AtomicReference<javafx.scene.control.ListView<?>> nav = new AtomicReference<>();
                AtomicReference<Stage> window = new AtomicReference<>();
                double worst = 0;
                String worstAt = "";
                int count = 0;
                for (int round = 1; round <= rounds; round++) {
                    CountDownLatch warmed = new CountDownLatch(1);
                    UiImportRun.onFx(() -> {
                        if (window.get() != null) {
                            window.get().close();
                        }
                        MainWindow main = new MainWindow(ctx, new SettingsView.Actions(l -> { }, () -> { }, p -> { }));
                        main.warmScreensLater(warmed::countDown); // as the shell does
                        Stage stage = new Stage();
                        Scene sc = new Scene(main.root(), 1366, 768);
                        Styles.apply(sc);
                        stage.setScene(sc);
                        stage.show();
                        window.set(stage);
                        nav.set((javafx.scene.control.ListView<?>) sc.lookup("#nav"));
                        probe.start();
                    });
                    probe.reset();
                    probe.phase("start");
                    count = UiImportRun.onFxGet(() -> nav.get().getItems().size());
                    // The first screen, the window's first layout and the screens warmed after start (a
                    // second, then one every 150 ms or so) are start-up: printed, not part of the figure.
                    if (!warmed.await(300, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the screens were not warmed in 300 s");
                    }
                    settle(tasks, 1000);
                    probe.pause();
                    out.printf("START round=%d longest_ms=%.0f longest_cpu_ms=%.0f over_100=%d busy_frames=%s%n", round,
                            probe.longestMs(), probe.longestCpuMs(), probe.over100(), probe.busyFrames());
                    for (int i = 1; i < count; i++) { // the first screen is shown at start (start-up figure)
                        int index = i;
                        String id = UiImportRun.onFxGet(() -> {
                            Object entry = nav.get().getItems().get(index);
                            return entry instanceof org.perfdesk.ui.shell.NavEntry n ? n.id() : String.valueOf(entry);
                        });
                        probe.reset();
                        probe.phase(id);
                        long t0 = System.nanoTime();
                        UiImportRun.onFx(() -> nav.get().getSelectionModel().select(index));
                        settle(tasks, 1000);
                        probe.pause();
                        out.printf("SCREEN round=%d id=%s loaded_ms=%.0f longest_ms=%.0f longest_cpu_ms=%.0f over_100=%d "
                                + "most_cpu_ms=%.0f busy_frames=%s%n", round, id, ms(lastLoaded - t0), probe.longestMs(),
                                probe.longestCpuMs(), probe.over100(), probe.mostCpuMs(), probe.busyFrames());
                        out.flush();
                        if (round == 1 && probe.longestMs() > worst) { // the first round is what a person sees
                            worst = probe.longestMs();
                            worstAt = id;
                        }
                    }
                }
                out.printf("RESULT screens=%d longest_ms=%.0f longest_at=%s%n", count - 1, worst, worstAt);
                out.flush();
                UiImportRun.onFx(probe::stop);
            } finally {
                tasks.shutdown();
                Platform.exit();
            }
            return 0;
        }

        private long lastLoaded;

        /** Waits until the background work the screen started is done, then {@code thenMs} more. */
        private void settle(TaskRunner tasks, long thenMs) throws InterruptedException {
            Thread.sleep(50);
            while (UiImportRun.onFxGet(() -> tasks.runningProperty().get())) {
                Thread.sleep(20);
            }
            lastLoaded = System.nanoTime();
            Thread.sleep(thenMs);
        }
    }
}
