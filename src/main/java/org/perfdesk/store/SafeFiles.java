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

    /**
     * Several files, each whole or not at all as {@link #writeAtomically} writes one: all written to
     * their temporary names, then forced to the device together (the file system's journal commits the
     * flushes as one group instead of one after the other: an import's ten evidence files cost about
     * one flush, not ten), then renamed. When one fails, the temporary files are removed and the error
     * is thrown; targets renamed before it stay (each is whole).
     */
    public static void writeAllAtomically(java.util.Map<Path, byte[]> files) throws IOException {
        if (files.size() <= 1) {
            for (java.util.Map.Entry<Path, byte[]> e : files.entrySet()) {
                writeAtomically(e.getKey(), e.getValue());
            }
            return;
        }
        java.util.List<Path> tmps = new java.util.ArrayList<>();
        try {
            for (java.util.Map.Entry<Path, byte[]> e : files.entrySet()) {
                Path tmp = temporaryFor(e.getKey());
                Files.createDirectories(e.getKey().toAbsolutePath().getParent());
                tmps.add(tmp);
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    out.write(e.getValue());
                }
            }
            java.util.List<java.util.concurrent.Future<Void>> forced = new java.util.ArrayList<>();
            for (Path tmp : tmps) {
                forced.add(FLUSHERS.submit(() -> {
                    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<Void> f : forced) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException ex) {
                    throw ex.getCause() instanceof IOException io ? io : new IOException(ex.getCause());
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while forcing files to disk");
                }
            }
            int i = 0;
            for (Path target : files.keySet()) {
                move(tmps.get(i++), target);
            }
        } catch (IOException | RuntimeException e) {
            for (Path tmp : tmps) {
                Files.deleteIfExists(tmp);
            }
            throw e;
        }
    }

    /** Threads that wait for the device on behalf of {@link #writeAllAtomically}; idle ones end after a minute. */
    private static final java.util.concurrent.ExecutorService FLUSHERS = new java.util.concurrent.ThreadPoolExecutor(
            0, 16, 60, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "perfdesk-flush");
                t.setDaemon(true);
                return t;
            }, new java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy());

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
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
