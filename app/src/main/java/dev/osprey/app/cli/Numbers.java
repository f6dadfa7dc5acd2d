package dev.osprey.app.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How metric values, shares and durations are written in terminal output (locale-independent). */
final class Numbers {
    private Numbers() {
    }

    /** Four decimals for scores and small errors, one for large errors (an RMSE of 20731.4). */
    static String metric(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e7 || a < 1e-4)) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        return String.format(Locale.ROOT, a >= 1000 ? "%.1f" : "%.4f", v);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String seconds(double s) {
        return s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", (long) s / 60, (long) s % 60)
                : String.format(Locale.ROOT, s >= 10 ? "%.0f s" : "%.1f s", s);
    }

    /** A two-column METRIC / VALUE table, in the metrics' own order. */
    static TextTable metricsTable(Map<String, Double> metrics) {
        TextTable t = new TextTable(List.of("METRIC", "VALUE"), false, true);
        metrics.forEach((k, v) -> t.add(List.of(k, metric(v))));
        return t;
    }
}
