package dev.osprey.core.automl;

import dev.osprey.core.data.DatasetId;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An AutoML search: a dataset and its target, the total time budget, the metric to rank by
 * (empty: rmse for regression, ROC AUC for two classes, accuracy for more), the folds of the
 * cross-validation every trial is scored by, the seed, the candidate algorithms (empty: every
 * default candidate that suits the problem), concurrent trials, and a model name to register
 * the winner under (empty: not registered).
 */
public record AutoMlRequest(DatasetId dataset, String target, Duration budget, Optional<String> metric, int folds, long seed,
                            List<String> candidates, int parallelism, Optional<String> registerAs, int maxTrialsPerCandidate) {
    public AutoMlRequest {
        Objects.requireNonNull(dataset, "dataset");
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("Choose the target column to predict.");
        }
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("The time budget must be more than 0, not " + budget + ".");
        }
        metric = Objects.requireNonNull(metric).filter(m -> !m.isBlank());
        if (folds < 2 || folds > 20) {
            throw new IllegalArgumentException("Cross-validation needs between 2 and 20 folds, not " + folds + ".");
        }
        candidates = List.copyOf(candidates);
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("Run between 1 and 64 trials at once, not " + parallelism + ".");
        }
        registerAs = Objects.requireNonNull(registerAs).filter(n -> !n.isBlank());
        if (maxTrialsPerCandidate < 1) {
            throw new IllegalArgumentException("Each candidate needs at least one trial, not " + maxTrialsPerCandidate + ".");
        }
    }

    /** 3-fold cross-validation, seed 42, the default candidates, trials one at a time, up to 30 trials per candidate. */
    public static AutoMlRequest of(DatasetId dataset, String target, Duration budget) {
        return new AutoMlRequest(dataset, target, budget, Optional.empty(), 3, 42, List.of(), 1, Optional.empty(), 30);
    }

    public AutoMlRequest withMetric(String m) {
        return new AutoMlRequest(dataset, target, budget, Optional.ofNullable(m), folds, seed, candidates, parallelism, registerAs, maxTrialsPerCandidate);
    }

    public AutoMlRequest withFolds(int k) {
        return new AutoMlRequest(dataset, target, budget, metric, k, seed, candidates, parallelism, registerAs, maxTrialsPerCandidate);
    }

    public AutoMlRequest withSeed(long s) {
        return new AutoMlRequest(dataset, target, budget, metric, folds, s, candidates, parallelism, registerAs, maxTrialsPerCandidate);
    }

    public AutoMlRequest withCandidates(List<String> algorithms) {
        return new AutoMlRequest(dataset, target, budget, metric, folds, seed, algorithms, parallelism, registerAs, maxTrialsPerCandidate);
    }

    public AutoMlRequest withParallelism(int n) {
        return new AutoMlRequest(dataset, target, budget, metric, folds, seed, candidates, n, registerAs, maxTrialsPerCandidate);
    }

    public AutoMlRequest withRegisterAs(String name) {
        return new AutoMlRequest(dataset, target, budget, metric, folds, seed, candidates, parallelism, Optional.ofNullable(name),
                maxTrialsPerCandidate);
    }

    public AutoMlRequest withMaxTrialsPerCandidate(int n) {
        return new AutoMlRequest(dataset, target, budget, metric, folds, seed, candidates, parallelism, registerAs, n);
    }
}
