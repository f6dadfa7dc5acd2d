package dev.osprey.app.tune;

import dev.osprey.core.experiment.RunId;
import dev.osprey.core.tune.Trial;
import dev.osprey.core.tune.TrialState;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A row of the trials table: a running trial (from its start event) or a finished one.
 * {@code pausedAt}: the step of the rung a running Hyperband trial waits at, 0 when it is not waiting.
 */
public record TrialRow(int number, Map<String, String> params, TrialState state, OptionalDouble value, Duration elapsed,
                       Optional<RunId> run, String message, int pausedAt) {
    public TrialRow {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        message = message == null ? "" : message;
    }

    static TrialRow running(int number, Map<String, String> params) {
        return new TrialRow(number, params, TrialState.RUNNING, OptionalDouble.empty(), Duration.ZERO, Optional.empty(), "", 0);
    }

    static TrialRow of(Trial t) {
        return new TrialRow(t.number(), t.params(), t.state(), t.value(), t.elapsed(), t.run(), t.message(), 0);
    }

    /** The same running trial, waiting at the rung of {@code step} (0: going on again). */
    TrialRow pausedAt(int step) {
        return new TrialRow(number, params, state, value, elapsed, run, message, state == TrialState.RUNNING ? step : 0);
    }

    public boolean isPaused() {
        return pausedAt > 0;
    }

    /** The state column's text: "paused at 13" for a trial waiting at a rung. */
    public String stateText() {
        return isPaused() ? "paused at " + pausedAt : state.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A COMPLETE trial with a value: the ones the objective compares. */
    public boolean isComplete() {
        return state == TrialState.COMPLETE && value.isPresent();
    }
}
