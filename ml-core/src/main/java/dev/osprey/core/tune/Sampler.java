package dev.osprey.core.tune;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Chooses the parameters of the next trial from the finished ones. Called under the tuner's
 * lock, one trial at a time; {@code random} is seeded from the job's seed and the trial number,
 * so a run with one trial at a time is reproducible. Empty means there is nothing left to try.
 */
interface Sampler {
    Optional<Map<String, String>> next(int trial, List<Observation> history, Random random);

    /**
     * A finished trial as samplers see it: its parameters and its loss (smaller is better);
     * {@code pruned} trials were stopped early, so they rank after every complete one.
     */
    record Observation(Map<String, String> params, double loss, boolean pruned) {
    }

    static Sampler of(TunerSettings settings) {
        return switch (settings.strategy()) {
            case GRID -> new GridSampler(settings.space(), settings.gridPoints());
            case RANDOM, HYPERBAND -> new RandomSampler(settings.space());
            case BAYES -> new TpeSampler(settings.space());
        };
    }
}
