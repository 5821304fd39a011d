package org.perfdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The one place where slow work leaves the JavaFX thread: one background thread, the running task's
 * title and progress for the status bar, cancel, and errors shown as messages.
 */
public final class TaskRunner {
    /** How long closing the window waits for queued work (saves take milliseconds; an import may not). */
    private static final int FINISH_SECONDS = 15;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "perfdesk-work");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final Consumer<Throwable> onError;
    private Task<?> current;
    private int pending;
    private boolean silent;

    /** @param onError shows a failure to the user (called on the JavaFX thread) */
    public TaskRunner(Consumer<Throwable> onError) {
        this.onError = onError;
    }

    /**
     * A runner that runs nothing, for screens built only to be thrown away (warming): work given to it
     * is dropped without a word.
     */
    public static TaskRunner none() {
        TaskRunner r = new TaskRunner(error -> { });
        r.silent = true;
        r.shutdown();
        return r;
    }

    /** Runs {@code work} in the background, then {@code onSuccess} with its result on the JavaFX thread. */
    public <T> Task<T> run(String title, Callable<T> work, Consumer<T> onSuccess) {
        return run(title, work, onSuccess, onError);
    }

    /** As {@link #run(String, Callable, Consumer)}, with its own handling of a failure. */
    public <T> Task<T> run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        return submit(task);
    }

    /** Shows a failure the usual way (for tasks that set their own handlers). */
    public void report(Throwable error) {
        onError.accept(error);
    }

    /**
     * Runs a task that reports its own progress and can be cancelled. Handlers the task already has
     * are kept; the status bar is told when it ends.
     */
    public <T> Task<T> submit(Task<T> task) {
        var succeeded = task.getOnSucceeded();
        var failed = task.getOnFailed();
        var cancelled = task.getOnCancelled();
        task.setOnSucceeded(e -> {
            finished(task);
            if (succeeded != null) {
                succeeded.handle(e);
            }
        });
        task.setOnFailed(e -> {
            finished(task);
            if (failed != null) {
                failed.handle(e);
            } else {
                onError.accept(task.getException());
            }
        });
        task.setOnCancelled(e -> {
            finished(task);
            if (cancelled != null) {
                cancelled.handle(e);
            }
        });
        return start(task);
    }

    private <T> Task<T> start(Task<T> task) {
        if (executor.isShutdown()) {
            // The window has closed and the workspace with it: nothing more can run.
            if (!silent) {
                java.util.logging.Logger.getLogger(TaskRunner.class.getName()).warning("after closing: " + task);
            }
            return task;
        }
        pending++;
        current = task;
        running.set(true);
        title.unbind();
        title.bind(task.titleProperty());
        progress.unbind();
        progress.bind(task.progressProperty());
        executor.execute(task);
        return task;
    }

    private void finished(Task<?> task) {
        pending--;
        if (task == current || pending == 0) {
            title.unbind();
            progress.unbind();
            title.set("");
            progress.set(0);
            running.set(pending > 0);
        }
    }

    /** Cancels the task the status bar shows. */
    public void cancelCurrent() {
        if (current != null) {
            current.cancel();
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /**
     * Takes no more work and lets what is queued (the last edits' saves) finish; work still running
     * after {@code FINISH_SECONDS} is interrupted. Call when the window closes.
     */
    public void shutdown() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(FINISH_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
