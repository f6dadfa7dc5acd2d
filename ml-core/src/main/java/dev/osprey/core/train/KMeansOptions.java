package dev.osprey.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.osprey.core.train.OptionReader.range;

/**
 * k-means: {@code k} clusters, at most {@code maxIterations} Lloyd rounds per start, the best of
 * {@code restarts} k-means++ starts (lowest within-cluster sum of squares), reproducible from {@code seed}.
 */
public record KMeansOptions(int k, int maxIterations, int restarts, long seed) implements AlgorithmOptions {
    public KMeansOptions {
        range("k", k, 2, 1000);
        range("max_iterations", maxIterations, 1, 10_000);
        range("restarts", restarts, 1, 100);
        range("seed", seed, 0, Integer.MAX_VALUE);
    }

    public static KMeansOptions defaults() {
        return new KMeansOptions(3, 100, 4, 42);
    }

    public static KMeansOptions from(Map<String, String> values) throws TrainingException {
        KMeansOptions d = defaults();
        OptionReader r = new OptionReader("kmeans", values, d);
        int k = r.integer("k", d.k);
        int iterations = r.integer("max_iterations", d.maxIterations);
        int restarts = r.integer("restarts", d.restarts);
        int seed = r.integer("seed", (int) d.seed);
        return OptionReader.build(() -> new KMeansOptions(k, iterations, restarts, seed));
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("k", Integer.toString(k));
        m.put("max_iterations", Integer.toString(maxIterations));
        m.put("restarts", Integer.toString(restarts));
        m.put("seed", Long.toString(seed));
        return m;
    }
}
