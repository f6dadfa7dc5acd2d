package dev.osprey.core.tune;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Visits every point of the grid once, in order (the last parameter changes fastest), skipping
 * points an earlier job already tried (warm start). Empty once the grid is done.
 */
final class GridSampler implements Sampler {
    private final SearchSpace space;
    private final List<List<String>> axes = new ArrayList<>();
    private final long size;
    private final Set<Map<String, String>> issued = new HashSet<>();
    private long cursor;

    GridSampler(SearchSpace space, int points) {
        this.space = space;
        for (Param p : space.params()) {
            axes.add(p.grid(points));
        }
        this.size = space.gridSize(points);
    }

    @Override
    public Optional<Map<String, String>> next(int trial, List<Observation> history, Random random) {
        for (Observation o : history) {
            issued.add(project(o.params()));
        }
        while (cursor < size) {
            Map<String, String> point = point(cursor++);
            if (issued.add(point)) {
                return Optional.of(point);
            }
        }
        return Optional.empty();
    }

    private Map<String, String> project(Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Param p : space.params()) {
            out.put(p.name(), params.get(p.name()));
        }
        return out;
    }

    private Map<String, String> point(long index) {
        String[] values = new String[axes.size()];
        long rest = index;
        for (int i = axes.size() - 1; i >= 0; i--) {
            List<String> axis = axes.get(i);
            values[i] = axis.get((int) (rest % axis.size()));
            rest /= axis.size();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            out.put(space.params().get(i).name(), values[i]);
        }
        return out;
    }
}
