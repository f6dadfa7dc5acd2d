package dev.osprey.app.tune;

import dev.osprey.app.AppContext;
import dev.osprey.app.jobpage.PageWorker;
import dev.osprey.core.Engine;
import dev.osprey.core.experiment.MetricPoint;
import dev.osprey.core.experiment.RunId;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The per-trial curves: a running trial's steps as its events arrive, a finished trial's from its
 * run's recorded validation metric. Shows the selected trials, or, with none selected, the last
 * few trials that reported steps. UI thread only.
 */
final class TrialCurves {
    private static final int UNSELECTED_SHOWN = 4;
    private static final String LIVE_METRIC = "validation loss";

    private final AppContext app;
    private final Executor io;
    private final ObservableList<Curve> shown = FXCollections.observableArrayList();
    private final Map<Integer, List<Curve.Step>> live = new HashMap<>();
    private final Map<Integer, Curve> loaded = new HashMap<>();
    private List<Integer> selected = List.of();

    TrialCurves(AppContext app, Executor io) {
        this.app = app;
        this.io = io;
    }

    ObservableList<Curve> shown() {
        return shown;
    }

    void live(int trial, int step, double value) {
        live.computeIfAbsent(trial, t -> new ArrayList<>()).add(new Curve.Step(step, value));
    }

    void clear() {
        live.clear();
        loaded.clear();
        selected = List.of();
        shown.clear();
    }

    void select(List<Integer> numbers, Map<Integer, TrialRow> rows) {
        selected = List.copyOf(numbers);
        Engine engine = app.engine();
        for (int n : selected) {
            TrialRow row = rows.get(n);
            if (live.containsKey(n) || loaded.containsKey(n) || row == null || row.run().isEmpty() || engine == null) {
                continue;
            }
            RunId run = row.run().get();
            PageWorker.supply(engine, e -> history(e, n, run), io).whenCompleteAsync((curve, error) -> {
                if (error == null && curve != null && engine == app.engine()) {
                    loaded.put(n, curve);
                    refresh(rows);
                }
            }, app.uiExecutor());
        }
        refresh(rows);
    }

    void refresh(Map<Integer, TrialRow> rows) {
        List<Curve> next = new ArrayList<>();
        List<Integer> which = selected;
        if (which.isEmpty()) {
            which = live.keySet().stream().sorted().toList();
            which = which.subList(Math.max(0, which.size() - UNSELECTED_SHOWN), which.size());
        }
        for (int n : which) {
            if (live.containsKey(n)) {
                next.add(new Curve(n, LIVE_METRIC, live.get(n)));
            } else if (loaded.containsKey(n)) {
                next.add(loaded.get(n));
            }
        }
        if (!next.equals(shown)) {
            shown.setAll(next);
        }
    }

    /** The run's validation metric per step: the holdout's, else the first fold's; null when it logged none. */
    private static Curve history(Engine engine, int trial, RunId run) throws Exception {
        List<String> keys = engine.experiments().metricKeys(run);
        String key = keys.stream().filter(k -> k.startsWith("valid_") && !k.equals("valid_rows")).findFirst()
                .orElse(keys.stream().filter(k -> k.startsWith("fold1.valid_")).findFirst().orElse(null));
        if (key == null) {
            return null;
        }
        List<MetricPoint> points = engine.experiments().history(run, key);
        if (points.size() < 2) {
            return null;
        }
        return new Curve(trial, key, points.stream().map(p -> new Curve.Step((int) p.step(), p.value())).toList());
    }
}
