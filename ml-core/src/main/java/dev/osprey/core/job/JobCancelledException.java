package dev.osprey.core.job;

/** Thrown inside a job's work when it notices it was cancelled. */
public final class JobCancelledException extends RuntimeException {
    public JobCancelledException() {
        super("cancelled", null, false, false);
    }
}
