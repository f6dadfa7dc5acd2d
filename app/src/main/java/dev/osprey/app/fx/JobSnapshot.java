package dev.osprey.app.fx;

import dev.osprey.core.job.JobId;
import dev.osprey.core.job.JobStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A job's state as the UI sees it, read at one moment. The job itself keeps changing on its
 * worker thread; the UI only ever holds these copies, handed over by {@link FxJobMonitor}.
 *
 * @param progress in [0, 1], or negative while the amount of work is unknown
 * @param failure  the user-facing reason of a failed job, else null
 * @param cause    the exception behind a failure (the details a user may open), else null
 * @param elapsed  time run so far (zero while queued), as of {@code takenAt}
 */
public record JobSnapshot(JobId id, String title, JobStatus status, double progress, String message,
                          String failure, Throwable cause, Duration elapsed, Instant takenAt) {
    public JobSnapshot {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(status);
        Objects.requireNonNull(elapsed);
        Objects.requireNonNull(takenAt);
        message = message == null ? "" : message;
    }

    public boolean isRunning() {
        return status == JobStatus.RUNNING;
    }

    public boolean isActive() {
        return !status.isTerminal();
    }

    /** The elapsed time at {@code now}: a running job keeps counting between snapshots. */
    public Duration elapsedAt(Instant now) {
        if (status != JobStatus.RUNNING || now.isBefore(takenAt)) {
            return elapsed;
        }
        return elapsed.plus(Duration.between(takenAt, now));
    }
}
