package dev.osprey.core.train;

import dev.osprey.core.data.DatasetId;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to train: a dataset, its target column, an algorithm ({@link Algorithms} lists them)
 * with its options as a flat map (missing keys take the defaults), and the validation.
 * {@code problemType} empty means inferred from the target. {@code experiment} empty means
 * the default experiment "DATASET / TARGET". {@code threads} caps the threads an algorithm may use
 * (0: all cores); tuning runs several trials at once and gives each a share of the cores.
 * A clustering ({@link #clustering}) has no target: {@code target} is empty and {@code problemType}
 * is CLUSTERING. New inputs (e.g. a wrangling recipe) are added as a component with a
 * {@code withX} method, so existing calls keep working.
 */
public record TrainingRequest(DatasetId dataset, String target, Optional<ProblemType> problemType, String algorithm,
                              Map<String, String> options, Validation validation, Optional<String> experiment,
                              int threads, Optional<RecipeRef> recipe, long rowLimit) {
    public TrainingRequest {
        Objects.requireNonNull(recipe, "recipe");
        if (rowLimit < 0) {
            throw new IllegalArgumentException("The row limit must be 0 (all rows) or more, not " + rowLimit);
        }
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(problemType, "problemType");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(experiment, "experiment");
        boolean clustering = problemType.orElse(null) == ProblemType.CLUSTERING;
        target = target == null ? "" : target.strip();
        if (target.isEmpty() && !clustering) {
            throw new IllegalArgumentException("Choose the target column to predict.");
        }
        if (!target.isEmpty() && clustering) {
            throw new IllegalArgumentException("Clustering finds groups without a target; leave the target column '"
                    + target + "' out.");
        }
        if (algorithm == null || algorithm.isBlank()) {
            throw new IllegalArgumentException("Choose an algorithm.");
        }
        options = Map.copyOf(options);
        if (threads < 0) {
            throw new IllegalArgumentException("The number of threads must be 0 (all cores) or more, not " + threads);
        }
    }

    /** A request without a recipe or row limit (the form before those inputs existed). */
    public TrainingRequest(DatasetId dataset, String target, Optional<ProblemType> problemType, String algorithm,
                           Map<String, String> options, Validation validation, Optional<String> experiment, int threads) {
        this(dataset, target, problemType, algorithm, options, validation, experiment, threads, Optional.empty(), 0);
    }

    /** Default options, inferred problem type, 20% holdout. */
    public static TrainingRequest of(DatasetId dataset, String target, String algorithm) {
        return new TrainingRequest(dataset, target, Optional.empty(), algorithm, Map.of(), Validation.defaultHoldout(),
                Optional.empty(), 0);
    }

    /** A clustering of every feature column (no target), default options, no validation split. */
    public static TrainingRequest clustering(DatasetId dataset, String algorithm) {
        return new TrainingRequest(dataset, "", Optional.of(ProblemType.CLUSTERING), algorithm, Map.of(),
                Validation.defaultHoldout(), Optional.empty(), 0);
    }

    public boolean isClustering() {
        return problemType.orElse(null) == ProblemType.CLUSTERING;
    }

    public TrainingRequest withOptions(Map<String, String> newOptions) {
        return new TrainingRequest(dataset, target, problemType, algorithm, newOptions, validation, experiment, threads, recipe, rowLimit);
    }

    public TrainingRequest withValidation(Validation newValidation) {
        return new TrainingRequest(dataset, target, problemType, algorithm, options, newValidation, experiment, threads, recipe, rowLimit);
    }

    public TrainingRequest withProblemType(ProblemType type) {
        return new TrainingRequest(dataset, target, Optional.of(type), algorithm, options, validation, experiment, threads, recipe, rowLimit);
    }

    public TrainingRequest withExperiment(String name) {
        return new TrainingRequest(dataset, target, problemType, algorithm, options, validation, Optional.of(name), threads, recipe, rowLimit);
    }

    /** At most {@code count} threads for the algorithm (0: all cores). */
    public TrainingRequest withThreads(int count) {
        return new TrainingRequest(dataset, target, problemType, algorithm, options, validation, experiment, count, recipe, rowLimit);
    }

    /**
     * Trains on the result of a wrangling recipe over the dataset instead of the dataset itself. The
     * model then takes the dataset's raw columns: it applies the recipe's fitted row-wise transform
     * before its own encoding (in predict, the model server and batch scoring). A recipe with a step
     * that needs other rows (join, concatenate, group by) or SQL (computed column) is refused.
     */
    public TrainingRequest withRecipe(RecipeRef ref) {
        return new TrainingRequest(dataset, target, problemType, algorithm, options, validation, experiment, threads,
                Optional.of(ref), rowLimit);
    }

    /** {@link #withRecipe} with a saved recipe; {@code version} null means the latest. */
    public TrainingRequest withRecipe(String name, Integer version) {
        return withRecipe(RecipeRef.saved(name, version));
    }

    /**
     * Trains on at most {@code rows} rows (0: all): a sample drawn by a hash of each row's values and the
     * validation seed, so the same data and seed give the same sample (identical rows go together). For
     * quick models on large data; the run records the limit and the rows actually used.
     */
    public TrainingRequest withRowLimit(long rows) {
        return new TrainingRequest(dataset, target, problemType, algorithm, options, validation, experiment, threads,
                recipe, rows);
    }
}
