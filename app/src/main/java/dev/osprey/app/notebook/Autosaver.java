package dev.osprey.app.notebook;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When to autosave: {@code delay} after the last edit, but while the user keeps typing never
 * more than {@link #MAX_WAIT_MILLIS} after the first unsaved edit, so the copy is never more than
 * 30 s behind. Called on the UI thread; {@code save} runs there too (it takes a snapshot of the
 * cells and hands the writing to the io thread).
 */
final class Autosaver {
    static final long MAX_WAIT_MILLIS = 25_000;

    private final ScheduledExecutorService timer;
    private final Executor ui;
    private final long delayMillis;
    private final Runnable save;
    private ScheduledFuture<?> scheduled;
    private long firstEdit = -1;

    Autosaver(ScheduledExecutorService timer, Executor ui, NotebookTimings options, Runnable save) {
        this.timer = timer;
        this.ui = ui;
        this.delayMillis = options.autosaveDelay().toMillis();
        this.save = save;
    }

    void edited() {
        long now = System.currentTimeMillis();
        if (firstEdit < 0) {
            firstEdit = now;
        }
        long wait = Math.max(0, Math.min(delayMillis, firstEdit + MAX_WAIT_MILLIS - now));
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        try {
            scheduled = timer.schedule(() -> ui.execute(this::fire), wait, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            scheduled = null;
        }
    }

    void cancel() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        firstEdit = -1;
    }

    private void fire() {
        scheduled = null;
        firstEdit = -1;
        save.run();
    }
}
