package dev.osprey.core.train;

import dev.osprey.core.experiment.RunId;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished training: the run that recorded it, the model, its validation metrics (and the
 * full classification report with the confusion matrix), feature importance, and row counts.
 */
public record TrainingResult(RunId runId, TrainedModel model, Map<String, Double> metrics,
                             Optional<ClassificationReport> report, FeatureImportance importance, int trainRows,
                             int validRows, Duration elapsed) {
    public TrainingResult {
        Objects.requireNonNull(runId);
        Objects.requireNonNull(model);
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        Objects.requireNonNull(report);
    }
}
