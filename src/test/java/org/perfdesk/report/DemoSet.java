package org.perfdesk.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.perfdesk.exchange.demo.DemoBuilder;

/**
 * The demo workspaces, built once for all report tests in this JVM (about 2 s) and removed at exit.
 * Tests that save into a workspace use a unit no other test reads: LYT (drafts), DSJ (command line).
 */
public final class DemoSet {
    private static Path dir;

    private DemoSet() {
    }

    public static synchronized Path unit(String code) {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("perfdesk-report-demo");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            DemoBuilder.bundled().build(dir, "test");
            Path built = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(built)));
        }
        return dir.resolve(code);
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
