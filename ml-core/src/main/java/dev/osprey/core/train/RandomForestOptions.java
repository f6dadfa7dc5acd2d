package dev.osprey.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.osprey.core.train.OptionReader.openRange;
import static dev.osprey.core.train.OptionReader.range;

/** Random forest hyperparameters; {@code mtry} 0 means the usual default (p/3 rounded up for regression, sqrt(p) for classes). */
public record RandomForestOptions(int trees, int maxDepth, int maxNodes, int nodeSize, int mtry, double subsample)
        implements AlgorithmOptions {
    public RandomForestOptions {
        range("trees", trees, 1, 2000);
        TreeShape.check(maxDepth, maxNodes, nodeSize);
        range("mtry", mtry, 0, 100_000);
        openRange("subsample", subsample, 0, 1);
    }

    public static RandomForestOptions defaults() {
        return new RandomForestOptions(100, 20, 1000, 5, 0, 1.0);
    }

    public static RandomForestOptions from(Map<String, String> values) throws TrainingException {
        RandomForestOptions d = defaults();
        OptionReader r = new OptionReader("random_forest", values, d);
        int trees = r.integer("trees", d.trees);
        TreeShape s = TreeShape.read(r, d.maxDepth, d.maxNodes, d.nodeSize);
        int mtry = r.integer("mtry", d.mtry);
        double sub = r.decimal("subsample", d.subsample);
        return OptionReader.build(() -> new RandomForestOptions(trees, s.maxDepth(), s.maxNodes(), s.nodeSize(), mtry, sub));
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("trees", Integer.toString(trees));
        TreeShape.put(m, maxDepth, maxNodes, nodeSize);
        m.put("mtry", Integer.toString(mtry));
        m.put("subsample", Double.toString(subsample));
        return m;
    }
}
