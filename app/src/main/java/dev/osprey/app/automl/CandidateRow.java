package dev.osprey.app.automl;

import dev.osprey.core.automl.LeaderboardEntry;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A row of the live leaderboard: a candidate algorithm waiting, tuning (trials so far) or done
 * (its entry, ranked), or without a result and why. {@code rank} is 0 until it has an entry.
 */
public record CandidateRow(String algorithm, int rank, String state, OptionalDouble value, int trials, Duration elapsed,
                           Optional<LeaderboardEntry> entry) {
    static CandidateRow waiting(String algorithm) {
        return new CandidateRow(algorithm, 0, "waiting", OptionalDouble.empty(), 0, Duration.ZERO, Optional.empty());
    }

    CandidateRow tuning(int trialsSoFar, OptionalDouble bestSoFar) {
        return new CandidateRow(algorithm, rank, "tuning", bestSoFar, trialsSoFar, elapsed, entry);
    }

    static CandidateRow done(LeaderboardEntry e) {
        return new CandidateRow(e.algorithm(), e.rank(), "done", OptionalDouble.of(e.value()), e.trials(), e.elapsed(), Optional.of(e));
    }

    CandidateRow without(String why) {
        return new CandidateRow(algorithm, 0, why, OptionalDouble.empty(), trials, elapsed, Optional.empty());
    }

    public String displayName() {
        return entry.map(LeaderboardEntry::displayName).orElse(dev.osprey.core.train.Algorithms.find(algorithm)
                .map(dev.osprey.core.train.Algorithm::displayName).orElse(algorithm));
    }
}
