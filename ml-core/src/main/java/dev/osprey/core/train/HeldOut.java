package dev.osprey.core.train;

import java.util.List;
import java.util.Objects;

/**
 * The predictions for rows the model did not train on: the holdout rows, or for k-fold each
 * row's out-of-fold prediction. At most {@link #MAX_ROWS} are kept (a seeded sample, in row
 * order) so a large dataset does not keep millions of points in memory; {@code scored} says how
 * many were scored in all. {@code actual[i]} is the value (regression) or class index;
 * {@code predictions[i]} the predicted value as an array of one, or every class's probability in
 * the order of {@code classLabels}. Arrays are shared: do not modify.
 */
public record HeldOut(ProblemType problemType, List<String> classLabels, double[] actual, double[][] predictions,
                      int scored, boolean outOfFold) {
    public static final int MAX_ROWS = 20_000;

    public HeldOut {
        Objects.requireNonNull(problemType);
        classLabels = List.copyOf(classLabels);
        if (actual.length != predictions.length) {
            throw new IllegalArgumentException(actual.length + " actual values but " + predictions.length + " predictions");
        }
    }

    /** Nothing held out (clustering, which has no target). */
    public static HeldOut none(ProblemType type) {
        return new HeldOut(type, List.of(), new double[0], new double[0][], 0, false);
    }

    /** How many rows are kept here (at most {@link #MAX_ROWS}). */
    public int rows() {
        return actual.length;
    }

    public boolean isEmpty() {
        return actual.length == 0;
    }

    /** Keeps a seeded sample of at most {@link #MAX_ROWS} of {@code actual}/{@code predictions}, in their order. */
    static HeldOut sample(ProblemType type, List<String> labels, double[] actual, double[][] predictions, boolean outOfFold,
                          long seed) {
        int n = actual.length;
        if (n <= MAX_ROWS) {
            return new HeldOut(type, labels, actual, predictions, n, outOfFold);
        }
        int[] keep = java.util.Arrays.copyOf(Splits.permutation(n, new java.util.Random(seed)), MAX_ROWS);
        java.util.Arrays.sort(keep);
        double[] a = new double[MAX_ROWS];
        double[][] p = new double[MAX_ROWS][];
        for (int i = 0; i < MAX_ROWS; i++) {
            a[i] = actual[keep[i]];
            p[i] = predictions[keep[i]];
        }
        return new HeldOut(type, labels, a, p, n, outOfFold);
    }
}
