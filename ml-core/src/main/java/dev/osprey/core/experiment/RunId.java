package dev.osprey.core.experiment;

/** Identifies a run in a workspace catalog. */
public record RunId(long value) {
    public RunId {
        if (value <= 0) {
            throw new IllegalArgumentException("a run id is a positive number, not " + value);
        }
    }

    @Override
    public String toString() {
        return "run-" + value;
    }
}
