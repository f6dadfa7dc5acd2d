package dev.osprey.core.quality;

import java.util.Objects;

/**
 * How well one column alone predicts the target: cross-validated {@code metric} ({@code r2} for a
 * regression, {@code roc_auc} for classes) of a one-feature binned model on the seeded sample.
 * {@code flagged} when the score is near perfect (likely leakage).
 */
public record LeakageScore(String column, String metric, double score, boolean flagged) {
    public LeakageScore {
        Objects.requireNonNull(column);
        Objects.requireNonNull(metric);
    }
}
