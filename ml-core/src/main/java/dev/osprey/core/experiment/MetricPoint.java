package dev.osprey.core.experiment;

import java.util.Objects;

/**
 * One value of a metric at a step (an iteration; step 0 holds a run's summary metrics).
 * {@code value} may be NaN when the metric is undefined.
 */
public record MetricPoint(String key, long step, double value) {
    public MetricPoint {
        Objects.requireNonNull(key);
        if (key.isBlank()) {
            throw new IllegalArgumentException("A metric needs a name.");
        }
        if (step < 0) {
            throw new IllegalArgumentException("A metric step cannot be negative: " + step);
        }
    }
}
