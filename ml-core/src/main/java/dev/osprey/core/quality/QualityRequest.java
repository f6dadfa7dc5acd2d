package dev.osprey.core.quality;

import dev.osprey.core.data.DatasetId;

import java.util.Objects;
import java.util.Optional;

/**
 * What to profile: a dataset and an optional target column (empty: a report without a target;
 * callers that want the dataset's TARGET-role column pass it, see {@code Dataset#target()}). {@code quickModel} trains boosted trees on the target (recorded as a
 * run of the experiment {@value QualityService#EXPERIMENT}); {@code leakageSampleRows} bounds the
 * seeded sample on which each column's predictive power is cross-validated.
 */
public record QualityRequest(DatasetId dataset, Optional<String> target, boolean quickModel, int leakageSampleRows,
                             long seed) {
    public static final int DEFAULT_LEAKAGE_SAMPLE = 5000;

    public QualityRequest {
        Objects.requireNonNull(dataset, "dataset");
        target = Objects.requireNonNull(target, "target").map(String::strip).filter(t -> !t.isEmpty());
        if (leakageSampleRows < 50 || leakageSampleRows > 1_000_000) {
            throw new IllegalArgumentException("The leakage sample must have between 50 and 1,000,000 rows, not "
                    + leakageSampleRows + ".");
        }
    }

    /** The report with the quick model, a 5,000-row leakage sample and seed 42. */
    public static QualityRequest of(DatasetId dataset, Optional<String> target) {
        return new QualityRequest(dataset, target, true, DEFAULT_LEAKAGE_SAMPLE, 42);
    }

    public QualityRequest withoutQuickModel() {
        return new QualityRequest(dataset, target, false, leakageSampleRows, seed);
    }
}
