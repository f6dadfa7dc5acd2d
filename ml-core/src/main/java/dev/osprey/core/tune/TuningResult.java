package dev.osprey.core.tune;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The trials of a tuning job in the order they finished, and the best COMPLETE one. */
public record TuningResult(TuningJobId jobId, TuningStatus status, List<Trial> trials, Optional<Trial> best,
                           Objective objective) {
    public TuningResult {
        Objects.requireNonNull(jobId);
        Objects.requireNonNull(status);
        trials = List.copyOf(trials);
        Objects.requireNonNull(best);
        Objects.requireNonNull(objective);
    }

    public long count(TrialState state) {
        return trials.stream().filter(t -> t.state() == state).count();
    }
}
