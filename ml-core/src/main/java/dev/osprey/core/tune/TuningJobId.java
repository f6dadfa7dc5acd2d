package dev.osprey.core.tune;

/** A tuning job's id in the workspace catalog (0 for a job run without a catalog, e.g. a test or bench). */
public record TuningJobId(long value) {
    public TuningJobId {
        if (value < 0) {
            throw new IllegalArgumentException("A tuning job id is 0 or more, not " + value);
        }
    }

    public static final TuningJobId UNSAVED = new TuningJobId(0);

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
