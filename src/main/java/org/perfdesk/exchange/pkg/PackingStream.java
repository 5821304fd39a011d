package org.perfdesk.exchange.pkg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.Deflater;

import org.perfdesk.exchange.crypto.Compression;
import org.perfdesk.exchange.crypto.Suite;

/**
 * An entry of a sealed package (a unit's snapshot) hashed and compressed on a second core while it is
 * written, instead of after: the exporting thread reads rows and writes JSON on one core while the
 * other hashes and deflates what is written so far. The result is what {@link Sealed} would compute
 * from the finished bytes: the plaintext's hash under the suite (for the table of contents) and its raw
 * DEFLATE at {@link Compression#levelFor}'s level, decided on the same first 64 KiB; sealing then only
 * encrypts ({@link Suite#sealDeflated}). The package's format and bytes' meaning are unchanged.
 */
public final class PackingStream extends OutputStream {
    /** The same as {@link Compression}'s sample, so the level is chosen on the same bytes as before. */
    private static final int CHUNK = 64 * 1024;
    private static final byte[] END = new byte[0];

    /** What {@link Sealed} needs of the entry: the plaintext, its hash under {@code suite}, its DEFLATE. */
    public record Packed(Suite suite, byte[] plain, String hash, byte[] deflated) {
    }

    private final Suite suite;
    private final List<byte[]> chunks = new ArrayList<>();
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(1024);
    private final Thread worker;
    private byte[] chunk = new byte[CHUNK];
    private int used;
    private long length;
    private boolean closed;
    // Set by the worker, read after join().
    private String hash;
    private byte[] deflated;
    private Throwable failure;

    public PackingStream(Suite suite) {
        this.suite = suite;
        this.worker = new Thread(this::pack, "perfdesk-packing");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        while (len > 0) {
            int n = Math.min(len, CHUNK - used);
            System.arraycopy(b, off, chunk, used, n);
            used += n;
            off += n;
            len -= n;
            if (used == CHUNK) {
                handOver(chunk);
                chunk = new byte[CHUNK];
                used = 0;
            }
        }
    }

    private void handOver(byte[] full) throws IOException {
        chunks.add(full);
        length += full.length;
        try {
            queue.put(full);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Ends the entry (what is written so far) and lets the worker finish; see {@link #packed}. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (used > 0) {
            handOver(java.util.Arrays.copyOf(chunk, used));
        }
        chunk = null;
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The entry, once the worker has hashed and compressed the last of it. */
    public Packed packed() throws IOException {
        close();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (failure != null) {
            throw new IOException("could not compress the entry", failure);
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("entry too large to hold");
        }
        byte[] plain = new byte[(int) length];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, plain, at, c.length);
            at += c.length;
        }
        return new Packed(suite, plain, hash, deflated);
    }

    /** The worker: hashes and deflates each chunk as it comes. */
    private void pack() {
        MessageDigest digest = suite.newDigest();
        Deflater deflater = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        byte[] buf = new byte[CHUNK];
        long hashed = 0;
        try {
            while (true) {
                byte[] c = queue.take();
                if (c == END) {
                    break;
                }
                if (deflater == null) {
                    // The first chunk is the whole first 64 KiB (or the whole entry): the sample levelFor takes.
                    deflater = new Deflater(Compression.levelFor(c, c.length), true);
                }
                digest.update(c);
                hashed += c.length;
                deflater.setInput(c);
                while (!deflater.needsInput()) {
                    int n = deflater.deflate(buf);
                    out.write(buf, 0, n);
                }
            }
            if (deflater == null) {
                deflater = new Deflater(Deflater.BEST_SPEED, true); // an empty entry, as levelFor says for it
            }
            deflater.finish();
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
            Hashing.counted(hashed);
            hash = Hashing.hex(digest.digest());
            deflated = out.toByteArray();
        } catch (Throwable t) {
            failure = t;
            // Keep taking until the end so the writer never blocks on a full queue.
            try {
                while (queue.take() != END) {
                    // drained
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } finally {
            if (deflater != null) {
                deflater.end();
            }
        }
    }
}
