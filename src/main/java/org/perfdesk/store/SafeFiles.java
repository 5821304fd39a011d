package org.perfdesk.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files that appear whole or not at all: written to a temporary name beside the target, forced to
 * the device, then renamed. A pulled USB stick or a full disk leaves the old file (or none), never half.
 */
public final class SafeFiles {
    private SafeFiles() {
    }

    /** The temporary name used while writing {@code target}; ignored by readers. */
    public static Path temporaryFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".part");
    }

    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = temporaryFor(target);
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(bytes);
        }
        commit(tmp, target);
    }

    /** Forces {@code tmp} to the device and renames it to {@code target}; removes it on failure. */
    public static void commit(Path tmp, Path target) throws IOException {
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
