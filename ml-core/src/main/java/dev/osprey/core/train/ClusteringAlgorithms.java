package dev.osprey.core.train;

import smile.clustering.CentroidClustering;
import smile.clustering.Clustering;
import smile.clustering.DBSCAN;
import smile.math.MathEx;
import smile.neighbor.KDTree;
import smile.neighbor.Neighbor;
import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Smile's k-means and DBSCAN. Both run on the encoded rows (the one encoding: medians for missing
 * numbers, one-hot categories) after {@link Scaling#standardize standardising} every encoded
 * feature to mean 0 and standard deviation 1 over the training rows, so that no feature weighs
 * on the Euclidean distance through its units alone. The model keeps that scaling and applies
 * it to every row it assigns later. Neither has a target: their "importance" is how much of each
 * column's variance the clusters explain.
 */
final class ClusteringAlgorithms {
    /** Cluster id {@link ClusterPredictor} gives a row that belongs to no cluster (DBSCAN noise). */
    static final int NOISE = -1;

    private ClusteringAlgorithms() {
    }

    private abstract static class Base extends NamedAlgorithm {
        Base(String id, String displayName, AlgorithmOptions defaults, OptionParser parser) {
            super(id, displayName, CLUSTERING, defaults, parser);
        }

        @Override
        public final Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context)
                throws TrainingException {
            if (train.rows() < 2) {
                throw new TrainingException("Clustering needs at least 2 rows; the data has " + train.rows() + ".");
            }
            Scaling scaling = Scaling.standardize(train.x());
            double[][] z = scaling.apply(train.x());
            ClusterPredictor model = cluster(z, scaling, options, context);
            int[] assigned = new int[z.length];
            for (int i = 0; i < z.length; i++) {
                assigned[i] = model.assignScaled(z[i]);
            }
            return new Fitted(model, Optional.of(ClusterMetrics.explainedVariance(z, assigned)));
        }

        abstract ClusterPredictor cluster(double[][] z, Scaling scaling, AlgorithmOptions options, FitContext context)
                throws TrainingException;

        static IterativeAlgorithmController<AlgoStatus> controller(FitContext context) {
            IterativeAlgorithmController<AlgoStatus> c = new IterativeAlgorithmController<>();
            context.onCancel(c::stop);
            return c;
        }
    }

    static final class KMeans extends Base {
        KMeans() {
            super("kmeans", "k-means (clustering)", KMeansOptions.defaults(), (id, v) -> KMeansOptions.from(v));
        }

        /** The best (lowest within-cluster sum of squares) of the restarts, each seeded from the options' seed. */
        @Override
        ClusterPredictor cluster(double[][] z, Scaling scaling, AlgorithmOptions options, FitContext context)
                throws TrainingException {
            KMeansOptions o = (KMeansOptions) options;
            if (o.k() > z.length) {
                throw new TrainingException("k is " + o.k() + " but the data has only " + z.length
                        + " rows; k must be at most the number of rows.");
            }
            CentroidClustering<double[], double[]> best = null;
            for (int r = 0; r < o.restarts(); r++) {
                context.checkCancelled();
                MathEx.setSeed(o.seed() + r);
                try (IterativeAlgorithmController<AlgoStatus> c = controller(context)) {
                    CentroidClustering<double[], double[]> fit = smile.clustering.KMeans.fit(z,
                            new Clustering.Options(o.k(), o.maxIterations(), 1e-4, c));
                    context.checkCancelled();
                    context.log("k-means start " + (r + 1) + " of " + o.restarts() + ": distortion " + fit.distortion());
                    if (best == null || fit.distortion() < best.distortion()) {
                        best = fit;
                    }
                }
            }
            double[][] centers = new double[o.k()][];
            for (int j = 0; j < o.k(); j++) {
                centers[j] = best.center(j).clone();
            }
            return ClusterPredictor.centroids(scaling, centers);
        }
    }

    static final class Dbscan extends Base {
        Dbscan() {
            super("dbscan", "DBSCAN (density clustering)", DbscanOptions.defaults(), (id, v) -> DbscanOptions.from(v));
        }

        /**
         * Smile assigns the clusters; the model keeps the core points (rows with at least min_pts
         * rows within the radius, themselves included) with their cluster, and assigns a new row to
         * the cluster of its nearest core point within the radius, else to noise.
         */
        @Override
        ClusterPredictor cluster(double[][] z, Scaling scaling, AlgorithmOptions options, FitContext context)
                throws TrainingException {
            DbscanOptions o = (DbscanOptions) options;
            if (o.minPts() > z.length) {
                throw new TrainingException("min_pts is " + o.minPts() + " but the data has only " + z.length
                        + " rows; no row could be a core point.");
            }
            KDTree<double[]> tree = KDTree.of(z);
            context.checkCancelled();
            DBSCAN<double[]> fit = DBSCAN.fit(z, tree, o.minPts(), o.radius());
            List<double[]> cores = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            List<Neighbor<double[], double[]>> near = new ArrayList<>();
            for (int i = 0; i < z.length; i++) {
                if ((i & 1023) == 0) {
                    context.checkCancelled();
                }
                int g = fit.group(i);
                if (g == Clustering.OUTLIER) {
                    continue;
                }
                near.clear();
                tree.search(z[i], o.radius(), near);
                if (near.size() + 1 >= o.minPts()) {
                    cores.add(z[i]);
                    labels.add(g);
                }
            }
            context.log("DBSCAN found " + fit.k() + " clusters and " + cores.size() + " core points.");
            return ClusterPredictor.corePoints(scaling, cores.toArray(double[][]::new),
                    labels.stream().mapToInt(Integer::intValue).toArray(), o.radius(), fit.k());
        }
    }

    /** For messages: the sizes of clusters 0..k-1 of {@code assigned}, noise not counted. */
    static int[] sizes(int[] assigned, int k) {
        int[] out = new int[k];
        for (int a : assigned) {
            if (a >= 0 && a < k) {
                out[a]++;
            }
        }
        return out;
    }

    static String describe(int[] sizes) {
        return Arrays.toString(sizes);
    }
}
