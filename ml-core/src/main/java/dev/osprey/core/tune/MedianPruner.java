package dev.osprey.core.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * The median rule (as in Google Vizier): at step s, stop a trial whose best value so far is worse
 * than the median of the best values so far of the other trials that reached step s. It waits
 * for {@code startupTrials} such trials and for {@code warmupSteps} steps, so early noise does not
 * stop a trial that starts slowly.
 */
final class MedianPruner implements Pruner {
    static final int STARTUP_TRIALS = 4;
    static final int WARMUP_STEPS = 5;

    private final int startupTrials;
    private final int warmupSteps;

    MedianPruner(int startupTrials, int warmupSteps) {
        this.startupTrials = startupTrials;
        this.warmupSteps = warmupSteps;
    }

    @Override
    public boolean shouldPrune(int trial, int step, Map<Integer, NavigableMap<Integer, Double>> curves) {
        if (step <= warmupSteps) {
            return false;
        }
        NavigableMap<Integer, Double> own = curves.get(trial);
        Optional<Double> mine = own == null ? Optional.empty() : Pruner.bestUpTo(own, step);
        if (mine.isEmpty()) {
            return false;
        }
        List<Double> others = new ArrayList<>();
        for (Map.Entry<Integer, NavigableMap<Integer, Double>> e : curves.entrySet()) {
            if (e.getKey() != trial && !e.getValue().isEmpty() && e.getValue().lastKey() >= step) {
                Pruner.bestUpTo(e.getValue(), step).ifPresent(others::add);
            }
        }
        if (others.size() < startupTrials) {
            return false;
        }
        others.sort(Double::compare);
        int n = others.size();
        double median = n % 2 == 1 ? others.get(n / 2) : (others.get(n / 2 - 1) + others.get(n / 2)) / 2;
        return mine.get() > median;
    }
}
