package dev.osprey.core.data;

/** Identifies a dataset in a workspace catalog. */
public record DatasetId(long value) {
    public DatasetId {
        if (value <= 0) {
            throw new IllegalArgumentException("a dataset id is a positive number, not " + value);
        }
    }

    @Override
    public String toString() {
        return "dataset-" + value;
    }
}
