package dev.osprey.core.tune;

import dev.osprey.core.train.TrainingRequest;

import java.util.Objects;
import java.util.Optional;

/**
 * A tuning job to run: a training template (dataset, target, algorithm, fixed options,
 * validation), the space searched on top of it, the objective (empty: the problem type's
 * default), strategy, pruning, budget, parallelism and seed; optionally a name, an earlier job to
 * warm-start from, and Hyperband's settings (empty: derived from the template's resource).
 * {@code threadsPerTrial} caps each trial's training threads; 0 shares the cores among the trials
 * at once. Measured on 2 cores, 20,000 x 20, xgboost (bench/README.md, Tuning): two trials of one
 * thread each ran 1.09-1.25x the trials per minute of one trial of two threads, and 1.15x those of
 * two trials of two threads each (oversubscribed); one trial of two threads ran 1.6x one of one.
 */
public record TuningSpec(TrainingRequest template, SearchSpace space, Optional<Objective> objective, Strategy strategy,
                         Pruning pruning, Budget budget, int parallelism, long seed, Optional<String> name,
                         Optional<TuningJobId> warmStart, Optional<AshaSettings> asha, int gridPoints,
                         int threadsPerTrial) {
    /** More threads than this in one trial is a typo, not a machine. */
    public static final int MAX_THREADS_PER_TRIAL = 256;

    public TuningSpec {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(objective);
        Objects.requireNonNull(strategy);
        Objects.requireNonNull(pruning);
        Objects.requireNonNull(budget);
        Objects.requireNonNull(name);
        Objects.requireNonNull(warmStart);
        Objects.requireNonNull(asha);
        TunerSettings.checkParallelism(parallelism);
        TunerSettings.checkGridPoints(gridPoints);
        if (threadsPerTrial < 0 || threadsPerTrial > MAX_THREADS_PER_TRIAL) {
            throw new IllegalArgumentException("Threads per trial must be between 1 and " + MAX_THREADS_PER_TRIAL
                    + ", or 0 to share the cores among the trials at once, not " + threadsPerTrial + ".");
        }
        if (name.isPresent() && name.get().isBlank()) {
            name = Optional.empty();
        }
    }

    /** Random search, 20 trials, one at a time, seed 42, the default objective. */
    public static TuningSpec of(TrainingRequest template, SearchSpace space) {
        return new TuningSpec(template, space, Optional.empty(), Strategy.RANDOM, Pruning.NONE, Budget.trials(20), 1, 42,
                Optional.empty(), Optional.empty(), Optional.empty(), 5, 0);
    }

    /** The same search on another training template (e.g. once the dataset's id is known). */
    public TuningSpec withTemplate(TrainingRequest t) {
        return new TuningSpec(t, space, objective, strategy, pruning, budget, parallelism, seed, name, warmStart, asha,
                gridPoints, threadsPerTrial);
    }

    public TuningSpec withObjective(Objective o) {
        return new TuningSpec(template, space, Optional.of(o), strategy, pruning, budget, parallelism, seed, name, warmStart, asha,
                gridPoints, threadsPerTrial);
    }

    public TuningSpec withStrategy(Strategy s) {
        return new TuningSpec(template, space, objective, s, pruning, budget, parallelism, seed, name, warmStart, asha,
                gridPoints, threadsPerTrial);
    }

    public TuningSpec withPruning(Pruning p) {
        return new TuningSpec(template, space, objective, strategy, p, budget, parallelism, seed, name, warmStart, asha,
                gridPoints, threadsPerTrial);
    }

    public TuningSpec withBudget(Budget b) {
        return new TuningSpec(template, space, objective, strategy, pruning, b, parallelism, seed, name, warmStart, asha,
                gridPoints, threadsPerTrial);
    }

    public TuningSpec withParallelism(int n) {
        return new TuningSpec(template, space, objective, strategy, pruning, budget, n, seed, name, warmStart, asha,
                gridPoints, threadsPerTrial);
    }

    public TuningSpec withSeed(long s) {
        return new TuningSpec(template, space, objective, strategy, pruning, budget, parallelism, s, name, warmStart, asha,
                gridPoints, threadsPerTrial);
    }

    public TuningSpec withName(String n) {
        return new TuningSpec(template, space, objective, strategy, pruning, budget, parallelism, seed, Optional.ofNullable(n),
                warmStart, asha, gridPoints, threadsPerTrial);
    }

    public TuningSpec withWarmStart(TuningJobId earlier) {
        return new TuningSpec(template, space, objective, strategy, pruning, budget, parallelism, seed, name,
                Optional.of(earlier), asha, gridPoints, threadsPerTrial);
    }

    public TuningSpec withAsha(AshaSettings a) {
        return new TuningSpec(template, space, objective, strategy, pruning, budget, parallelism, seed, name, warmStart,
                Optional.of(a), gridPoints, threadsPerTrial);
    }

    /**
     * The threads each trial's training may use; 0 (the default) shares the cores among the trials
     * at once: {@code max(1, cores / parallelism)}.
     */
    public TuningSpec withThreadsPerTrial(int n) {
        return new TuningSpec(template, space, objective, strategy, pruning, budget, parallelism, seed, name, warmStart, asha,
                gridPoints, n);
    }

    /** The threads a trial's training gets on a machine with {@code cores} cores. */
    public int threadsPerTrial(int cores) {
        return threadsPerTrial > 0 ? threadsPerTrial : Math.max(1, cores / parallelism);
    }

    public TuningSpec withGridPoints(int n) {
        return new TuningSpec(template, space, objective, strategy, pruning, budget, parallelism, seed, name, warmStart, asha, n, threadsPerTrial);
    }
}
