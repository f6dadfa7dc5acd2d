package dev.osprey.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static dev.osprey.core.train.OptionReader.range;

/** CART decision tree hyperparameters. */
public record DecisionTreeOptions(int maxDepth, int maxNodes, int nodeSize) implements AlgorithmOptions {
    static final Set<String> KEYS = Set.of("max_depth", "max_nodes", "node_size");

    public DecisionTreeOptions {
        range("max_depth", maxDepth, 1, 32);
        range("max_nodes", maxNodes, 2, 100_000);
        range("node_size", nodeSize, 1, 10_000);
    }

    public static DecisionTreeOptions defaults() {
        return new DecisionTreeOptions(20, 100, 5);
    }

    public static DecisionTreeOptions from(Map<String, String> values) throws TrainingException {
        OptionReader r = new OptionReader("decision_tree", values, KEYS);
        DecisionTreeOptions d = defaults();
        int depth = r.integer("max_depth", d.maxDepth);
        int nodes = r.integer("max_nodes", d.maxNodes);
        int size = r.integer("node_size", d.nodeSize);
        return OptionReader.build(() -> new DecisionTreeOptions(depth, nodes, size));
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("max_depth", Integer.toString(maxDepth));
        m.put("max_nodes", Integer.toString(maxNodes));
        m.put("node_size", Integer.toString(nodeSize));
        return m;
    }
}
