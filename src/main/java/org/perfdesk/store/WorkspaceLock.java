package org.perfdesk.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.perfdesk.domain.UserError;

/**
 * Only one process may hold a workspace. The lock is an operating-system file lock, so it goes
 * away by itself when the holding process dies; the file's text says who holds it.
 */
public final class WorkspaceLock implements AutoCloseable {
    public static final String FILE_NAME = "perfdesk.lock";
    /**
     * The locked byte lies far past the owner text: on Windows a lock is mandatory for its range,
     * and a second process must still be able to read who holds the workspace.
     */
    private static final long LOCK_OFFSET = 1L << 30;

    private final FileChannel channel;
    private final FileLock lock;

    private WorkspaceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static WorkspaceLock acquire(Path workspaceDir) {
        Path file = workspaceDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCK_OFFSET, 1, false);
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = readHolder(file);
                channel.close();
                throw new UserError("error.workspace.locked", workspaceDir.toString(), holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(ownerText().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new WorkspaceLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UserError(e, "error.workspace.lockFailed", workspaceDir.toString(), e.getMessage());
        }
    }

    private static String ownerText() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "?";
        }
        String since = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(Instant.now().atZone(ZoneId.systemDefault()));
        return "pid " + ProcessHandle.current().pid() + " @ " + host + ", " + since;
    }

    private static String readHolder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "?" : text;
        } catch (IOException e) {
            return "?";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
