package dev.osprey.app.experiments;

import dev.osprey.app.ui.MetricNames;
import dev.osprey.core.experiment.MetricPoint;
import dev.osprey.core.experiment.RunId;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Several runs side by side: their summary metrics (the union of their keys, in the usual order)
 * and every logged history, so the view can draw any curve without another catalog read.
 *
 * @param histories per run, metric key to its points by step
 */
public record Comparison(List<RunRow> runs, List<String> metricKeys, List<String> curveKeys,
                         Map<RunId, Map<String, List<MetricPoint>>> histories) {
    public Comparison {
        runs = List.copyOf(runs);
        metricKeys = List.copyOf(metricKeys);
        curveKeys = List.copyOf(curveKeys);
        histories = Map.copyOf(histories);
    }

    /** Builds the comparison from the runs and their histories (curve keys: those with more than one step). */
    static Comparison of(List<RunRow> runs, Map<RunId, Map<String, List<MetricPoint>>> histories) {
        Set<String> metrics = new LinkedHashSet<>();
        Set<String> curves = new LinkedHashSet<>();
        for (RunRow r : runs) {
            metrics.addAll(r.run().metrics().keySet());
            histories.getOrDefault(r.id(), Map.of()).forEach((k, points) -> {
                if (points.size() > 1) {
                    curves.add(k);
                }
            });
        }
        List<String> curveKeys = MetricNames.ordered(curves);
        // valid_* first: the held-out curve is the one people compare
        List<String> sortedCurves = new java.util.ArrayList<>(curveKeys.stream().filter(k -> k.startsWith("valid_")).toList());
        curveKeys.stream().filter(k -> !k.startsWith("valid_")).forEach(sortedCurves::add);
        return new Comparison(runs, MetricNames.ordered(metrics).stream().filter(MetricNames::isColumn).toList(),
                sortedCurves, histories);
    }

    /** One run's value of a summary metric, or null. */
    public Double value(RunRow run, String key) {
        return run.metric(key);
    }

    /** The best run's id for {@code key} (lowest error, highest score); empty when fewer than two have it. */
    public java.util.Optional<RunId> best(String key) {
        if (key.endsWith("_rows")) {
            return java.util.Optional.empty(); // a count, neither better nor worse
        }
        RunRow best = null;
        int have = 0;
        boolean lower = MetricNames.lowerIsBetter(key);
        for (RunRow r : runs) {
            Double v = r.metric(key);
            if (v == null || v.isNaN()) {
                continue;
            }
            have++;
            if (best == null || (lower ? v < best.metric(key) : v > best.metric(key))) {
                best = r;
            }
        }
        return have < 2 || best == null ? java.util.Optional.empty() : java.util.Optional.of(best.id());
    }

    /** Each run's points of {@code key} in run order; runs without that metric are left out. */
    public Map<RunRow, List<MetricPoint>> curve(String key) {
        Objects.requireNonNull(key);
        Map<RunRow, List<MetricPoint>> out = new LinkedHashMap<>();
        for (RunRow r : runs) {
            List<MetricPoint> points = histories.getOrDefault(r.id(), Map.of()).get(key);
            if (points != null && !points.isEmpty()) {
                out.put(r, points);
            }
        }
        return out;
    }
}
