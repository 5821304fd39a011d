package org.perfdesk.exchange.pkg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent pieces of a package's work (sealing, opening and hashing its entries) on every core.
 * Results come back in the tasks' order, and so does failure: the first task in order that failed is the
 * one whose exception is thrown, so a package is refused with the same code whatever finished first.
 * One task, or one core, runs on the caller's thread.
 */
final class Parallel {
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, THREADS), r -> {
        Thread t = new Thread(r, "perfdesk-package-work");
        t.setDaemon(true);
        return t;
    });

    private Parallel() {
    }

    /** A piece of work; may throw a {@link PackageException} (or any runtime exception) to refuse. */
    @FunctionalInterface
    interface Task<T> {
        T call() throws java.io.IOException;
    }

    /**
     * Tasks handed over one at a time while the caller goes on with the next piece (unpacking the next
     * entry while the last one is hashed). {@link #results} and {@link #failBefore} keep the order rule:
     * a failure of an earlier task wins over a later one and over the caller's own later failure.
     * Small pieces run on the caller's thread: handing them over would cost more than it saves.
     */
    static final class InOrder<T> {
        private final List<Future<T>> futures = new ArrayList<>();

        void submit(Task<T> task, long bytes) {
            if (THREADS <= 1 || bytes < HAND_OVER) {
                java.util.concurrent.CompletableFuture<T> done = new java.util.concurrent.CompletableFuture<>();
                try {
                    done.complete(task.call());
                } catch (java.io.IOException | RuntimeException e) {
                    done.completeExceptionally(e);
                }
                futures.add(done);
            } else {
                futures.add(POOL.submit(task::call));
            }
        }

        /** Every result in order, or the first failure in order. */
        List<T> results() throws java.io.IOException {
            List<T> out = new ArrayList<>(futures.size());
            try {
                for (Future<T> f : futures) {
                    out.add(f.get());
                }
                return out;
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                throw rethrow(e.getCause());
            } catch (InterruptedException e) {
                futures.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        /**
         * The caller failed with {@code later} after the tasks handed over so far: an earlier task's failure
         * is thrown instead, else {@code later}.
         */
        RuntimeException failBefore(RuntimeException later) throws java.io.IOException {
            results();
            return later;
        }
    }

    /** Below this many bytes a piece of work runs on the caller's thread. */
    private static final long HAND_OVER = 256 * 1024;

    private static java.io.IOException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        if (cause instanceof java.io.IOException io) {
            return io;
        }
        throw new IllegalStateException(cause);
    }

    /** Every task at once (on the pool unless there is one task or one core); results and failure in order. */
    static <T> List<T> run(List<Task<T>> tasks) throws java.io.IOException {
        InOrder<T> all = new InOrder<>();
        long size = tasks.size() <= 1 ? 0 : Long.MAX_VALUE; // the size decides where InOrder runs a task
        for (Task<T> t : tasks) {
            all.submit(t, size);
        }
        return all.results();
    }
}
