package dev.osprey.app.train;

import dev.osprey.app.ui.MetricNames;

/** One line of the metrics table: the metric as a reader names it, and its value as text. */
public record MetricRow(String key, String name, double value, String text) {
    static MetricRow of(String key, double value) {
        return new MetricRow(key, MetricNames.label(key), value, MetricNames.formatMetric(key, value));
    }
}
