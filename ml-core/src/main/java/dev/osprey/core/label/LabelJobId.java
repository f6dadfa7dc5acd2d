package dev.osprey.core.label;

/** A labeling job's catalog id. */
public record LabelJobId(long value) {
}
