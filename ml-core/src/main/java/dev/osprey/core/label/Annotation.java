package dev.osprey.core.label;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/** One annotator's submitted answer for one item: who, when, how long it took, and how it was made. */
public record Annotation(long id, long itemId, String annotator, LabelValue value, Instant at, Duration took,
                         AnnotationSource source, OptionalDouble confidence, ReviewState review) {
}
