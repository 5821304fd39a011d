package org.perfdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole folders: copying a workspace (benchmarks, tests) and removing scratch folders. */
public final class Folders {
    private Folders() {
    }

    /**
     * Copies a closed workspace's folder (or any folder) into {@code to}, leaving out the lock file, so
     * the copy opens as a workspace of its own.
     */
    public static void copyWorkspace(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals(WorkspaceLock.FILE_NAME)) {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Removes a scratch folder as far as it can; what is left behind is harmless, so nothing is thrown. */
    public static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch folder left behind is harmless
        }
    }
}
