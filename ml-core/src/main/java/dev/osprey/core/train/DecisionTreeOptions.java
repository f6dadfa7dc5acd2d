package dev.osprey.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** CART decision tree hyperparameters. */
public record DecisionTreeOptions(int maxDepth, int maxNodes, int nodeSize) implements AlgorithmOptions {
    public DecisionTreeOptions {
        TreeShape.check(maxDepth, maxNodes, nodeSize);
    }

    public static DecisionTreeOptions defaults() {
        return new DecisionTreeOptions(20, 100, 5);
    }

    public static DecisionTreeOptions from(Map<String, String> values) throws TrainingException {
        DecisionTreeOptions d = defaults();
        OptionReader r = new OptionReader("decision_tree", values, d);
        TreeShape s = TreeShape.read(r, d.maxDepth, d.maxNodes, d.nodeSize);
        return OptionReader.build(() -> new DecisionTreeOptions(s.maxDepth(), s.maxNodes(), s.nodeSize()));
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        TreeShape.put(m, maxDepth, maxNodes, nodeSize);
        return m;
    }
}
