package dev.osprey.app.cli;

/**
 * What Ctrl+C does while a headless job runs. Outside {@link #whileRunning} the process ends at
 * once; inside it, {@code onInterrupt} runs (it cancels the job) and the process waits until the
 * command has cleaned up, so the workspace is left as it was.
 */
public interface InterruptHandler {
    /** Ctrl+C is ignored by design: tests that trigger cancellation themselves use this. */
    InterruptHandler NONE = onInterrupt -> () -> {
    };

    Registration whileRunning(Runnable onInterrupt);

    /** Ends the registration; Ctrl+C then ends the process at once again. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
