package dev.osprey.core.label;

/** Who made an annotation: a person, a model's suggestion a person accepted, or the auto-labeler. */
public enum AnnotationSource {
    HUMAN, MODEL_ASSISTED, MACHINE
}
