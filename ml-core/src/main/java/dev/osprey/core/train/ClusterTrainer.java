package dev.osprey.core.train;

import dev.osprey.core.job.JobContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Fits a clustering on every row and measures it on those rows: there is no target to hold
 * rows out for. Metrics: {@code clusters}, {@code silhouette} (seeded sample, see
 * {@link ClusterMetrics#silhouette}), {@code wcss} (k-means) or {@code noise} (DBSCAN).
 */
final class ClusterTrainer {
    private ClusterTrainer() {
    }

    static Trainer.Outcome run(Prepared data, Algorithm algorithm, AlgorithmOptions options, long seed, int threads,
                               JobContext job, Consumer<? super TrainingEvent> events) throws TrainingException {
        if (!algorithm.supports(ProblemType.CLUSTERING)) {
            throw new TrainingException(algorithm.displayName() + " needs a target column; choose one of "
                    + String.join(", ", Algorithms.supporting(ProblemType.CLUSTERING).stream().map(Algorithm::id).toList())
                    + " to cluster without one.");
        }
        job.checkCancelled();
        job.progress(0.05, "Clustering " + data.rows() + " rows with " + algorithm.displayName());
        TrainingSet rows = data.all();
        int cores = Runtime.getRuntime().availableProcessors();
        Fitted fitted = Trainer.fit(algorithm, EncodedRows.of(rows), Optional.empty(), options,
                new FitContext(job, events, 0, seed, threads > 0 ? Math.min(threads, cores) : cores)).fitted();
        ClusterPredictor model = (ClusterPredictor) fitted.predictor();
        job.checkCancelled();
        job.progress(0.8, "Measuring the clusters");
        double[][] z = model.scaled(rows.x());
        int[] assigned = new int[z.length];
        IntStream.range(0, z.length).parallel().forEach(i -> assigned[i] = model.assignScaled(z[i]));
        int k = model.clusters();
        int[] sizes = ClusteringAlgorithms.sizes(assigned, k);
        int noise = (int) IntStream.of(assigned).filter(a -> a < 0).count();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("clusters", (double) k);
        metrics.put("silhouette", ClusterMetrics.silhouette(z, assigned, seed));
        if (model.hasNoise()) {
            metrics.put("noise", (double) noise);
        } else {
            metrics.put("wcss", ClusterMetrics.wcss(z, assigned, k));
        }
        List<Integer> sizeList = new ArrayList<>();
        for (int s : sizes) {
            sizeList.add(s);
        }
        FeatureImportance importance = FeatureImportance.of("cluster separation",
                fitted.importance().orElseGet(() -> new double[data.encoder().width()]), data.encoder());
        return new Trainer.Outcome(model, metrics, Optional.empty(), importance, data.rows(), 0,
                HeldOut.none(ProblemType.CLUSTERING), Optional.of(new ClusterReport(sizeList, noise)));
    }
}
