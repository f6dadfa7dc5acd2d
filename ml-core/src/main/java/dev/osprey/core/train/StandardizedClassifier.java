package dev.osprey.core.train;

import smile.classification.Classifier;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;

/**
 * A Smile classifier on standardised features (logistic regression, k-NN): each feature is
 * centred and scaled by the training mean and standard deviation before it reaches the model.
 */
final class StandardizedClassifier implements Predictor {
    @Serial
    private static final long serialVersionUID = 1L;

    private final double[] mean;
    private final double[] scale;
    private final Classifier<double[]> model;
    private final int numClasses;

    StandardizedClassifier(double[] mean, double[] scale, Classifier<double[]> model, int numClasses) {
        this.mean = mean;
        this.scale = scale;
        this.model = model;
        this.numClasses = numClasses;
    }

    /** Mean and standard deviation per feature (1 where a feature does not vary). */
    static double[][] moments(double[][] x) {
        int p = x[0].length;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
            }
        }
        for (int j = 0; j < p; j++) {
            sd[j] = sd[j] > 1e-24 ? Math.sqrt(sd[j]) : 1;
        }
        return new double[][] {mean, sd};
    }

    static double[][] standardize(double[][] x, double[] mean, double[] scale) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = standardize(x[i], mean, scale);
        }
        return out;
    }

    private static double[] standardize(double[] x, double[] mean, double[] scale) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / scale[j];
        }
        return z;
    }

    @Override
    public double[] predict(double[] x) {
        double[] z = standardize(x, mean, scale);
        int[] seen = model.classes();
        double[] post = new double[seen.length];
        if (model.isSoft()) {
            model.predict(z, post);
            return SmileFrames.spread(post, seen, numClasses);
        }
        double[] out = new double[numClasses];
        out[model.predict(z)] = 1;
        return out;
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (model == null || mean == null || scale == null || mean.length != scale.length || numClasses < 2) {
            throw new InvalidObjectException("a standardised classifier without its model or scaling");
        }
    }
}
