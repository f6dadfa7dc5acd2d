package dev.osprey.core.label;

/**
 * A region (box or span) several annotators agreed on: the consolidated value, how many of them
 * drew it ({@code support}) and a confidence in [0, 1]: the share of annotators who drew it,
 * times how tightly their drawings agree (mean overlap with the consolidated value).
 */
public record Consolidated<T>(T value, int support, double confidence) {
}
