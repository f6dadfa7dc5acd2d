package dev.osprey.app.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Carries a training's live updates from the worker thread to the UI without flooding it. XGBoost
 * reports a metric per round (thousands per second on small data); the worker only queues the point
 * and asks for one flush. The flush runs at most once per interval (the {@link Later} waits it out)
 * and hands everything queued so far to the sink on the UI executor as one batch.
 */
final class LiveFeed {
    /** Runs a flush once, a little later: the studio waits ~100 ms, tests run it at once. */
    @FunctionalInterface
    interface Later {
        void schedule(Runnable flush);
    }

    private final Executor ui;
    private final Later later;
    private final Consumer<List<CurvePoint>> sink;
    private final ConcurrentLinkedQueue<CurvePoint> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pending = new AtomicBoolean();

    /** {@code sink} receives each batch (possibly empty: progress changed) on {@code ui}. */
    LiveFeed(Executor ui, Later later, Consumer<List<CurvePoint>> sink) {
        this.ui = Objects.requireNonNull(ui);
        this.later = Objects.requireNonNull(later);
        this.sink = Objects.requireNonNull(sink);
    }

    /** A new curve point (any thread). */
    void point(CurvePoint p) {
        queued.add(p);
        changed();
    }

    /** Something else changed (progress, a fold ended): the next flush carries it (any thread). */
    void changed() {
        if (pending.compareAndSet(false, true)) {
            later.schedule(this::flush);
        }
    }

    /** Delivers what is queued now, on the calling (UI) thread: the last points once the job is over. */
    void drainNow() {
        sink.accept(drain());
    }

    private void flush() {
        // Reset first: a point queued while we drain schedules the next flush instead of being lost.
        pending.set(false);
        List<CurvePoint> batch = drain();
        ui.execute(() -> sink.accept(batch));
    }

    private List<CurvePoint> drain() {
        List<CurvePoint> batch = new ArrayList<>();
        for (CurvePoint p = queued.poll(); p != null; p = queued.poll()) {
            batch.add(p);
        }
        return List.copyOf(batch);
    }
}
