package dev.osprey.core.train;

import java.util.Map;

import static dev.osprey.core.train.OptionReader.range;

/**
 * The three options that size one Smile tree: the same keys, limits and reading for a lone
 * decision tree, a random forest's trees and gradient boosting's trees.
 */
record TreeShape(int maxDepth, int maxNodes, int nodeSize) {
    /** Reads max_depth, max_nodes and node_size, in that order, each falling back to the given value. */
    static TreeShape read(OptionReader r, int maxDepth, int maxNodes, int nodeSize) throws TrainingException {
        return new TreeShape(r.integer("max_depth", maxDepth), r.integer("max_nodes", maxNodes),
                r.integer("node_size", nodeSize));
    }

    static void check(int maxDepth, int maxNodes, int nodeSize) {
        range("max_depth", maxDepth, 1, 32);
        range("max_nodes", maxNodes, 2, 100_000);
        range("node_size", nodeSize, 1, 10_000);
    }

    static void put(Map<String, String> m, int maxDepth, int maxNodes, int nodeSize) {
        m.put("max_depth", Integer.toString(maxDepth));
        m.put("max_nodes", Integer.toString(maxNodes));
        m.put("node_size", Integer.toString(nodeSize));
    }
}
