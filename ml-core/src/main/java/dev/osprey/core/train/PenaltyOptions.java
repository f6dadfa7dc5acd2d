package dev.osprey.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.osprey.core.train.OptionReader.range;

/**
 * The options of the penalised linear models (ridge, lasso, logistic regression): the penalty
 * {@code lambda} and the iteration cap (lasso and logistic only).
 */
public record PenaltyOptions(double lambda, int maxIter) implements AlgorithmOptions {
    public PenaltyOptions {
        range("lambda", lambda, 0, 1e6);
        range("max_iter", maxIter, 1, 100_000);
    }

    static PenaltyOptions from(String algorithm, Map<String, String> values, PenaltyOptions defaults, boolean positive)
            throws TrainingException {
        OptionReader r = new OptionReader(algorithm, values, defaults);
        double lambda = r.decimal("lambda", defaults.lambda);
        int iter = r.integer("max_iter", defaults.maxIter);
        PenaltyOptions o = OptionReader.build(() -> new PenaltyOptions(lambda, iter));
        if (positive && lambda <= 0) {
            throw new TrainingException("lambda must be greater than 0 for " + algorithm + ", not " + OptionReader.fmt(lambda));
        }
        return o;
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("lambda", Double.toString(lambda));
        m.put("max_iter", Integer.toString(maxIter));
        return m;
    }
}
