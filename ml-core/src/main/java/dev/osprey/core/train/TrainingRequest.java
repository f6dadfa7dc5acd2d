package dev.osprey.core.train;

import dev.osprey.core.data.DatasetId;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to train: a dataset, its target column, an algorithm ({@link Algorithms} lists them)
 * with its options as a flat map (missing keys take the defaults), and the validation.
 * {@code problemType} empty means inferred from the target. {@code experiment} empty means
 * the default experiment "DATASET / TARGET".
 */
public record TrainingRequest(DatasetId dataset, String target, Optional<ProblemType> problemType, String algorithm,
                              Map<String, String> options, Validation validation, Optional<String> experiment) {
    public TrainingRequest {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(problemType, "problemType");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(experiment, "experiment");
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("Choose the target column to predict.");
        }
        if (algorithm == null || algorithm.isBlank()) {
            throw new IllegalArgumentException("Choose an algorithm.");
        }
        options = Map.copyOf(options);
    }

    /** Default options, inferred problem type, 20% holdout. */
    public static TrainingRequest of(DatasetId dataset, String target, String algorithm) {
        return new TrainingRequest(dataset, target, Optional.empty(), algorithm, Map.of(), Validation.defaultHoldout(),
                Optional.empty());
    }

    public TrainingRequest withOptions(Map<String, String> newOptions) {
        return new TrainingRequest(dataset, target, problemType, algorithm, newOptions, validation, experiment);
    }

    public TrainingRequest withValidation(Validation newValidation) {
        return new TrainingRequest(dataset, target, problemType, algorithm, options, newValidation, experiment);
    }

    public TrainingRequest withProblemType(ProblemType type) {
        return new TrainingRequest(dataset, target, Optional.of(type), algorithm, options, validation, experiment);
    }

    public TrainingRequest withExperiment(String name) {
        return new TrainingRequest(dataset, target, problemType, algorithm, options, validation, Optional.of(name));
    }
}
