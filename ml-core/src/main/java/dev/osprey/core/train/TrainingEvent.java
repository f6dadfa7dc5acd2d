package dev.osprey.core.train;

import java.util.Map;

/** What a training reports beyond JobContext progress and log lines; delivered on the training thread. */
public sealed interface TrainingEvent {
    /**
     * One boosting round (or epoch): the metric on the training rows and on the validation rows
     * ({@code NaN} when the fit has no validation rows, e.g. the final fit of k-fold).
     * {@code fold} counts from 1; 0 is the final fit on all rows.
     */
    record IterationMetric(int fold, int iteration, String metric, double trainValue, double validValue)
            implements TrainingEvent {
    }

    /** A validation fold was trained and scored. */
    record FoldCompleted(int fold, int folds, Map<String, Double> metrics) implements TrainingEvent {
        public FoldCompleted {
            metrics = Map.copyOf(metrics);
        }
    }
}
