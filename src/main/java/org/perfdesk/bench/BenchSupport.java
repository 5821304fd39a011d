package org.perfdesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/** What the benchmarks share: child JVMs, a display for window figures, heap watching, figures. */
final class BenchSupport {
    private BenchSupport() {
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static double median(List<Double> v) {
        List<Double> c = new ArrayList<>(v);
        c.sort(Comparator.naturalOrder());
        return c.isEmpty() ? Double.NaN : c.get(c.size() / 2);
    }

    static String range(List<Double> v) {
        return String.format("%.0f–%.0f", v.stream().mapToDouble(d -> d).min().orElse(0),
                v.stream().mapToDouble(d -> d).max().orElse(0));
    }

    /** Runs {@code work}, returns milliseconds. */
    static double time(ThrowingRunnable work) throws Exception {
        long t0 = System.nanoTime();
        work.run();
        return ms(System.nanoTime() - t0);
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    // ---- child JVMs -------------------------------------------------------------------------

    /** The command that starts a JVM like this one, with this class path. */
    static List<String> java(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** {@code java -jar JAR ARGS}: the program as the README starts it. */
    static List<String> javaJar(List<String> jvmOptions, Path jar, List<String> args) {
        List<String> cmd = new ArrayList<>(javaOptions(jvmOptions));
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        return cmd;
    }

    /**
     * {@code java -cp JAR MAIN}: the jar's class path (its manifest's lib/ jars), the same as {@code -jar}, so a
     * class-data archive made for one serves the other; {@code mainClass} null for none (-Xshare:dump).
     */
    static List<String> javaJarClass(List<String> jvmOptions, Path jar, String mainClass) {
        List<String> cmd = new ArrayList<>(javaOptions(jvmOptions));
        cmd.add("-cp");
        cmd.add(jar.toString());
        if (mainClass != null) {
            cmd.add(mainClass);
        }
        return cmd;
    }

    private static List<String> javaOptions(List<String> jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.addAll(jvmOptions);
        return cmd;
    }

    /** A child's output lines, and whether it was stopped by {@code stopAt} (else it ended by itself). */
    record ChildRun(List<String> lines, int exitCode, boolean stopped) {
        String find(String prefix) {
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
        }
    }

    /**
     * Runs a child process with stdout and stderr merged, until it ends or prints a line {@code stopAt}
     * accepts (then it is ended), or {@code timeoutSeconds} pass.
     */
    static ChildRun run(List<String> command, Map<String, String> env, Predicate<String> stopAt, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        boolean[] stopped = new boolean[1];
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                    if (stopAt != null && stopAt.test(line) && !stopped[0]) {
                        stopped[0] = true;
                        p.destroy();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "bench-child-output");
        reader.setDaemon(true);
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            lines.add("(ended after " + timeoutSeconds + " s without finishing)");
        }
        reader.join(5000);
        return new ChildRun(new ArrayList<>(lines), p.exitValue(), stopped[0]);
    }

    /** "key=value key=value" after a prefix, as the child commands print their figures. */
    static Map<String, String> figures(String line) {
        Map<String, String> out = new HashMap<>();
        if (line == null) {
            return out;
        }
        for (String part : line.split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return out;
    }

    // ---- a display for the window figures --------------------------------------------------

    /** The display to use: $DISPLAY, or an Xvfb started here (stopped by {@link #close}). */
    static final class Display implements AutoCloseable {
        final String name;
        private final Process xvfb;

        private Display(String name, Process xvfb) {
            this.name = name;
            this.xvfb = xvfb;
        }

        /** Null when there is no display and no Xvfb to start. */
        static Display find() throws IOException, InterruptedException {
            String env = System.getenv("DISPLAY");
            if (env != null && !env.isBlank()) {
                return new Display(env, null);
            }
            Path xvfb = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                    .map(d -> Path.of(d, "Xvfb")).filter(Files::isExecutable).findFirst().orElse(null);
            if (xvfb == null) {
                return null;
            }
            for (int n = 91; n < 120; n++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                    continue;
                }
                Process p = new ProcessBuilder(xvfb.toString(), ":" + n, "-screen", "0", "1366x768x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                for (int i = 0; i < 100 && p.isAlive(); i++) {
                    if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                        return new Display(":" + n, p);
                    }
                    Thread.sleep(50);
                }
                p.destroy();
            }
            return null;
        }

        Map<String, String> env() {
            return Map.of("DISPLAY", name);
        }

        @Override
        public void close() {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    // ---- heap -------------------------------------------------------------------------------

    /**
     * Watches the heap while work runs: the highest use any heap pool reached (garbage included, summed
     * over pools, so an upper bound) and the most that was still live after a garbage collection.
     */
    static final class HeapWatch implements NotificationListener, AutoCloseable {
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private volatile long maxLiveAfterGc;
        private volatile int collections;

        HeapWatch() {
            System.gc();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter e) {
                    e.addNotificationListener(this, null, null);
                    emitters.add(e);
                }
            }
        }

        @Override
        public void handleNotification(Notification n, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            long live = 0;
            for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (pools.stream().anyMatch(p -> p.getName().equals(e.getKey()))) {
                    live += e.getValue().getUsed();
                }
            }
            collections++;
            if (live > maxLiveAfterGc) {
                maxLiveAfterGc = live;
            }
        }

        /** Highest use of the heap pools since the start, summed (garbage included). */
        long peakUsed() {
            return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }

        long maxLiveAfterGc() {
            return maxLiveAfterGc;
        }

        int collections() {
            return collections;
        }

        @Override
        public void close() {
            for (NotificationEmitter e : emitters) {
                try {
                    e.removeNotificationListener(this);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // already gone
                }
            }
        }
    }

