package dev.osprey.core.train;

/** What a model predicts: a number, one of two classes, or one of several. */
public enum ProblemType {
    REGRESSION, BINARY, MULTICLASS;

    public boolean isClassification() {
        return this != REGRESSION;
    }
}
