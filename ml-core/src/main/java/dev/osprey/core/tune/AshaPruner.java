package dev.osprey.core.tune;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Asynchronous successive halving (Li et al., 2020) as a stopping rule: when a trial reaches a
 * rung it is compared with every trial that reached that rung before it (of its bracket), and it
 * goes on only when it is among the best {@code max(1, n / reduction)} of them. No trial waits for
 * others, so the workers stay busy. With several brackets (Hyperband), trial i runs in bracket
 * {@code i mod brackets}, whose first rung is {@code reduction^b} times later.
 */
final class AshaPruner implements Pruner {
    private final AshaSettings settings;
    /** (bracket, rung) -> the losses trials had when they reached that rung. */
    private final Map<Long, List<Double>> rungs = new HashMap<>();
    /** trial -> index of the next rung it has not reached yet. */
    private final Map<Integer, Integer> nextRung = new HashMap<>();

    AshaPruner(AshaSettings settings) {
        this.settings = settings;
    }

    /**
     * The step count of rung {@code k} of {@code bracket}; past the last rung, never. A rung in the
     * last tenth of the resource (117 of 120 when the minimum rounds 120/9 down to 13) is dropped:
     * stopping there saves under a tenth of the trial and ranks it on almost its final value anyway.
     */
    long rungStep(int bracket, int k) {
        double step = settings.minResource() * Math.pow(settings.reduction(), bracket + k);
        return step > 0.9 * settings.maxResource() ? Long.MAX_VALUE : (long) Math.round(step);
    }

    @Override
    public boolean shouldPrune(int trial, int step, Map<Integer, NavigableMap<Integer, Double>> curves) {
        int bracket = trial % settings.brackets();
        int k = nextRung.getOrDefault(trial, 0);
        long at = rungStep(bracket, k);
        if (step < at) {
            return false;
        }
        nextRung.put(trial, k + 1);
        double loss = Pruner.bestUpTo(curves.get(trial), step).orElse(Double.POSITIVE_INFINITY);
        List<Double> reached = rungs.computeIfAbsent(((long) bracket << 32) | k, x -> new ArrayList<>());
        reached.add(loss);
        int keep = Math.max(1, reached.size() / settings.reduction());
        long better = reached.stream().filter(v -> v < loss).count();
        return better >= keep;
    }
}
