package org.perfdesk.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.store.Workspace;

/**
 * The demo office with every unit's packages imported (the state in which the office evaluates),
 * built once per JVM; each test works on a copy of its folder.
 */
public final class DemoOffice {
    private static Path imported;

    private DemoOffice() {
    }

    /** A fresh copy of the imported office in {@code dir} (which must not exist yet). */
    public static synchronized Path copyTo(Path dir) {
        try {
            if (imported == null) {
                Path demo = Files.createTempDirectory("perfdesk-demo-office");
                DemoBuilder.bundled().build(demo, "test");
                try (Workspace office = Workspace.open(demo.resolve("office"))) {
                    new Importer(office, org.perfdesk.exchange.WorkspaceKeys.unlock(office,
                            DemoBuilder.PASSPHRASE.toCharArray())).importAll(List.of(demo.resolve(DemoBuilder.USB_FOLDER)), false);
                }
                imported = demo.resolve("office");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(demo)));
            }
            copy(imported, dir);
            Files.deleteIfExists(dir.resolve("perfdesk.lock"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
