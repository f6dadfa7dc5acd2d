package dev.osprey.core.train;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a model sees of an encoded row: the columns it kept, each centred and scaled by its
 * training mean and standard deviation. Kernel machines and neural networks need comparable
 * scales; LDA also needs linearly independent columns, and one-hot encoding with all categories
 * makes them dependent, so {@link #independent} drops the columns the others already span.
 */
record Scaling(double[] mean, double[] scale, int[] columns) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    Scaling {
        if (mean == null || scale == null || columns == null || mean.length != scale.length || columns.length == 0) {
            throw new IllegalArgumentException("a scaling needs its means, scales and at least one column");
        }
    }

    /** Standardises every column. */
    static Scaling standardize(double[][] x) {
        double[][] m = StandardizedClassifier.moments(x);
        return new Scaling(m[0], m[1], java.util.stream.IntStream.range(0, m[0].length).toArray());
    }

    /** Standardises and keeps a linearly independent subset of the columns (greedy Gram-Schmidt, in column order). */
    static Scaling independent(double[][] x) {
        Scaling all = standardize(x);
        double[][] z = all.apply(x);
        int n = z.length;
        List<double[]> basis = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < all.mean.length; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = z[i][j];
            }
            double before = Math.sqrt(dot(v, v));
            for (double[] b : basis) {
                double d = dot(v, b);
                for (int i = 0; i < n; i++) {
                    v[i] -= d * b[i];
                }
            }
            double norm = Math.sqrt(dot(v, v));
            if (before > 0 && norm > 1e-6 * before) {
                for (int i = 0; i < n; i++) {
                    v[i] /= norm;
                }
                basis.add(v);
                kept.add(j);
            }
        }
        return new Scaling(all.mean, all.scale, kept.stream().mapToInt(Integer::intValue).toArray());
    }

    double[] apply(double[] x) {
        double[] z = new double[columns.length];
        for (int k = 0; k < columns.length; k++) {
            int j = columns[k];
            z[k] = (x[j] - mean[j]) / scale[j];
        }
        return z;
    }

    double[][] apply(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = apply(x[i]);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
