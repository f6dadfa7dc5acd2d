package dev.osprey.app.experiments;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A UI executor for view-model tests, like the FX thread's: work posted from the test's own thread
 * runs at once, work posted from another thread (a job's) waits until the test drains it.
 */
public final class UiQueue implements Executor {
    private final Thread owner = Thread.currentThread();
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        if (Thread.currentThread() == owner) {
            task.run();
        } else {
            queue.add(task);
        }
    }

    /** Runs what other threads posted, waiting up to {@code seconds} for the first task; false when none came. */
    public boolean drain(long seconds) throws InterruptedException {
        Runnable first = queue.poll(seconds, TimeUnit.SECONDS);
        if (first == null) {
            return false;
        }
        first.run();
        Runnable next;
        while ((next = queue.poll()) != null) {
            next.run();
        }
        return true;
    }
}
