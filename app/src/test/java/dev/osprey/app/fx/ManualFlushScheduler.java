package dev.osprey.app.fx;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A flush scheduler the test drives: flushes wait in a queue until {@link #runPending()}. */
public final class ManualFlushScheduler implements FxJobMonitor.FlushScheduler {
    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger scheduled = new AtomicInteger();

    @Override
    public void schedule(Runnable flush) {
        scheduled.incrementAndGet();
        pending.add(flush);
    }

    /** Runs the flushes scheduled so far; returns how many ran. */
    public int runPending() {
        int n = 0;
        Runnable r;
        while ((r = pending.poll()) != null) {
            r.run();
            n++;
        }
        return n;
    }

    /** How many flushes were ever scheduled. */
    public int scheduledCount() {
        return scheduled.get();
    }
}
