package dev.osprey.core.train;

/**
 * What a model predicts: a number, one of two classes, one of several, or (without a target)
 * which cluster a row falls in.
 */
public enum ProblemType {
    REGRESSION, BINARY, MULTICLASS, CLUSTERING;

    public boolean isClassification() {
        return this == BINARY || this == MULTICLASS;
    }

    /** Learns from a target column (everything but clustering). */
    public boolean isSupervised() {
        return this != CLUSTERING;
    }
}
