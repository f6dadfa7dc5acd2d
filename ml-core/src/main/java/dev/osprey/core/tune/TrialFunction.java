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
}
