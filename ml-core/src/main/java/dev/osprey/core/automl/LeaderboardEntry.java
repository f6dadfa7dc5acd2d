package dev.osprey.core.automl;

import dev.osprey.core.experiment.RunId;
import dev.osprey.core.train.TrainingCode;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.tune.TuningJobId;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One candidate algorithm's best result: its cross-validated metric, the parameters that gave
 * it, the run that holds the model (trained on all rows after the folds), the tuning job that
 * found it, and the training request that reproduces it. {@code rank} counts from 1.
 */
public record LeaderboardEntry(int rank, String algorithm, String displayName, Map<String, String> params, double value,
                               RunId run, TuningJobId tuningJob, int trials, Duration elapsed, TrainingRequest request) {
    public LeaderboardEntry {
        Objects.requireNonNull(algorithm);
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        Objects.requireNonNull(run);
        Objects.requireNonNull(tuningJob);
        Objects.requireNonNull(request);
    }

    LeaderboardEntry withRank(int r) {
        return new LeaderboardEntry(r, algorithm, displayName, params, value, run, tuningJob, trials, elapsed, request);
    }

    /** A notebook cell that trains this candidate again (on the dataset called {@code datasetName}) and records a run. */
    public String notebookCell(String datasetName) {
        return TrainingCode.javaCell(request, datasetName);
    }
}
