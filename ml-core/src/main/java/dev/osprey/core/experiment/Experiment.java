package dev.osprey.core.experiment;

import java.time.Instant;
import java.util.Objects;

/** A named group of runs, e.g. every training of one dataset and target. */
public record Experiment(ExperimentId id, String name, Instant createdAt) {
    public Experiment {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(createdAt);
    }
}
