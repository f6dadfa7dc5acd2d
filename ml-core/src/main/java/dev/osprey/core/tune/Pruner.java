package dev.osprey.core.tune;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Decides, after each intermediate value, whether a running trial should stop. Called under the
 * tuner's lock with every trial's curve so far ({@code curves}: trial number -> step -> loss,
 * smaller is better).
 */
interface Pruner {
    /** What a trial does after a step: go on, wait at a Hyperband rung, or stop. */
    enum Verdict { GO, PAUSE, STOP }

    boolean shouldPrune(int trial, int step, Map<Integer, NavigableMap<Integer, Double>> curves);

    /** Never stops a trial. */
    Pruner NONE = (trial, step, curves) -> false;

    /** The median rule or none; Hyperband's trials pause and resume, which the tuner runs with {@link AshaScheduler}. */
    static Pruner of(TunerSettings settings) {
        if (settings.strategy() == Strategy.HYPERBAND) {
            return NONE;
        }
        return settings.pruning() == Pruning.MEDIAN ? new MedianPruner(MedianPruner.STARTUP_TRIALS, MedianPruner.WARMUP_STEPS) : NONE;
    }

    /** The best loss of a curve up to and including {@code step}. */
    static Optional<Double> bestUpTo(NavigableMap<Integer, Double> curve, int step) {
        return curve.headMap(step, true).values().stream().min(Double::compare);
    }
}
