package dev.osprey.core.train;

import java.io.Serial;

/** y = b + w·x: the coefficients of a linear regression, kept without the fitting library's state. */
record LinearPredictor(double[] weights, double intercept) implements Predictor {
    @Serial
    private static final long serialVersionUID = 1L;

    LinearPredictor {
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("a linear model needs its coefficients");
        }
        weights = weights.clone();
    }

    @Override
    public double[] predict(double[] x) {
        double y = intercept;
        for (int j = 0; j < weights.length; j++) {
            y += weights[j] * x[j];
        }
        return new double[] {y};
    }
}
