package dev.osprey.core.tune;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;

/**
 * Asynchronous successive halving as in the paper (Li et al., 2020): a trial that reaches a rung
 * goes on only if it ranks in the best {@code floor(n / reduction)} of the {@code n} trials that
 * reached that rung so far; otherwise it <em>pauses</em> there, and a free worker resumes the best
 * paused trial that has come to rank that well as more trials arrived, before it starts a new one.
 * Unlike a stopping rule, the first trials of a rung are not run to the end for want of rivals,
 * and a trial is not lost because it came early. A paused trial that can no longer be promoted
 * (its rank is past the best that the whole budget could promote) is stopped, and so is the one
 * furthest from promotion when more than {@link #maxPaused} wait (each holds its model and data).
 * With several brackets (Hyperband), trial i runs in bracket {@code i mod brackets}, whose first
 * rung is {@code reduction^b} times later. Not thread-safe: the tuner calls it under its lock.
 */
final class AshaScheduler {
    private final AshaSettings settings;
    private final int maxTrials;
    private final int maxPaused;
    /** (bracket, rung) -> trial -> its best loss when it reached the rung. */
    private final Map<Long, Map<Integer, Double>> reached = new HashMap<>();
    /** trial -> index of the next rung it has not reached yet. */
    private final Map<Integer, Integer> nextRung = new HashMap<>();
    /** paused trial -> the rung it waits at, in the order they paused. */
    private final Map<Integer, Integer> paused = new LinkedHashMap<>();
    /** Rung steps per bracket, worked out once: {@link #reached} runs at every step of every trial. */
    private final List<List<Integer>> rungs = new ArrayList<>();
    /** Set when a trial pauses or a rung gains a trial: only then can a paused trial become hopeless. */
    private boolean changed;

    AshaScheduler(AshaSettings settings, int maxTrials, int maxPaused) {
        this.settings = settings;
        this.maxTrials = maxTrials;
        this.maxPaused = maxPaused;
        for (int b = 0; b < settings.brackets(); b++) {
            rungs.add(settings.rungs(b));
        }
    }

    /** The step count of rung {@code k} of {@code bracket} ({@link AshaSettings#rungs}); past the last rung, never. */
    long rungStep(int bracket, int k) {
        List<Integer> steps = rungs.get(bracket);
        return k < steps.size() ? steps.get(k) : Long.MAX_VALUE;
    }

    private static long key(int bracket, int k) {
        return ((long) bracket << 32) | k;
    }

    private int bracketOf(int trial) {
        return trial % settings.brackets();
    }

    /** After {@code trial}'s value at {@code step} ({@code curve} so far, smaller is better): go on, pause or stop. */
    Pruner.Verdict reached(int trial, int step, NavigableMap<Integer, Double> curve) {
        int bracket = bracketOf(trial);
        int k = nextRung.getOrDefault(trial, 0);
        if (step < rungStep(bracket, k)) {
            return Pruner.Verdict.GO;
        }
        nextRung.put(trial, k + 1);
        double loss = Pruner.bestUpTo(curve, step).orElse(Double.POSITIVE_INFINITY);
        Map<Integer, Double> here = reached.computeIfAbsent(key(bracket, k), x -> new HashMap<>());
        here.put(trial, loss);
        changed = true;
        if (rank(here, trial) < here.size() / settings.reduction()) {
            return Pruner.Verdict.GO;
        }
        if (rank(here, trial) >= mostPromoted(bracket)) {
            return Pruner.Verdict.STOP;
        }
        paused.put(trial, k);
        return Pruner.Verdict.PAUSE;
    }

    /** How many trials of the rung are better than {@code trial} (ties go to the earlier trial). */
    private static int rank(Map<Integer, Double> rung, int trial) {
        double loss = rung.get(trial);
        int better = 0;
        for (Map.Entry<Integer, Double> e : rung.entrySet()) {
            double v = e.getValue();
            if (v < loss || v == loss && e.getKey() < trial) {
                better++;
            }
        }
        return better;
    }

    /**
     * The most trials a rung of {@code bracket} can ever promote within the budget: the bracket's
     * share of the trials divided by the reduction (a higher rung holds at most what the first one
     * does, so this bounds every rung).
     */
    private int mostPromoted(int bracket) {
        return (maxTrials - bracket + settings.brackets() - 1) / settings.brackets() / settings.reduction();
    }

    /** A paused trial that now ranks well enough to go on (the highest rung first, then the best), taken off the paused list. */
    OptionalInt promote() {
        int best = -1;
        int bestRung = -1;
        int bestRank = Integer.MAX_VALUE;
        for (Map.Entry<Integer, Integer> p : paused.entrySet()) {
            int trial = p.getKey();
            int k = p.getValue();
            Map<Integer, Double> rung = reached.get(key(bracketOf(trial), k));
            int r = rank(rung, trial);
            if (r < rung.size() / settings.reduction() && (k > bestRung || k == bestRung && r < bestRank)) {
                best = trial;
                bestRung = k;
                bestRank = r;
            }
        }
        if (best < 0) {
            return OptionalInt.empty();
        }
        paused.remove(best);
        return OptionalInt.of(best);
    }

    /**
     * Paused trials to stop now, taken off the paused list: those whose rank is past what their rung
     * can ever promote, then the furthest from promotion while more than {@code maxPaused} wait.
     */
    List<Integer> hopeless() {
        if (!changed) {
            return List.of();
        }
        changed = false;
        List<Integer> stop = new ArrayList<>();
        paused.entrySet().removeIf(p -> {
            int trial = p.getKey();
            int k = p.getValue();
            boolean lost = rank(reached.get(key(bracketOf(trial), k)), trial) >= mostPromoted(bracketOf(trial));
            if (lost) {
                stop.add(trial);
            }
            return lost;
        });
        while (paused.size() > maxPaused) {
            int worst = -1;
            int worstGap = Integer.MIN_VALUE;
            for (Map.Entry<Integer, Integer> p : paused.entrySet()) {
                Map<Integer, Double> rung = reached.get(key(bracketOf(p.getKey()), p.getValue()));
                int gap = rank(rung, p.getKey()) - rung.size() / settings.reduction();
                if (gap > worstGap) {
                    worst = p.getKey();
                    worstGap = gap;
                }
            }
            paused.remove(worst);
            stop.add(worst);
        }
        return stop;
    }

    int pausedCount() {
        return paused.size();
    }

    boolean isPaused(int trial) {
        return paused.containsKey(trial);
    }

    /** Every paused trial, taken off the list: nothing can promote them any more (no trial runs or will start). */
    List<Integer> drain() {
        List<Integer> all = new ArrayList<>(paused.keySet());
        paused.clear();
        return all;
    }

    /** A trial that ended (stopped from outside while paused, failed): no longer waits. */
    void forget(int trial) {
        paused.remove(trial);
    }
}
