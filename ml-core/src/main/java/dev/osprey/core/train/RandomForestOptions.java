package dev.osprey.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static dev.osprey.core.train.OptionReader.openRange;
import static dev.osprey.core.train.OptionReader.range;

/** Random forest hyperparameters; {@code mtry} 0 means the usual default (p/3 rounded up for regression, sqrt(p) for classes). */
public record RandomForestOptions(int trees, int maxDepth, int maxNodes, int nodeSize, int mtry, double subsample)
        implements AlgorithmOptions {
    static final Set<String> KEYS = Set.of("trees", "max_depth", "max_nodes", "node_size", "mtry", "subsample");

    public RandomForestOptions {
        range("trees", trees, 1, 2000);
        range("max_depth", maxDepth, 1, 32);
        range("max_nodes", maxNodes, 2, 100_000);
        range("node_size", nodeSize, 1, 10_000);
        range("mtry", mtry, 0, 100_000);
        openRange("subsample", subsample, 0, 1);
    }

    public static RandomForestOptions defaults() {
        return new RandomForestOptions(100, 20, 1000, 5, 0, 1.0);
    }

    public static RandomForestOptions from(Map<String, String> values) throws TrainingException {
        OptionReader r = new OptionReader("random_forest", values, KEYS);
        RandomForestOptions d = defaults();
        int trees = r.integer("trees", d.trees);
        int depth = r.integer("max_depth", d.maxDepth);
        int nodes = r.integer("max_nodes", d.maxNodes);
        int size = r.integer("node_size", d.nodeSize);
        int mtry = r.integer("mtry", d.mtry);
        double sub = r.decimal("subsample", d.subsample);
        return OptionReader.build(() -> new RandomForestOptions(trees, depth, nodes, size, mtry, sub));
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("trees", Integer.toString(trees));
        m.put("max_depth", Integer.toString(maxDepth));
        m.put("max_nodes", Integer.toString(maxNodes));
        m.put("node_size", Integer.toString(nodeSize));
        m.put("mtry", Integer.toString(mtry));
        m.put("subsample", Double.toString(subsample));
        return m;
    }
}
