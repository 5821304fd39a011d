package org.perfdesk.bench;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.GoalTreeRules;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Rollup;
import org.perfdesk.store.Folders;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.TaskRunner;
import org.perfdesk.ui.common.WorkspaceContext;
import org.perfdesk.ui.goaltree.GoalTreeView;
import org.perfdesk.ui.goaltree.GoalTreeViewModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Benchmarks that print numbers (never timed tests): {@code perfdesk bench tree}, {@code perfdesk bench exchange},
 * {@code perfdesk bench crypto},
 * {@code perfdesk bench province}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks: print measured times and memory.", "性能测试：输出实测时间和内存。"},
        subcommands = {BenchCommand.TreeBench.class, ExchangeBench.class, ProvinceBench.class, CryptoBench.class,
            BenchChildren.ImportRun.class, BenchChildren.ExportFirstRun.class, BenchChildren.UiImportRun.class,
            BenchChildren.UiScreensRun.class})
public final class BenchCommand {

    /**
     * Opens a large goal tree: the store's read, the derived data (tree, rules, roll-up), the memory it
     * holds, and with {@code --window} the goal-tree screen on a real window, with the longest pause of
     * the JavaFX thread while it loads (run under Xvfb on a machine without a display).
     */
    @Command(name = "tree", mixinStandardHelpOptions = true,
            description = "Open a large goal tree and print load time, memory and (with --window) FX-thread pauses.")
    static final class TreeBench implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--nodes", defaultValue = "20000", description = "Nodes in the tree (default 20000).")
        int nodes;
        @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds (default 5).")
        int rounds;
        @Option(names = "--window", description = "Also load the goal-tree screen in a window.")
        boolean window;
        private volatile Runnable reload;
        private volatile CountDownLatch reloaded;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = Files.createTempDirectory("perfdesk-bench-");
            try (Workspace ws = Workspace.create(dir.resolve("ws"), new Workspace.Setup(Role.UNIT,
                    new OrgUnit("BENCH", "性能测试单位", OrgKind.DEPARTMENT, "XNB"), 2008, "bench"))) {
                long t0 = System.nanoTime();
                List<OrgUnit> owners = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    owners.add(new OrgUnit("BENCH-" + i, "处室" + i, OrgKind.DIVISION, "BENCH"));
                }
                ws.orgUnits().saveAll(owners);
                ws.goals().saveAll(generate(nodes));
                out.printf("tree of %d nodes written in %.0f ms%n", nodes, ms(System.nanoTime() - t0));

