package dev.osprey.core.tune;

import dev.osprey.core.train.TrainingRequest;

import java.util.Objects;
import java.util.Optional;

/**
 * A tuning job to run: a training template (dataset, target, algorithm, fixed options,
 * validation), the space searched on top of it, the objective (empty: the problem type's
 * default), strategy, pruning, budget, parallelism and seed; optionally a name, an earlier job to
 * warm-start from, and Hyperband's settings (empty: derived from the template's resource).
 */
public record TuningSpec(TrainingRequest template, SearchSpace space, Optional<Objective> objective, Strategy strategy,
                         Pruning pruning, Budget budget, int parallelism, long seed, Optional<String> name,
                         Optional<TuningJobId> warmStart, Optional<AshaSettings> asha, int gridPoints) {
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
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("Run between 1 and 64 trials at once, not " + parallelism + ".");
        }
        if (gridPoints < 2 || gridPoints > 100) {
            throw new IllegalArgumentException("A grid takes between 2 and 100 values per range, not " + gridPoints + ".");
        }
        if (name.isPresent() && name.get().isBlank()) {
            name = Optional.empty();
        }
    }

    /** Random search, 20 trials, one at a time, seed 42, the default objective. */
    public static TuningSpec of(TrainingRequest template, SearchSpace space) {
        return new TuningSpec(template, space, Optional.empty(), Strategy.RANDOM, Pruning.NONE, Budget.trials(20), 1, 42,
                Optional.empty(), Optional.empty(), Optional.empty(), 5);
    }

    /** The same search on another training template (e.g. once the dataset's id is known). */
    public TuningSpec withTemplate(TrainingRequest t) {
        return new TuningSpec(t, space, objective, strategy, pruning, budget, parallelism, seed, name, warmStart, asha, gridPoints);
    }

    public TuningSpec withObjective(Objective o) {
        return new TuningSpec(template, space, Optional.of(o), strategy, pruning, budget, parallelism, seed, name, warmStart, asha, gridPoints);
    }

    public TuningSpec withStrategy(Strategy s) {
        return new TuningSpec(template, space, objective, s, pruning, budget, parallelism, seed, name, warmStart, asha, gridPoints);
    }

    public TuningSpec withPruning(Pruning p) {
        return new TuningSpec(template, space, objective, strategy, p, budget, parallelism, seed, name, warmStart, asha, gridPoints);
    }

    public TuningSpec withBudget(Budget b) {
        return new TuningSpec(template, space, objective, strategy, pruning, b, parallelism, seed, name, warmStart, asha, gridPoints);
    }

    public TuningSpec withParallelism(int n) {
        return new TuningSpec(template, space, objective, strategy, pruning, budget, n, seed, name, warmStart, asha, gridPoints);
    }

    public TuningSpec withSeed(long s) {
        return new TuningSpec(template, space, objective, strategy, pruning, budget, parallelism, s, name, warmStart, asha, gridPoints);
    }

    public TuningSpec withName(String n) {
        return new TuningSpec(template, space, objective, strategy, pruning, budget, parallelism, seed, Optional.ofNullable(n),
                warmStart, asha, gridPoints);
    }

    public TuningSpec withWarmStart(TuningJobId earlier) {
        return new TuningSpec(template, space, objective, strategy, pruning, budget, parallelism, seed, name,
                Optional.of(earlier), asha, gridPoints);
    }

    public TuningSpec withAsha(AshaSettings a) {
        return new TuningSpec(template, space, objective, strategy, pruning, budget, parallelism, seed, name, warmStart,
                Optional.of(a), gridPoints);
    }

    public TuningSpec withGridPoints(int n) {
        return new TuningSpec(template, space, objective, strategy, pruning, budget, parallelism, seed, name, warmStart, asha, n);
    }
}
