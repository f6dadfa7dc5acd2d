package dev.osprey.core.train;

import java.io.Serializable;

/**
 * A fitted model on encoded rows. Regression: an array of length 1 (the value); classification:
 * the probabilities of every class, in the order of the signature's class labels.
 * Implementations are serialized into model files, so they hold only model state.
 */
public interface Predictor extends Serializable {
    double[] predict(double[] x);

    default double[][] predict(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = predict(x[i]);
        }
        return out;
    }
}
