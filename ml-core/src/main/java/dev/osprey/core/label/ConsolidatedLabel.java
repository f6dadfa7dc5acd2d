package dev.osprey.core.label;

/**
 * One item's consolidated answer: the value, a confidence in [0, 1], how many annotations it
 * came from, and whether any person made them (false for items only the auto-labeler saw).
 */
public record ConsolidatedLabel(LabelItem item, LabelValue value, double confidence, int annotations,
                                boolean humanAnnotated) {
}
