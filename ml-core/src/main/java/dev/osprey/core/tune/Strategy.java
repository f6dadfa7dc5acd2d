package dev.osprey.core.tune;

import java.util.Locale;

/**
 * How the next trial's parameters are chosen. HYPERBAND samples at random and stops trials by
 * asynchronous successive halving (ASHA) on the resource (boosting rounds or epochs).
 */
public enum Strategy {
    GRID, RANDOM, BAYES, HYPERBAND;

    /** Reads {@code grid}, {@code random}, {@code bayes} (or {@code tpe}), {@code hyperband} (or {@code asha}). */
    public static Strategy parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "grid" -> GRID;
            case "random" -> RANDOM;
            case "bayes", "bayesian", "tpe" -> BAYES;
            case "hyperband", "asha" -> HYPERBAND;
            default -> throw new IllegalArgumentException("Unknown strategy '" + text + "'; use grid, random, bayes or hyperband.");
        };
    }
}
