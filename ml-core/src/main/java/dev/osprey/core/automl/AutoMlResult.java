package dev.osprey.core.automl;

import dev.osprey.core.quality.QualityWarning;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.train.FeatureImportance;
import dev.osprey.core.train.ProblemType;
import dev.osprey.core.tune.Objective;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What AutoML found: the problem type it inferred, the metric it ranked by, the data warnings,
 * the leaderboard (best first), the winner's feature importance and registered version, and
 * notes on candidates that failed or got no time. {@code stopped} when the user stopped it.
 */
public record AutoMlResult(String dataset, ProblemType problemType, Objective objective, List<QualityWarning> checks,
                           List<LeaderboardEntry> leaderboard, Optional<FeatureImportance> importance,
                           Optional<ModelVersion> registered, List<String> notes, boolean stopped) {
    public AutoMlResult {
        Objects.requireNonNull(dataset);
        Objects.requireNonNull(problemType);
        Objects.requireNonNull(objective);
        checks = List.copyOf(checks);
        leaderboard = List.copyOf(leaderboard);
        Objects.requireNonNull(importance);
        Objects.requireNonNull(registered);
        notes = List.copyOf(notes);
    }

    public Optional<LeaderboardEntry> best() {
        return leaderboard.isEmpty() ? Optional.empty() : Optional.of(leaderboard.getFirst());
    }
}
