package dev.osprey.app.tune;

import dev.osprey.core.experiment.RunId;
import dev.osprey.core.tune.Trial;
import dev.osprey.core.tune.TrialState;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** A row of the trials table: a running trial (from its start event) or a finished one. */
public record TrialRow(int number, Map<String, String> params, TrialState state, OptionalDouble value, Duration elapsed,
                       Optional<RunId> run, String message) {
    public TrialRow {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        message = message == null ? "" : message;
    }

    static TrialRow running(int number, Map<String, String> params) {
        return new TrialRow(number, params, TrialState.RUNNING, OptionalDouble.empty(), Duration.ZERO, Optional.empty(), "");
    }

    static TrialRow of(Trial t) {
        return new TrialRow(t.number(), t.params(), t.state(), t.value(), t.elapsed(), t.run(), t.message());
    }

    /** A COMPLETE trial with a value: the ones the objective compares. */
    public boolean isComplete() {
        return state == TrialState.COMPLETE && value.isPresent();
    }
}
