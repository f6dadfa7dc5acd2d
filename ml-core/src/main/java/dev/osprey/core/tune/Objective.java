package dev.osprey.core.tune;

import dev.osprey.core.train.ProblemType;

import java.util.Objects;

/** The validation metric a tuning job optimises (a key of TrainingResult.metrics()) and its direction. */
public record Objective(String metric, Direction direction) {
    public Objective {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("Name the metric to optimise, e.g. rmse or roc_auc.");
        }
        Objects.requireNonNull(direction);
    }

    public static Objective minimize(String metric) {
        return new Objective(metric, Direction.MINIMIZE);
    }

    public static Objective maximize(String metric) {
        return new Objective(metric, Direction.MAXIMIZE);
    }

    /** The metric with its usual direction (rmse down, accuracy up, ...). */
    public static Objective of(String metric) {
        return new Objective(metric, Direction.of(metric));
    }

    /** rmse for regression, ROC AUC for two classes, accuracy for more. */
    public static Objective defaultFor(ProblemType type) {
        return switch (type) {
            case REGRESSION -> minimize("rmse");
            case BINARY -> maximize("roc_auc");
            default -> maximize("accuracy");
        };
    }

    @Override
    public String toString() {
        return (direction == Direction.MINIMIZE ? "minimize " : "maximize ") + metric;
    }
}
