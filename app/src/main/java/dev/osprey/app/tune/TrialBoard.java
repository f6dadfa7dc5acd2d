package dev.osprey.app.tune;

import dev.osprey.core.tune.Direction;
import dev.osprey.core.tune.HyperparameterImportance;
import dev.osprey.core.tune.Objective;
import dev.osprey.core.tune.SearchSpace;
import dev.osprey.core.tune.Trial;
import dev.osprey.core.tune.TrialState;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Tuning page shows of one job: its space and objective, the trials by number, the best
 * complete trial and the hyperparameter importance derived from them. Split from
 * {@link TuningViewModel}, which decides when a job is shown; this class only keeps the shown
 * job's trials consistent. UI thread only.
 */
final class TrialBoard {
    final ReadOnlyObjectWrapper<SearchSpace> space = new ReadOnlyObjectWrapper<>(this, "space");
    final ReadOnlyObjectWrapper<Objective> objective = new ReadOnlyObjectWrapper<>(this, "objective");
    final ReadOnlyObjectWrapper<TrialRow> best = new ReadOnlyObjectWrapper<>(this, "best");
    final ReadOnlyObjectWrapper<Map<String, Double>> importance = new ReadOnlyObjectWrapper<>(this, "importance", Map.of());
    private final ObservableList<TrialRow> trials = FXCollections.observableArrayList();

    ObservableList<TrialRow> trials() {
        return trials;
    }

    /** Replaces every row with the stored trials (a re-opened or finished job). */
    void showAll(List<Trial> list) {
        trials.setAll(list.stream().map(TrialRow::of).sorted(Comparator.comparingInt(TrialRow::number)).toList());
        updateDerived();
    }

    /** The rows keyed by trial number, in order: a batch of events edits this map, then {@link #apply}s it. */
    Map<Integer, TrialRow> rowsByNumber() {
        Map<Integer, TrialRow> rows = new TreeMap<>();
        for (TrialRow r : trials) {
            rows.put(r.number(), r);
        }
        return rows;
    }

    /** Updates the table's rows in place (by number), so its selection and scroll position survive a batch. */
    void apply(Map<Integer, TrialRow> rows) {
        int i = 0;
        for (TrialRow r : rows.values()) {
            if (i < trials.size() && trials.get(i).number() == r.number()) {
                if (!trials.get(i).equals(r)) {
                    trials.set(i, r);
                }
            } else {
                trials.add(i, r);
            }
            i++;
        }
    }

    /** Recomputes the best trial and the importance; called when a trial finished, not per intermediate value. */
    void updateDerived() {
        Objective o = objective.get();
        Direction d = o == null ? Direction.MINIMIZE : o.direction();
        TrialRow top = null;
        for (TrialRow r : trials) {
            if (r.isComplete() && (top == null || d.better(r.value().getAsDouble(), top.value().getAsDouble()))) {
                top = r;
            }
        }
        best.set(top);
        SearchSpace s = space.get();
        if (s != null) {
            List<Trial> done = new ArrayList<>();
            for (TrialRow r : trials) {
                done.add(new Trial(r.number(), r.params(), r.state(), r.value(), r.run(), 0, r.elapsed(), r.message()));
            }
            importance.set(HyperparameterImportance.of(done, s));
        }
    }

    long finishedCount() {
        return trials.stream().filter(t -> t.state() != TrialState.RUNNING).count();
    }

    /** " · best 0.123 (trial 4)", or empty before a trial completed. */
    String bestSuffix() {
        TrialRow b = best.get();
        return b == null ? "" : " \u00b7 best " + MetricFormat.value(b.value().getAsDouble()) + " (trial " + b.number() + ")";
    }

    void clear() {
        trials.clear();
        best.set(null);
        importance.set(Map.of());
        objective.set(null);
        space.set(null);
    }

    /** For tests: the trial values as the best-so-far chart reads them. */
    Map<Integer, Double> completeValues() {
        Map<Integer, Double> out = new LinkedHashMap<>();
        trials.stream().filter(TrialRow::isComplete).forEach(t -> out.put(t.number(), t.value().getAsDouble()));
        return out;
    }
}
