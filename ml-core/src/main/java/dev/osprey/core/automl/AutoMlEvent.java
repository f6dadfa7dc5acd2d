package dev.osprey.core.automl;

import dev.osprey.core.quality.QualityWarning;
import dev.osprey.core.train.ProblemType;
import dev.osprey.core.tune.Objective;
import dev.osprey.core.tune.TuningEvent;

import java.time.Duration;
import java.util.List;

/** What an AutoML search reports while it runs, on its own and its trials' threads. */
public sealed interface AutoMlEvent {
    /** The problem type and metric are settled and the data checked. */
    record ChecksDone(ProblemType problemType, Objective objective, List<QualityWarning> warnings, List<String> candidates)
            implements AutoMlEvent {
        public ChecksDone {
            warnings = List.copyOf(warnings);
            candidates = List.copyOf(candidates);
        }
    }

    /** A candidate algorithm starts tuning with {@code budget} of the time left. */
    record CandidateStarted(String algorithm, Duration budget) implements AutoMlEvent {
    }

    /** An event of the candidate's tuning job (trial started, finished, best changed, ...). */
    record CandidateProgress(String algorithm, TuningEvent event) implements AutoMlEvent {
    }

    /** A candidate is done: its leaderboard entry, or why it has none. */
    record CandidateFinished(String algorithm, java.util.Optional<LeaderboardEntry> entry, String message) implements AutoMlEvent {
    }

    record LeaderboardChanged(List<LeaderboardEntry> leaderboard) implements AutoMlEvent {
        public LeaderboardChanged {
            leaderboard = List.copyOf(leaderboard);
        }
    }

    record Finished(AutoMlResult result) implements AutoMlEvent {
    }
}
