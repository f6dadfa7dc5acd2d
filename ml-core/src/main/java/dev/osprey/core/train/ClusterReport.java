package dev.osprey.core.train;

import java.util.List;

/**
 * What a clustering found on its training rows: the size of each cluster (index = cluster id)
 * and how many rows were noise (DBSCAN; 0 for k-means).
 */
public record ClusterReport(List<Integer> sizes, int noise) {
    public ClusterReport {
        sizes = List.copyOf(sizes);
    }

    public int clusters() {
        return sizes.size();
    }
}
