package dev.osprey.app.automl;

import dev.osprey.core.automl.LeaderboardEntry;
import dev.osprey.core.tune.Objective;
import dev.osprey.core.tune.Trial;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;

/**
 * The AutoML tab's leaderboard while a search runs: one row per candidate algorithm, waiting,
 * tuning (trials so far and their best value) or done (ranked), ranked rows first. Split from
 * {@link AutoMlViewModel}, which feeds it the search's events. UI thread only.
 */
final class LiveLeaderboard {
    private final ObservableList<CandidateRow> rows = FXCollections.observableArrayList();
    private final Map<String, Integer> trialCounts = new HashMap<>();
    private final Map<String, Double> bestValues = new HashMap<>();

    ObservableList<CandidateRow> rows() {
        return rows;
    }

    void candidates(List<String> algorithms) {
        rows.setAll(algorithms.stream().map(CandidateRow::waiting).toList());
    }

    void started(String algorithm) {
        replace(algorithm, row -> row.tuning(0, OptionalDouble.empty()));
    }

    /** A finished (not running) trial of a candidate's tuning: counts it and keeps the candidate's best value. */
    void trialFinished(String algorithm, Trial trial, Objective objective) {
        trialCounts.merge(algorithm, 1, Integer::sum);
        if (trial.isComplete() && objective != null) {
            double v = trial.value().getAsDouble();
            bestValues.merge(algorithm, v, (a, b) -> objective.direction().better(b, a) ? b : a);
        }
        Double best = bestValues.get(algorithm);
        replace(algorithm, row -> row.tuning(trialCounts.get(algorithm), best == null ? OptionalDouble.empty() : OptionalDouble.of(best)));
    }

    void failed(String algorithm, String message) {
        replace(algorithm, row -> row.without("no result: " + message));
    }

    void ranked(List<LeaderboardEntry> entries) {
        entries.forEach(entry -> replace(entry.algorithm(), row -> CandidateRow.done(entry)));
        sort();
    }

    /** The search's final ranking replaces the ranked rows; candidates without a result stay below. */
    void finalRanking(List<LeaderboardEntry> entries) {
        rows.removeIf(r -> r.rank() > 0);
        rows.addAll(0, entries.stream().map(CandidateRow::done).toList());
    }

    void clear() {
        rows.clear();
        trialCounts.clear();
        bestValues.clear();
    }

    private void replace(String algorithm, UnaryOperator<CandidateRow> change) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).algorithm().equals(algorithm)) {
                rows.set(i, change.apply(rows.get(i)));
                return;
            }
        }
        rows.add(change.apply(CandidateRow.waiting(algorithm)));
    }

    /** Ranked first by rank, then the others in their original order. */
    void sort() {
        List<CandidateRow> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> a.rank() > 0 && b.rank() > 0 ? Integer.compare(a.rank(), b.rank()) : a.rank() > 0 ? -1 : b.rank() > 0 ? 1 : 0);
        if (!sorted.equals(rows)) {
            rows.setAll(sorted);
        }
    }
}
