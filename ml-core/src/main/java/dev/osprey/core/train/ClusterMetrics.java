package dev.osprey.core.train;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/** Clustering quality on scaled rows; a cluster id of -1 (noise) belongs to no cluster. */
final class ClusterMetrics {
    /** Silhouette costs rows² distances: it is measured on a seeded sample of at most this many rows. */
    static final int SILHOUETTE_MAX_ROWS = 5_000;

    private ClusterMetrics() {
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }

    /** Within-cluster sum of squares: each clustered row's squared distance to its cluster's mean. */
    static double wcss(double[][] z, int[] assigned, int k) {
        double[][] mean = means(z, assigned, k);
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            if (assigned[i] >= 0) {
                s += squaredDistance(z[i], mean[assigned[i]]);
            }
        }
        return s;
    }

    private static double[][] means(double[][] z, int[] assigned, int k) {
        int p = z.length == 0 ? 0 : z[0].length;
        double[][] mean = new double[k][p];
        int[] count = new int[k];
        for (int i = 0; i < z.length; i++) {
            int c = assigned[i];
            if (c >= 0) {
                count[c]++;
                for (int j = 0; j < p; j++) {
                    mean[c][j] += z[i][j];
                }
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < p; j++) {
                mean[c][j] /= Math.max(1, count[c]);
            }
        }
        return mean;
    }

    /**
     * Per encoded feature, the share of its variance (over the clustered rows) that lies between
     * the clusters: 1 - within / total. A feature the clusters split well scores near 1.
     */
    static double[] explainedVariance(double[][] z, int[] assigned) {
        int k = IntStream.of(assigned).max().orElse(-1) + 1;
        int p = z[0].length;
        double[][] mean = means(z, assigned, k);
        double[] overall = new double[p];
        int n = 0;
        for (int i = 0; i < z.length; i++) {
            if (assigned[i] >= 0) {
                n++;
                for (int j = 0; j < p; j++) {
                    overall[j] += z[i][j];
                }
            }
        }
        double[] within = new double[p];
        double[] total = new double[p];
        for (int j = 0; j < p; j++) {
            overall[j] /= Math.max(1, n);
        }
        for (int i = 0; i < z.length; i++) {
            int c = assigned[i];
            if (c >= 0) {
                for (int j = 0; j < p; j++) {
                    within[j] += (z[i][j] - mean[c][j]) * (z[i][j] - mean[c][j]);
                    total[j] += (z[i][j] - overall[j]) * (z[i][j] - overall[j]);
                }
            }
        }
        double[] out = new double[p];
        for (int j = 0; j < p; j++) {
            out[j] = total[j] > 0 ? Math.max(0, 1 - within[j] / total[j]) : 0;
        }
        return out;
    }

    /**
     * The mean silhouette of the clustered rows (noise left out), on a sample of at most
     * {@link #SILHOUETTE_MAX_ROWS} drawn with {@code seed}: for each row, (b - a) / max(a, b) where a
     * is its mean distance to its own cluster and b to the nearest other cluster; 0 for a row alone
     * in its cluster. NaN with fewer than two clusters.
     */
    static double silhouette(double[][] z, int[] assigned, long seed) {
        int[] clustered = IntStream.range(0, z.length).filter(i -> assigned[i] >= 0).toArray();
        if (clustered.length > SILHOUETTE_MAX_ROWS) {
            int[] perm = Splits.permutation(clustered.length, new Random(seed));
            int[] sample = new int[SILHOUETTE_MAX_ROWS];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = clustered[perm[i]];
            }
            clustered = sample;
        }
        int[] rows = clustered;
        int k = IntStream.of(rows).map(i -> assigned[i]).max().orElse(-1) + 1;
        if (IntStream.of(rows).map(i -> assigned[i]).distinct().count() < 2) {
            return Double.NaN;
        }
        int[] size = new int[k];
        for (int i : rows) {
            size[assigned[i]]++;
        }
        return IntStream.range(0, rows.length).parallel().mapToDouble(a -> {
            double[] sum = new double[k];
            int own = assigned[rows[a]];
            for (int b : rows) {
                sum[assigned[b]] += Math.sqrt(squaredDistance(z[rows[a]], z[b]));
            }
            if (size[own] < 2) {
                return 0;
            }
            double inside = sum[own] / (size[own] - 1);
            double nearest = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && size[c] > 0) {
                    nearest = Math.min(nearest, sum[c] / size[c]);
                }
            }
            double m = Math.max(inside, nearest);
            return m == 0 ? 0 : (nearest - inside) / m;
        }).average().orElse(Double.NaN);
    }

    /** The adjusted Rand index of two labelings (1: the same partition; about 0: chance agreement). */
    static double adjustedRand(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " labels against " + b.length);
        }
        Map<Long, Integer> pairs = new HashMap<>();
        Map<Integer, Integer> rowsA = new HashMap<>();
        Map<Integer, Integer> rowsB = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            pairs.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1, Integer::sum);
            rowsA.merge(a[i], 1, Integer::sum);
            rowsB.merge(b[i], 1, Integer::sum);
        }
        double index = pairs.values().stream().mapToDouble(ClusterMetrics::choose2).sum();
        double sa = rowsA.values().stream().mapToDouble(ClusterMetrics::choose2).sum();
        double sb = rowsB.values().stream().mapToDouble(ClusterMetrics::choose2).sum();
        double expected = sa * sb / choose2(a.length);
        double max = (sa + sb) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    private static double choose2(int n) {
        return n * (n - 1) / 2.0;
    }
}
