package dev.osprey.core.data;

/** What a column is for when a model is trained on the dataset. */
public enum ColumnRole {
    FEATURE, TARGET, ID, WEIGHT, IGNORE
}
