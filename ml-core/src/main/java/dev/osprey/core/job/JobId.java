package dev.osprey.core.job;

/** Identifies a job within one {@link JobService}. */
public record JobId(long value) {
    public JobId {
        if (value <= 0) {
            throw new IllegalArgumentException("a job id is a positive number, not " + value);
        }
    }

    @Override
    public String toString() {
        return "job-" + value;
    }
}