    static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    // ---- the table --------------------------------------------------------------------------

    /**
     * One line of the result: a figure beside its floor measured in the same run, the ratio, the goal
     * issue 15 sets for it ("–" when it sets none) and whether it was met. Rows are made with
     * {@link #against}, {@link #limit} or {@link #info}, so the goal and its verdict are worked out in
     * one place.
     */
    record Row(String what, String figure, String floorWhat, String floor, String ratio, String goal, String met) {
        /** A row whose goal and verdict come as one text, "≤ 1.5× met" ({@link #verdict}), or "–". */
        Row(String what, String figure, String floorWhat, String floor, String ratio, String verdict) {
            this(what, figure, floorWhat, floor, ratio, goalOf(verdict), metOf(verdict));
        }

        /** A figure against a floor, with the goal "at most {@code goal} times the floor". */
        static Row against(String what, String figure, String floorWhat, String floor, double figureValue,
                           double floorValue, double goal) {
            double r = floorValue > 0 ? figureValue / floorValue : Double.NaN;
            return new Row(what, figure, floorWhat, floor, BenchSupport.ratio(figureValue, floorValue),
                    String.format("≤ %s×", trim(goal)), Double.isNaN(r) ? "–" : r <= goal ? "met" : "missed");
        }

        /** A figure with a goal of its own (a heap size, a pause), no floor. */
        static Row limit(String what, String figure, String goal, boolean met) {
            return new Row(what, figure, "", "", "", goal, met ? "met" : "missed");
        }

        /** A figure issue 15 sets no goal for, shown beside its floor. */
        static Row info(String what, String figure, String floorWhat, String floor, String ratio) {
            return new Row(what, figure, floorWhat, floor, ratio, "–", "–");
        }

        private static String goalOf(String verdict) {
            String v = verdict.strip();
            int cut = v.lastIndexOf(' ');
            return cut < 0 || !isVerdict(v.substring(cut + 1)) ? v : v.substring(0, cut);
        }

        private static String metOf(String verdict) {
            String v = verdict.strip();
            String last = v.substring(v.lastIndexOf(' ') + 1);
            return isVerdict(last) ? last.toLowerCase(java.util.Locale.ROOT) : "–";
        }

        private static boolean isVerdict(String word) {
            return word.equalsIgnoreCase("met") || word.equalsIgnoreCase("missed");
        }
    }

    private static String trim(double goal) {
        return goal == Math.rint(goal) ? String.format("%.0f", goal) : String.valueOf(goal);
    }

    static String ratio(double figure, double floor) {
        return floor > 0 ? String.format("%.2f×", figure / floor) : "–";
    }

    static String verdict(double ratio, double goal) {
        return String.format("≤ %.1f× %s", goal, ratio <= goal ? "met" : "missed");
    }

    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| what | figure | floor | floor figure | ratio | goal (issue 15) | met |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            out.append("| ").append(String.join(" | ", Arrays.asList(r.what(), r.figure(), r.floorWhat(), r.floor(),
                    r.ratio(), r.goal(), r.met()))).append(" |\n");
        }
        return out.toString();
    }

    /** The machine's load as {@code uptime} prints it (other programs make the figures noisy). */
    static String load() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() == 0 && line.contains("load average")) {
                return line.substring(line.indexOf("load average")).strip();
            }
        } catch (IOException e) {
            // no uptime: the JVM's own figure below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "load unknown" : String.format("load average %.2f", load);
    }

    // ---- files ------------------------------------------------------------------------------

    static long folderSize(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
