package dev.osprey.core.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * A background job: a title, a status, progress, cancel, a result, and a stream of
 * {@link JobEvent}s. Created by {@link JobService#submit}. Thread-safe.
 */
public final class Job<T> {
    private final JobId id;
    private final String title;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final List<Consumer<? super JobEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> cancelHooks = new CopyOnWriteArrayList<>();
    private final Instant submittedAt = Instant.now();

    private volatile JobStatus status = JobStatus.QUEUED;
    private volatile double progress = -1;
    private volatile String message = "";
    private volatile String failure;
    private volatile boolean cancelRequested;
    private volatile Thread worker;
    private volatile Instant startedAt;
    private volatile Instant endedAt;

    Job(JobId id, String title) {
        this.id = id;
        this.title = title;
    }

    public JobId id() {
        return id;
    }

    public String title() {
        return title;
    }

    public JobStatus status() {
        return status;
    }

    /** In [0, 1], or negative while the amount of work is unknown. */
    public double progress() {
        return progress;
    }

    /** The latest progress message. */
    public String message() {
        return message;
    }

    /** The user-facing reason of a failed job. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Optional<Duration> elapsed() {
        Instant s = startedAt;
        if (s == null) {
            return Optional.empty();
        }
        Instant e = endedAt;
        return Optional.of(Duration.between(s, e == null ? Instant.now() : e));
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    /** Completes with the result; exceptionally with the failure, or with {@link CancellationException}. */
    public CompletableFuture<T> result() {
        return result;
    }

    /** Waits for the job and returns its result. */
    public T await() throws ExecutionException, InterruptedException {
        return result.get();
    }

    /** Adds a listener; it receives events on the job's thread (UI code crosses threads itself). */
    public void subscribe(Consumer<? super JobEvent> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<? super JobEvent> listener) {
        listeners.remove(listener);
    }

    /** Asks the job to stop: sets the flag its work polls, runs its cancel hooks and interrupts its thread. */
    public void cancel() {
        if (status.isTerminal() || cancelRequested) {
            return;
        }
        cancelRequested = true;
        for (Runnable hook : cancelHooks) {
            runHook(hook);
        }
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    // --- package-private: the service drives the life cycle -------------------------------------

    void emit(JobEvent event) {
        for (Consumer<? super JobEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException ignored) {
                // a broken listener must not break the job
            }
        }
    }

    void run(JobTask<T> task) {
        if (cancelRequested) {
            finishCancelled();
            return;
        }
        worker = Thread.currentThread();
        startedAt = Instant.now();
        status = JobStatus.RUNNING;
        emit(new JobEvent.Started(id));
        try {
            T value = task.run(new Context());
            if (cancelRequested) {
                finishCancelled();
            } else {
                progress = 1;
                endedAt = Instant.now();
                status = JobStatus.SUCCEEDED;
                emit(new JobEvent.Succeeded(id));
                result.complete(value);
            }
        } catch (Throwable e) {
            if (cancelRequested || e instanceof JobCancelledException || e instanceof InterruptedException) {
                finishCancelled();
            } else {
                endedAt = Instant.now();
                failure = userMessage(e);
                status = JobStatus.FAILED;
                emit(new JobEvent.Failed(id, failure, e));
                result.completeExceptionally(e);
            }
            if (e instanceof Error err && !(e instanceof StackOverflowError)) {
                throw err;
            }
        } finally {
            worker = null;
            Thread.interrupted(); // do not leak an interrupt into the pool thread
        }
    }

    private void finishCancelled() {
        endedAt = Instant.now();
        status = JobStatus.CANCELLED;
        emit(new JobEvent.Cancelled(id));
        result.completeExceptionally(new CancellationException(title + " was cancelled"));
    }

    static String userMessage(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return m;
    }

    private static void runHook(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException ignored) {
            // a hook that fails to interrupt still leaves the polled flag set
        }
    }

    private final class Context implements JobContext {
        @Override
        public void progress(double fraction, String msg) {
            double f = Double.isNaN(fraction) ? -1 : Math.min(1, fraction);
            progress = f;
            message = msg == null ? "" : msg;
            emit(new JobEvent.Progress(id, f, message));
        }

        @Override
        public void log(String line) {
            emit(new JobEvent.Log(id, line));
        }

        @Override
        public boolean isCancelled() {
            return cancelRequested;
        }

        @Override
        public void onCancel(Runnable hook) {
            cancelHooks.add(hook);
            if (cancelRequested) {
                runHook(hook);
            }
        }
    }

    @Override
    public String toString() {
        return id + " " + title + " [" + status + "]";
    }
}
