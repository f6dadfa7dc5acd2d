package dev.osprey.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static dev.osprey.core.train.OptionReader.openRange;
import static dev.osprey.core.train.OptionReader.range;

/** Smile gradient tree boosting hyperparameters. */
public record GradientBoostOptions(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage, double subsample)
        implements AlgorithmOptions {
    static final Set<String> KEYS = Set.of("trees", "max_depth", "max_nodes", "node_size", "shrinkage", "subsample");

    public GradientBoostOptions {
        range("trees", trees, 1, 5000);
        range("max_depth", maxDepth, 1, 32);
        range("max_nodes", maxNodes, 2, 100_000);
        range("node_size", nodeSize, 1, 10_000);
        openRange("shrinkage", shrinkage, 0, 1);
        openRange("subsample", subsample, 0, 1);
    }

    public static GradientBoostOptions defaults() {
        return new GradientBoostOptions(100, 5, 6, 5, 0.1, 0.7);
    }

    public static GradientBoostOptions from(Map<String, String> values) throws TrainingException {
        OptionReader r = new OptionReader("gradient_boost", values, KEYS);
        GradientBoostOptions d = defaults();
        int trees = r.integer("trees", d.trees);
        int depth = r.integer("max_depth", d.maxDepth);
        int nodes = r.integer("max_nodes", d.maxNodes);
        int size = r.integer("node_size", d.nodeSize);
        double shrink = r.decimal("shrinkage", d.shrinkage);
        double sub = r.decimal("subsample", d.subsample);
        return OptionReader.build(() -> new GradientBoostOptions(trees, depth, nodes, size, shrink, sub));
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("trees", Integer.toString(trees));
        m.put("max_depth", Integer.toString(maxDepth));
        m.put("max_nodes", Integer.toString(maxNodes));
        m.put("node_size", Integer.toString(nodeSize));
        m.put("shrinkage", Double.toString(shrinkage));
        m.put("subsample", Double.toString(subsample));
        return m;
    }
}
