package dev.osprey.core.train;

import java.util.List;
import java.util.Objects;

/**
 * Encoded rows for an algorithm: {@code x} row-major, {@code y} the target (for classification
 * the class index 0..numClasses-1 as a double). Arrays are shared, not copied: do not modify.
 */
public record TrainingSet(double[][] x, double[] y, List<String> featureNames, ProblemType problemType, int numClasses) {
    public TrainingSet {
        Objects.requireNonNull(x);
        Objects.requireNonNull(y);
        Objects.requireNonNull(problemType);
        featureNames = List.copyOf(featureNames);
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " rows but " + y.length + " targets");
        }
    }

    public int rows() {
        return x.length;
    }

    public int features() {
        return featureNames.size();
    }

    /** The class indices (classification). */
    public int[] labels() {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (int) y[i];
        }
        return out;
    }

    /** The rows at {@code index}. */
    public TrainingSet subset(int[] index) {
        double[][] sx = new double[index.length][];
        double[] sy = new double[index.length];
        for (int i = 0; i < index.length; i++) {
            sx[i] = x[index[i]];
            sy[i] = y[index[i]];
        }
        return new TrainingSet(sx, sy, featureNames, problemType, numClasses);
    }
}
