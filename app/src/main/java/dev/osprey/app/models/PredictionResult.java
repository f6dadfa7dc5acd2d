package dev.osprey.app.models;

import dev.osprey.app.ui.MetricNames;
import dev.osprey.core.train.Prediction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Predict form shows: the predicted value (regression) or class with its probability,
 * and for classifiers every class's probability, largest first.
 */
public record PredictionResult(String output, double value, Optional<String> label, Map<String, Double> probabilities) {
    public PredictionResult {
        Objects.requireNonNull(output);
        Objects.requireNonNull(label);
        probabilities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }

    static PredictionResult of(String output, Prediction p) {
        Map<String, Double> sorted = new LinkedHashMap<>();
        p.probabilities().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new PredictionResult(output, p.value(), p.label(), sorted);
    }

    /** "891.4" for a number, "yes" for a class. */
    public String headline() {
        return label.orElseGet(() -> MetricNames.format(value));
    }

    /** "exam_score", or "churn · 87.5 % sure" for a class; a cluster id (or "noise") has no probability. */
    public String caption() {
        return label.isPresent() && !probabilities.isEmpty() ? output + " · " + percent(value) + " probability" : "predicted " + output;
    }

    public static String percent(double p) {
        return String.format(java.util.Locale.US, "%.1f %%", 100 * p);
    }
}
