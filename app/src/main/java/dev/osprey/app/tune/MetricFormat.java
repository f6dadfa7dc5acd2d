package dev.osprey.app.tune;

import java.time.Duration;
import java.util.Locale;

/** How the page writes metric values and durations. */
public final class MetricFormat {
    private MetricFormat() {
    }

    public static String value(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 0.001 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.2f" : "%.4f", v);
    }

    public static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return s < 60 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
    }
}
