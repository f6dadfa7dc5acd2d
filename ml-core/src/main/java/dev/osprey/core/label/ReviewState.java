package dev.osprey.core.label;

/** A reviewer's verdict on an annotation. */
public enum ReviewState {
    NONE, ACCEPTED, CORRECTED
}
