package dev.osprey.core.train;

import dev.osprey.core.experiment.RunId;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished training: the run that recorded it, the model, its validation metrics (and the
 * full classification report with the confusion matrix), feature importance, row counts, the
 * held-out rows' predictions (for residual plots and ROC curves), and for a clustering the
 * cluster sizes (its metrics are then measured on the training rows: there is nothing to hold out).
 */
public record TrainingResult(RunId runId, TrainedModel model, Map<String, Double> metrics,
                             Optional<ClassificationReport> report, FeatureImportance importance, int trainRows,
                             int validRows, Duration elapsed, HeldOut heldOut, Optional<ClusterReport> clusters) {
    public TrainingResult {
        Objects.requireNonNull(runId);
        Objects.requireNonNull(model);
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        Objects.requireNonNull(report);
        Objects.requireNonNull(heldOut);
        Objects.requireNonNull(clusters);
    }

    /** A result without held-out predictions or clusters (kept for callers written before they existed). */
    public TrainingResult(RunId runId, TrainedModel model, Map<String, Double> metrics, Optional<ClassificationReport> report,
                          FeatureImportance importance, int trainRows, int validRows, Duration elapsed) {
        this(runId, model, metrics, report, importance, trainRows, validRows, elapsed,
                HeldOut.none(model.signature().problemType()), Optional.empty());
    }
}
