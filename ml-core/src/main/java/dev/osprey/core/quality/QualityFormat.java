package dev.osprey.core.quality;

import java.util.Locale;

/** How the report writes numbers, the same in the view, the HTML file and the command line. */
public final class QualityFormat {
    private QualityFormat() {
    }

    /** Up to 4 significant decimals; integers without a fraction; "-" for NaN. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        int decimals = a >= 100 ? 2 : a >= 1 ? 3 : 4;
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** A share in [0, 1] as a percentage with one decimal. */
    public static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A metric or score with 4 decimals. */
    public static String score(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
