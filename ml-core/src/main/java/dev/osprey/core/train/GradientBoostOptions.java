package dev.osprey.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.osprey.core.train.OptionReader.openRange;
import static dev.osprey.core.train.OptionReader.range;

/** Smile gradient tree boosting hyperparameters. */
public record GradientBoostOptions(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage, double subsample)
        implements AlgorithmOptions {
    public GradientBoostOptions {
        range("trees", trees, 1, 5000);
        TreeShape.check(maxDepth, maxNodes, nodeSize);
        openRange("shrinkage", shrinkage, 0, 1);
        openRange("subsample", subsample, 0, 1);
    }

    public static GradientBoostOptions defaults() {
        return new GradientBoostOptions(100, 5, 6, 5, 0.1, 0.7);
    }

    public static GradientBoostOptions from(Map<String, String> values) throws TrainingException {
        GradientBoostOptions d = defaults();
        OptionReader r = new OptionReader("gradient_boost", values, d);
        int trees = r.integer("trees", d.trees);
        TreeShape s = TreeShape.read(r, d.maxDepth, d.maxNodes, d.nodeSize);
        double shrink = r.decimal("shrinkage", d.shrinkage);
        double sub = r.decimal("subsample", d.subsample);
        return OptionReader.build(() -> new GradientBoostOptions(trees, s.maxDepth(), s.maxNodes(), s.nodeSize(), shrink, sub));
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("trees", Integer.toString(trees));
        TreeShape.put(m, maxDepth, maxNodes, nodeSize);
        m.put("shrinkage", Double.toString(shrinkage));
        m.put("subsample", Double.toString(subsample));
        return m;
    }
}
