package org.perfdesk.domain;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Work handed to another thread and waited for where its result is needed. */
public final class OtherThread {
    private OtherThread() {
    }

    /**
     * The result, waited for (an interrupt does not cut the wait short; it stays set); what went wrong on
     * the other thread is thrown here as it was thrown there, so a {@link UserError} stays one.
     */
    public static <T> T result(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
