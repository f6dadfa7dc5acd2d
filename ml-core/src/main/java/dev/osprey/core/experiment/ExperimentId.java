package dev.osprey.core.experiment;

/** Identifies an experiment in a workspace catalog. */
public record ExperimentId(long value) {
    public ExperimentId {
        if (value <= 0) {
            throw new IllegalArgumentException("an experiment id is a positive number, not " + value);
        }
    }

    @Override
    public String toString() {
        return "experiment-" + value;
    }
}
