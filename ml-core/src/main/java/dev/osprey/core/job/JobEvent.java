package dev.osprey.core.job;

/** What a job reports while it runs. Listeners receive these on the job's own thread. */
public sealed interface JobEvent {
    JobId jobId();

    /** The job was accepted and waits for a thread. */
    record Queued(JobId jobId, String title) implements JobEvent {
    }

    record Started(JobId jobId) implements JobEvent {
    }

    /** {@code fraction} is in [0, 1], or negative when the amount of work is unknown. */
    record Progress(JobId jobId, double fraction, String message) implements JobEvent {
    }

    /** A line of output worth keeping (warnings, per-step summaries). */
    record Log(JobId jobId, String line) implements JobEvent {
    }

    record Succeeded(JobId jobId) implements JobEvent {
    }

    /** {@code message} is what the user reads; {@code cause} is the detail one click away. */
    record Failed(JobId jobId, String message, Throwable cause) implements JobEvent {
    }

    record Cancelled(JobId jobId) implements JobEvent {
    }
}
