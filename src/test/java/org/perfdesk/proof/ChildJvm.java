package org.perfdesk.proof;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * PerfDesk's command line in a JVM of its own (the class path of the tests), to be killed with
 * {@link Process#destroyForcibly()} at a chosen moment: after the k-th database statement (the store's
 * statement hook, switched on by a system property) or after some time.
 */
final class ChildJvm {
    static final String STOPPED = "perfdesk-test: stopped after statement ";
    static final String STATEMENT = "perfdesk-test: statement ";

    private ChildJvm() {
    }

    /** How a run ended. */
    record Run(List<String> output, boolean killed, Integer exitCode, long statementsSeen, long millis,
               long firstStatementMillis) {
        String text() {
            return String.join("\n", output);
        }
    }

    static List<String> command(Map<String, String> properties, List<String> args) {
        return command(List.of(), properties, args);
    }

    /** @param jvmOptions e.g. {@code -Xmx256m} */
    static List<String> command(List<String> jvmOptions, Map<String, String> properties, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1"); // short runs: start fast, as a user's first action would
        cmd.add("-Dfile.encoding=UTF-8");
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        String cp = System.getProperty("surefire.test.class.path");
        cmd.add(cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path"));
        cmd.add("org.perfdesk.app.Launcher");
        cmd.addAll(args);
        return cmd;
    }

    /** Runs to the end. */
    static Run run(Map<String, String> properties, Map<String, String> env, List<String> args) throws Exception {
        return run(List.of(), properties, env, args, -1, -1);
    }

    /** Runs to the end in a JVM started with these options. */
    static Run run(List<String> jvmOptions, Map<String, String> properties, Map<String, String> env, List<String> args)
            throws Exception {
        return run(jvmOptions, properties, env, args, -1, -1);
    }

    /**
     * Runs until it prints the stop line (then it is killed), or, when {@code killAfterMillis} ≥ 0,
     * until that long after the first statement it reports, or until it ends by itself.
     */
    static Run run(Map<String, String> properties, Map<String, String> env, List<String> args, long stopAfter,
                   long killAfterMillis) throws Exception {
        return run(List.of(), properties, env, args, stopAfter, killAfterMillis);
    }

    private static Run run(List<String> jvmOptions, Map<String, String> properties, Map<String, String> env,
                           List<String> args, long stopAfter, long killAfterMillis) throws Exception {
        java.util.Map<String, String> props = new java.util.LinkedHashMap<>(properties);
        if (stopAfter > 0) {
            props.put("perfdesk.test.stopAfterStatement", String.valueOf(stopAfter));
        }
        if (killAfterMillis >= 0) {
            props.put("perfdesk.test.traceStatements", "true");
        }
        ProcessBuilder pb = new ProcessBuilder(command(jvmOptions, props, args)).redirectErrorStream(true);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch firstStatement = new CountDownLatch(1);
        long[] seen = new long[1];
        long[] first = new long[1];
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith(STATEMENT)) {
                        seen[0] = Long.parseLong(line.substring(STATEMENT.length()).trim());
                        if (first[0] == 0) {
                            first[0] = System.nanoTime();
                        }
                        firstStatement.countDown();
                        continue;
                    }
                    lines.add(line);
                    if (line.startsWith(STOPPED)) {
                        stopped.countDown();
                    }
                }
            } catch (IOException ignored) {
                // killed
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        boolean killed = false;
        if (stopAfter > 0) {
            while (p.isAlive() && !stopped.await(50, TimeUnit.MILLISECONDS)) {
                // wait for the stop line or the end
            }
            if (stopped.getCount() == 0) {
                p.destroyForcibly();
                killed = true;
            }
        } else if (killAfterMillis >= 0) {
            while (p.isAlive() && !firstStatement.await(10, TimeUnit.MILLISECONDS)) {
                // wait for the workspace to open
            }
            if (p.isAlive()) {
                if (killAfterMillis > 0) {
                    p.waitFor(killAfterMillis, TimeUnit.MILLISECONDS);
                }
                if (p.isAlive()) {
                    p.destroyForcibly();
                    killed = true;
                }
            }
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            throw new IllegalStateException("child did not end in 300 s: " + String.join("\n", lines));
        }
        reader.join(5000);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Run(new ArrayList<>(lines), killed, killed ? null : p.exitValue(), seen[0], millis,
                first[0] == 0 ? -1 : (first[0] - t0) / 1_000_000);
    }
}
