package dev.osprey.core.tune;

import dev.osprey.core.data.DatasetId;
import dev.osprey.core.experiment.ExperimentId;

import java.time.Instant;
import java.util.Optional;

/** A stored tuning job: what it searched and how it ended; its trials are in TuningService.trials(id). */
public record TuningJob(TuningJobId id, String name, Optional<ExperimentId> experiment, DatasetId dataset, String target,
                        String algorithm, SearchSpace space, Objective objective, Strategy strategy, Pruning pruning,
                        Budget budget, int parallelism, long seed, Optional<TuningJobId> warmStart, TuningStatus status,
                        Instant startedAt, Optional<Instant> endedAt, String message, Optional<Integer> bestTrial) {
}
