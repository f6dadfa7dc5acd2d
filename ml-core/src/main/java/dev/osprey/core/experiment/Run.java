package dev.osprey.core.experiment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A run as the catalog holds it. {@code metrics} holds the latest value of each metric
 * (the full history is {@link ExperimentStore#history}); {@code message} explains a failure.
 */
public record Run(RunId id, ExperimentId experimentId, String name, RunStatus status, Instant startedAt,
                  Optional<Instant> endedAt, Optional<String> message, Map<String, String> params,
                  Map<String, Double> metrics, Map<String, String> tags, List<Artifact> artifacts) {
    public Run {
        Objects.requireNonNull(id);
        Objects.requireNonNull(experimentId);
        Objects.requireNonNull(status);
        params = Map.copyOf(params);
        metrics = Map.copyOf(metrics);
        tags = Map.copyOf(tags);
        artifacts = List.copyOf(artifacts);
    }

    public Optional<Artifact> artifact(String artifactName) {
        return artifacts.stream().filter(a -> a.name().equals(artifactName)).findFirst();
    }
}
