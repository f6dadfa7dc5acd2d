package dev.osprey.core.train;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;

/**
 * Assigns a row to a cluster; {@link #predict} gives {@code [cluster id]}, {@code -1} for noise.
 * Holds only arrays (the scaling, and k-means centres or DBSCAN core points with their cluster),
 * never a Smile object, so the model file stays small and passes the deserialization filter.
 */
final class ClusterPredictor implements Predictor {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Scaling scaling;
    private final double[][] points;
    /** The cluster of each point; null for centroids (point j is cluster j). */
    private final int[] labels;
    /** DBSCAN's radius; infinite for centroids (the nearest centre always wins). */
    private final double radius;
    private final int clusters;

    private ClusterPredictor(Scaling scaling, double[][] points, int[] labels, double radius, int clusters) {
        this.scaling = scaling;
        this.points = points;
        this.labels = labels;
        this.radius = radius;
        this.clusters = clusters;
    }

    static ClusterPredictor centroids(Scaling scaling, double[][] centers) {
        return new ClusterPredictor(scaling, centers, null, Double.POSITIVE_INFINITY, centers.length);
    }

    static ClusterPredictor corePoints(Scaling scaling, double[][] cores, int[] labels, double radius, int clusters) {
        return new ClusterPredictor(scaling, cores, labels, radius, clusters);
    }

    /** The number of clusters (ids 0..clusters-1). */
    int clusters() {
        return clusters;
    }

    boolean hasNoise() {
        return labels != null;
    }

    /** Rows as the model compares them (each feature standardised with the training mean and deviation). */
    double[][] scaled(double[][] x) {
        return scaling.apply(x);
    }

    @Override
    public double[] predict(double[] x) {
        return new double[] {assignScaled(scaling.apply(x))};
    }

    /** The cluster of a row already scaled. */
    int assignScaled(double[] z) {
        int best = -1;
        double bestDistance = radius == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : radius * radius;
        for (int j = 0; j < points.length; j++) {
            double d = ClusterMetrics.squaredDistance(z, points[j]);
            if (d < bestDistance || (best < 0 && d == bestDistance)) {
                bestDistance = d;
                best = j;
            }
        }
        if (best < 0) {
            return ClusteringAlgorithms.NOISE;
        }
        return labels == null ? best : labels[best];
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (scaling == null || points == null || clusters < 1 || (labels != null && labels.length != points.length)
                || (labels == null && points.length != clusters)) {
            throw new InvalidObjectException("an incomplete clustering model");
        }
    }
}
