package dev.osprey.core.tune;

import dev.osprey.core.experiment.RunId;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One evaluated point of a tuning job. {@code number} counts from 0 in the job. {@code value} is
 * the objective on the validation rows for a COMPLETE trial; for a PRUNED one it is the last
 * intermediate value (of the per-round metric, not comparable to the objective); empty otherwise.
 * {@code lastStep} is the last intermediate step reported (0 when none). {@code run} links the
 * experiment run that recorded the training, when the trial trained a model.
 */
public record Trial(int number, Map<String, String> params, TrialState state, OptionalDouble value, Optional<RunId> run,
                    int lastStep, Duration elapsed, String message) {
    public Trial {
        if (number < 0) {
            throw new IllegalArgumentException("A trial number is 0 or more, not " + number);
        }
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        Objects.requireNonNull(state);
        Objects.requireNonNull(value);
        Objects.requireNonNull(run);
        Objects.requireNonNull(elapsed);
        message = message == null ? "" : message;
    }

    public boolean isComplete() {
        return state == TrialState.COMPLETE && value.isPresent();
    }
}
