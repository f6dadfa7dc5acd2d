package dev.osprey.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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

    public static KMeansOptions from(Map<String, String> values) throws TrainingException {
        OptionReader r = new OptionReader("kmeans", values, Set.of("k", "max_iterations", "restarts", "seed"));
        int k = r.integer("k", 3);
        int iterations = r.integer("max_iterations", 100);
        int restarts = r.integer("restarts", 4);
        int seed = r.integer("seed", 42);
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
