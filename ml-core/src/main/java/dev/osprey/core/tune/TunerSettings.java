package dev.osprey.core.tune;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the tuning engine needs besides the function it evaluates. {@code intermediate}
 * is the direction of the per-step values trials report (boosting losses go down even when the
 * objective is an AUC). {@code history} holds trials of an earlier job (warm start): samplers learn
 * from them, they are not run again. {@code gridPoints} is the number of values a grid takes
 * from each continuous range. HYPERBAND needs {@code asha} (checked when the job runs, so the
 * withers can come in any order).
 */
public record TunerSettings(TuningJobId jobId, SearchSpace space, Objective objective, Direction intermediate,
                            Strategy strategy, Pruning pruning, Budget budget, int parallelism, long seed,
                            Optional<AshaSettings> asha, List<Trial> history, int gridPoints) {
    public TunerSettings {
        Objects.requireNonNull(jobId);
        Objects.requireNonNull(space);
        Objects.requireNonNull(objective);
        Objects.requireNonNull(intermediate);
        Objects.requireNonNull(strategy);
        Objects.requireNonNull(pruning);
        Objects.requireNonNull(budget);
        Objects.requireNonNull(asha);
        history = List.copyOf(history);
        checkParallelism(parallelism);
        checkGridPoints(gridPoints);
    }

    /** Also {@link TuningSpec}'s limit, so a job that can be described can be run. */
    static void checkParallelism(int parallelism) {
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("Run between 1 and 64 trials at once, not " + parallelism + ".");
        }
    }

    /** Also {@link TuningSpec}'s limit. */
    static void checkGridPoints(int gridPoints) {
        if (gridPoints < 2 || gridPoints > 100) {
            throw new IllegalArgumentException("A grid takes between 2 and 100 values per range, not " + gridPoints + ".");
        }
    }

    /** Random search, no pruning, 20 trials, one at a time, seed 42. */
    public static TunerSettings of(SearchSpace space, Objective objective) {
        return new TunerSettings(TuningJobId.UNSAVED, space, objective, objective.direction(), Strategy.RANDOM,
                Pruning.NONE, Budget.trials(20), 1, 42, Optional.empty(), List.of(), 5);
    }

    public TunerSettings withJobId(TuningJobId id) {
        return new TunerSettings(id, space, objective, intermediate, strategy, pruning, budget, parallelism, seed, asha, history, gridPoints);
    }

    public TunerSettings withIntermediate(Direction d) {
        return new TunerSettings(jobId, space, objective, d, strategy, pruning, budget, parallelism, seed, asha, history, gridPoints);
    }

    public TunerSettings withStrategy(Strategy s) {
        return new TunerSettings(jobId, space, objective, intermediate, s, pruning, budget, parallelism, seed, asha, history, gridPoints);
    }

    public TunerSettings withPruning(Pruning p) {
        return new TunerSettings(jobId, space, objective, intermediate, strategy, p, budget, parallelism, seed, asha, history, gridPoints);
    }

    public TunerSettings withBudget(Budget b) {
        return new TunerSettings(jobId, space, objective, intermediate, strategy, pruning, b, parallelism, seed, asha, history, gridPoints);
    }

    public TunerSettings withParallelism(int n) {
        return new TunerSettings(jobId, space, objective, intermediate, strategy, pruning, budget, n, seed, asha, history, gridPoints);
    }

    public TunerSettings withSeed(long s) {
        return new TunerSettings(jobId, space, objective, intermediate, strategy, pruning, budget, parallelism, s, asha, history, gridPoints);
    }

    public TunerSettings withAsha(AshaSettings a) {
        return new TunerSettings(jobId, space, objective, intermediate, strategy, pruning, budget, parallelism, seed,
                Optional.of(a), history, gridPoints);
    }

    public TunerSettings withHistory(List<Trial> h) {
        return new TunerSettings(jobId, space, objective, intermediate, strategy, pruning, budget, parallelism, seed, asha, h, gridPoints);
    }

    public TunerSettings withGridPoints(int n) {
        return new TunerSettings(jobId, space, objective, intermediate, strategy, pruning, budget, parallelism, seed, asha, history, n);
    }
}