                double[] read = new double[rounds];
                double[] derive = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    long a = System.nanoTime();
                    List<GoalNode> all = ws.goals().findAll("BENCH", 2008);
                    long b = System.nanoTime();
                    GoalTree tree = new GoalTree(all);
                    new GoalTreeRules(2008, null).check(tree);
                    new Rollup(tree, Map.of());
                    long c = System.nanoTime();
                    read[r] = ms(b - a);
                    derive[r] = ms(c - b);
                }
                out.printf("read from SQLite:              median %.0f ms (min %.0f)%n", median(read), min(read));
                out.printf("tree, rules and roll-up:       median %.0f ms (min %.0f)%n", median(derive), min(derive));
                out.printf("heap held by the loaded tree:  %.1f MB%n", heldMegabytes(ws));
                if (window) {
                    windowRun(ws, out);
                }
            } finally {
                Folders.deleteQuietly(dir);
            }
            return 0;
        }

        /** 20 goals, 10 sub-goals each, 10 indicators each, the rest as tasks spread over the indicators. */
        static List<GoalNode> generate(int count) {
            List<GoalNode> out = new ArrayList<>(count);
            List<GoalNode> indicators = new ArrayList<>();
            for (int g = 0; g < 20 && out.size() < count; g++) {
                GoalNode goal = node("g" + g, null, g, NodeKind.GOAL, "目标 " + g, null, "5");
                out.add(goal);
                for (int s = 0; s < 10 && out.size() < count; s++) {
                    GoalNode sub = node(goal.id() + "s" + s, goal.id(), s, NodeKind.SUB_GOAL, "子目标 " + g + "." + s,
                            null, "0.5");
                    out.add(sub);
                    for (int i = 0; i < 10 && out.size() < count; i++) {
                        GoalNode ind = node(sub.id() + "i" + i, sub.id(), i, NodeKind.INDICATOR,
                                "指标 " + g + "." + s + "." + i, "BENCH-" + ((g + s + i) % 50), "0.05");
                        out.add(ind);
                        indicators.add(ind);
                    }
                }
            }
            for (int t = 0; out.size() < count; t++) {
                GoalNode parent = indicators.get(t % indicators.size());
                out.add(node(parent.id() + "t" + t, parent.id(), t / indicators.size(), NodeKind.TASK, "任务 " + t,
                        parent.ownerCode(), null));
            }
            return out;
        }

        private static GoalNode node(String id, String parent, int position, NodeKind kind, String title, String owner,
                                     String weight) {
            Measure measure = kind == NodeKind.INDICATOR
                    ? new Measure.Quantitative(new BigDecimal("100"), new BigDecimal("90"), "%", Direction.HIGHER_BETTER)
                    : null;
            return new GoalNode(id, "BENCH", 2008, parent, position, kind, title, "说明：" + title, owner,
                    "按时保质完成", LocalDate.of(2008, 12, 31), weight == null ? null : new BigDecimal(weight), measure,
                    null, 1, false);
        }

        private static double heldMegabytes(Workspace ws) {
            long before = used();
            List<GoalNode> all = ws.goals().findAll("BENCH", 2008);
            GoalTree tree = new GoalTree(all);
            long after = used();
            if (tree.size() < 0) {
                throw new IllegalStateException(); // keeps the tree alive until measured
            }
            return (after - before) / 1048576.0;
        }

        private static long used() {
            Runtime r = Runtime.getRuntime();
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            return r.totalMemory() - r.freeMemory();
        }

        /** The goal-tree screen in a window: time to the tree shown, and the longest JavaFX pause meanwhile. */
        private void windowRun(Workspace ws, PrintWriter out) throws InterruptedException {
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            out.println("window, rows warmed first as after the program's start: "
                    + (BenchChildren.warmRowsAsAfterStart() ? "yes" : "no"));
            PauseProbe probe = new PauseProbe();
            CountDownLatch shown = new CountDownLatch(1);
            long[] startAndShown = new long[2];
            TaskRunner tasks = new TaskRunner(Throwable::printStackTrace);
            Platform.runLater(() -> {
                GoalTreeViewModel vm = new GoalTreeViewModel(new WorkspaceContext(ws, tasks));
                GoalTreeView view = shownInWindow(vm);
                probe.start();
                vm.treeProperty().addListener((o, a, t) -> {
                    if (t.size() == nodes) {
                        startAndShown[1] = System.nanoTime();
                        shown.countDown();
                        if (reloaded != null) {
                            reloaded.countDown();
                        }
                    }
                });
                reload = view::refresh;
                // Measured from when the (empty) screen is up and settled: the window's own first
                // layout is start-up, not loading.
                loadWhenSettled(view, probe, "first", startAndShown);
            });
            if (!shown.await(120, TimeUnit.SECONDS)) {
                out.println("window: the tree was not shown within 120 s");
                return;
            }
            Thread.sleep(1500); // the frames right after the tree arrives count too
            probe.pause();
            out.printf("window, first load: tree shown after %.0f ms, longest FX-thread pause %.0f ms (the thread "
                    + "worked %.0f ms of it)%n",
                    ms(startAndShown[1] - startAndShown[0]), probe.longestMs(), probe.longestCpuMs());
            out.printf("window, first load's frames the thread worked over 30 ms in (ms@ms after the load began): %s%n",
                    probe.busyFrames());
            // Again, as after switching the year back: the first time also pays for glyphs and classes.
            probe.reset();
            CountDownLatch again = new CountDownLatch(1);
            Platform.runLater(() -> {
                startAndShown[0] = System.nanoTime();
                probe.phase("reload");
                reload.run();
            });
            reloaded = again;
            if (again.await(120, TimeUnit.SECONDS)) {
                Thread.sleep(1500);
                probe.pause();
                out.printf("window, reload:     tree shown after %.0f ms, longest FX-thread pause %.0f ms (the thread "
                        + "worked %.0f ms of it)%n", ms(startAndShown[1] - startAndShown[0]), probe.longestMs(),
                        probe.longestCpuMs());
            }
            // A second screen in a new window, as a person opening the tree again after closing it: what
            // the first load costs beyond this one is the program's first-time work (classes, compiling).
            probe.reset();
            CountDownLatch second = new CountDownLatch(1);
            long[] secondTimes = new long[2];
            Platform.runLater(() -> {
                GoalTreeViewModel vm = new GoalTreeViewModel(new WorkspaceContext(ws, tasks));
                GoalTreeView view = shownInWindow(vm);
                vm.treeProperty().addListener((o, a, t) -> {
                    if (t.size() == nodes) {
                        secondTimes[1] = System.nanoTime();
                        second.countDown();
                    }
                });
                loadWhenSettled(view, probe, "second", secondTimes);
            });
            if (second.await(120, TimeUnit.SECONDS)) {
                Thread.sleep(1500);
                probe.pause();
                out.printf("window, a second screen's first load: tree shown after %.0f ms, longest FX-thread pause "
                        + "%.0f ms (the thread worked %.0f ms of it)%n", ms(secondTimes[1] - secondTimes[0]),
                        probe.longestMs(), probe.longestCpuMs());
            }
            tasks.shutdown();
            Platform.exit();
        }

        /** The goal-tree screen of {@code vm} in a window of its own, the program's styles applied, shown. */
        private static GoalTreeView shownInWindow(GoalTreeViewModel vm) {
            GoalTreeView view = new GoalTreeView(vm);
            Stage stage = new Stage();
            Scene scene = new Scene((javafx.scene.Parent) view.view(), 1366, 768);
            Styles.apply(scene);
            stage.setScene(scene);
            stage.show();
            return view;
        }

        /**
         * Loads the tree into {@code view} a second after it is shown (its own first layout is start-up, not
         * loading), noting the moment in {@code times[0]} and naming the phase for the probe.
         */
        private static void loadWhenSettled(GoalTreeView view, PauseProbe probe, String phase, long[] times) {
            javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
            settle.setOnFinished(e -> {
                times[0] = System.nanoTime();
                probe.phase(phase);
                view.refresh();
            });
            settle.play();
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }

        private static double median(double[] v) {
            double[] c = v.clone();
            Arrays.sort(c);
            return c[c.length / 2];
        }

        private static double min(double[] v) {
            return Arrays.stream(v).min().orElse(0);
        }
    }
}
