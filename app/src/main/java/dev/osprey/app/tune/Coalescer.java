package dev.osprey.app.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Carries events from worker threads (several trials at once) to the UI in batches: a worker
 * only queues the event and asks for one flush; the flush runs at most once per interval (the
 * {@link Later} waits it out) and hands everything queued so far to the sink on the UI executor.
 */
public final class Coalescer<T> {
    /** Runs a flush once, a little later: the studio waits ~150 ms, tests run it at once. */
    @FunctionalInterface
    public interface Later {
        void schedule(Runnable flush);
    }

    private final Executor ui;
    private final Later later;
    private final Consumer<List<T>> sink;
    private final ConcurrentLinkedQueue<T> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pending = new AtomicBoolean();

    public Coalescer(Executor ui, Later later, Consumer<List<T>> sink) {
        this.ui = Objects.requireNonNull(ui);
        this.later = Objects.requireNonNull(later);
        this.sink = Objects.requireNonNull(sink);
    }

    /** Queues an event (any thread). */
    public void add(T event) {
        queued.add(event);
        if (pending.compareAndSet(false, true)) {
            later.schedule(this::flush);
        }
    }

    /** Delivers what is queued now on the calling (UI) thread: the last events once the job is over. */
    public void drainNow() {
        List<T> batch = drain();
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    private void flush() {
        // Reset first: an event queued while we drain schedules the next flush instead of being lost.
        pending.set(false);
        List<T> batch = drain();
        if (!batch.isEmpty()) {
            ui.execute(() -> sink.accept(batch));
        }
    }

    private List<T> drain() {
        List<T> batch = new ArrayList<>();
        for (T e = queued.poll(); e != null; e = queued.poll()) {
            batch.add(e);
        }
        return List.copyOf(batch);
    }
}
