package dev.osprey.app.experiments;

import dev.osprey.core.experiment.Experiment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An experiment as the list shows it: its name, how many runs it holds and when the last one started. */
public record ExperimentItem(Experiment experiment, int runCount, Optional<Instant> lastRun) {
    public ExperimentItem {
        Objects.requireNonNull(experiment);
        Objects.requireNonNull(lastRun);
    }

    public String name() {
        return experiment.name();
    }

    /** "3 runs". */
    public String summary() {
        return runCount + (runCount == 1 ? " run" : " runs");
    }

    /** When something last happened in the experiment: its newest run, else its creation. */
    Instant activity() {
        return lastRun.orElse(experiment.createdAt());
    }
}
