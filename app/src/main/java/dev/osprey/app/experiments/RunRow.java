package dev.osprey.app.experiments;

import dev.osprey.app.ui.MetricNames;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.experiment.RunId;
import dev.osprey.core.experiment.RunStatus;
import dev.osprey.core.train.Algorithm;
import dev.osprey.core.train.Algorithms;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A run as the studio lists it: the catalog's {@link Run} plus the facts a table shows
 * (algorithm name, duration, main metric), computed once.
 */
public record RunRow(Run run, String experimentName) {
    private static final DateTimeFormatter STARTED =
            DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.US).withZone(ZoneId.systemDefault());

    public RunRow {
        Objects.requireNonNull(run);
        experimentName = experimentName == null ? "" : experimentName;
    }

    public RunId id() {
        return run.id();
    }

    /** "#12": short enough for a chart legend and a column header. */
    public String label() {
        return "#" + run.id().value();
    }

    public RunStatus status() {
        return run.status();
    }

    public String algorithmId() {
        return run.params().getOrDefault("algorithm", "");
    }

    /** The algorithm's short name ("XGBoost" of "XGBoost (boosted trees)"), or its id when this build does not know it. */
    public String algorithm() {
        String id = algorithmId();
        return Algorithms.find(id).map(Algorithm::displayName).map(n -> n.replaceFirst("\\s*\\(.*\\)$", "")).orElse(id);
    }

    public Instant started() {
        return run.startedAt();
    }

    public String startedText() {
        return STARTED.format(run.startedAt());
    }

    /** The run's length; a running run counts up to now. */
    public Duration duration() {
        return Duration.between(run.startedAt(), run.endedAt().orElseGet(Instant::now));
    }

    public String durationText() {
        return duration(duration());
    }

    public String param(String key) {
        return run.params().get(key);
    }

    public Double metric(String key) {
        return run.metrics().get(key);
    }

    public Optional<Map.Entry<String, Double>> mainMetric() {
        return MetricNames.main(run.metrics());
    }

    /** "RMSE 31.2", or the status when the run has no metric (failed, cancelled, running). */
    public String mainMetricText() {
        return mainMetric().map(e -> MetricNames.label(e.getKey()) + " " + MetricNames.formatMetric(e.getKey(), e.getValue()))
                .orElse(statusText(status()));
    }

    public static String statusText(RunStatus s) {
        return switch (s) {
            case RUNNING -> "Running";
            case FINISHED -> "Finished";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
    }

    /** "0.42 s", "12 s", "3 min 05 s", "1 h 02 min". */
    public static String duration(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 10_000) {
            return String.format(Locale.US, "%.2f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.US, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.US, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago". */
    public static String ago(Instant t) {
        long s = Math.max(0, Duration.between(t, Instant.now()).toSeconds());
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        if (s < 86_400) {
            return s / 3600 + " h ago";
        }
        long days = s / 86_400;
        return days + (days == 1 ? " day ago" : " days ago");
    }

    /** Whether {@code needle} (lower case) occurs in the run's name, status, algorithm or a parameter value. */
    boolean matches(String needle) {
        if (contains(run.name(), needle) || contains(status().name(), needle) || contains(algorithm(), needle)
                || contains(label(), needle)) {
            return true;
        }
        for (Map.Entry<String, String> p : run.params().entrySet()) {
            if (contains(p.getKey() + "=" + p.getValue(), needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String hay, String needle) {
        return hay != null && hay.toLowerCase(Locale.ROOT).contains(needle);
    }
}
