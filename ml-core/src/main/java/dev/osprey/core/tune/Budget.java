package dev.osprey.core.tune;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** At most {@code maxTrials} trials, and (when given) no trial starts after {@code maxTime}, and running ones stop then. */
public record Budget(int maxTrials, Optional<Duration> maxTime) {
    public Budget {
        Objects.requireNonNull(maxTime);
        if (maxTrials < 1) {
            throw new IllegalArgumentException("The budget must allow at least one trial, not " + maxTrials + ".");
        }
        if (maxTime.isPresent() && (maxTime.get().isNegative() || maxTime.get().isZero())) {
            throw new IllegalArgumentException("The time budget must be more than 0, not " + maxTime.get() + ".");
        }
    }

    public static Budget trials(int maxTrials) {
        return new Budget(maxTrials, Optional.empty());
    }

    public static Budget of(int maxTrials, Duration maxTime) {
        return new Budget(maxTrials, Optional.of(maxTime));
    }
}
