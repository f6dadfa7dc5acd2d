package dev.osprey.core.tune;

import java.util.Map;

/**
 * What a tuning job reports while it runs, for live views. Delivered on the tuner's threads
 * (several trials at once): a view hops to its own thread and coalesces.
 */
public sealed interface TuningEvent {
    TuningJobId jobId();

    /** The job was stored and is about to start its first trial. */
    record JobStarted(TuningJobId jobId, String name, SearchSpace space, Objective objective, Strategy strategy,
                      Budget budget, int parallelism) implements TuningEvent {
    }

    record TrialStarted(TuningJobId jobId, int trial, Map<String, String> params) implements TuningEvent {
        public TrialStarted {
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        }
    }

    /** A step (boosting round, epoch) of a running trial and its validation metric. */
    record IntermediateValue(TuningJobId jobId, int trial, int step, double value) implements TuningEvent {
    }

    /** A Hyperband trial waits at the rung of {@code step}: it gave its worker slot to another trial. */
    record TrialPaused(TuningJobId jobId, int trial, int step) implements TuningEvent {
    }

    /** A paused trial ranks well enough now and goes on from its rung. */
    record TrialResumed(TuningJobId jobId, int trial) implements TuningEvent {
    }

    record TrialFinished(TuningJobId jobId, Trial trial) implements TuningEvent {
    }

    /** A COMPLETE trial beat every earlier one. */
    record BestChanged(TuningJobId jobId, Trial best) implements TuningEvent {
    }

    record JobFinished(TuningJobId jobId, TuningResult result) implements TuningEvent {
    }
}
