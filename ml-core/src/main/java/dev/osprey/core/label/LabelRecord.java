package dev.osprey.core.label;

/** One item with its label as a file format carries it: source (image path or text), value, confidence, made by a person or not. */
public record LabelRecord(String source, LabelValue value, double confidence, boolean humanAnnotated) {
}
