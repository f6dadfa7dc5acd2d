package dev.osprey.core.tune;

import java.util.Map;

/**
 * Evaluates one point of the search space and returns the objective value. The tuner calls it
 * on its worker threads, several at once when parallelism is above 1. A plain function (no
 * training) is enough to test the strategies; TuningService trains a model per call.
 */
@FunctionalInterface
public interface TrialFunction {
    double evaluate(Map<String, String> params, TrialReporter reporter) throws Exception;

    /**
     * How many of its trials may wait paused at a Hyperband rung at once: a waiting trial keeps
     * what its evaluation holds (a model, its data). Unlimited unless the function says so; the
     * tuner applies its own cap as well.
     */
    default int maxPaused() {
        return Integer.MAX_VALUE;
    }
}
