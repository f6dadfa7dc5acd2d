package dev.osprey.app.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ctrl+C through a JVM shutdown hook (public API; no {@code sun.misc.Signal}). On SIGINT or SIGTERM
 * the hook cancels the running job, then holds the JVM until {@link #commandFinished()} says the
 * command has rolled back, closed the workspace and printed its message. The JVM then exits with
 * 130 (128 + SIGINT) by itself.
 */
public final class ShutdownHookInterrupts implements InterruptHandler {
    /** Long enough for a cancelled import to roll back; short enough that a stuck job cannot hang Ctrl+C. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final AtomicReference<Runnable> action = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);

    private ShutdownHookInterrupts() {
    }

    /** Installs the hook; call once, before the command runs. */
    public static ShutdownHookInterrupts install() {
        ShutdownHookInterrupts interrupts = new ShutdownHookInterrupts();
        Runtime.getRuntime().addShutdownHook(new Thread(interrupts::onShutdown, "osprey-interrupt"));
        return interrupts;
    }

    @Override
    public Registration whileRunning(Runnable onInterrupt) {
        action.set(onInterrupt);
        return () -> action.compareAndSet(onInterrupt, null);
    }

    /** The command has returned: a pending Ctrl+C may now end the process. */
    public void commandFinished() {
        finished.countDown();
    }

    private void onShutdown() {
        Runnable a = action.get();
        if (a == null) {
            return; // normal exit, or Ctrl+C while nothing needs undoing
        }
        a.run();
        try {
            finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
