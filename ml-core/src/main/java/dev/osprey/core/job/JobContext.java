package dev.osprey.core.job;

/**
 * What a running job's work sees: report progress, write a log line, and poll for cancellation.
 * Work that blocks in native code registers a hook with {@link #onCancel(Runnable)} (for example
 * {@code Statement::cancel}) so cancel takes effect at once.
 */
public interface JobContext {
    /** A context for work run directly, outside any job (tests, synchronous callers). */
    JobContext NONE = new JobContext() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public void log(String line) {
        }

        @Override
        public boolean isCancelled() {
            return Thread.currentThread().isInterrupted();
        }

        @Override
        public void onCancel(Runnable hook) {
        }
    };

    void progress(double fraction, String message);

    void log(String line);

    boolean isCancelled();

    /** Registers {@code hook} to run when the job is cancelled (runs at once if it already was). */
    void onCancel(Runnable hook);

    default void checkCancelled() {
        if (isCancelled()) {
            throw new JobCancelledException();
        }
    }
}
