package dev.osprey.core.tune;

/** Whether a smaller or a larger metric is better. */
public enum Direction {
    MINIMIZE, MAXIMIZE;

    /** True when {@code a} is strictly better than {@code b}; NaN is never better. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return this == MINIMIZE ? a < b : a > b;
    }

    /** The value as a loss (smaller is better), which samplers and pruners compare. */
    public double loss(double value) {
        return this == MINIMIZE ? value : -value;
    }

    /** The usual direction of a metric name: scores (accuracy, AUC, R2, F1) up, errors and losses down. */
    public static Direction of(String metric) {
        String m = metric.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("accuracy") || m.contains("auc") || m.equals("r2") || m.startsWith("f1") || m.startsWith("precision")
                || m.startsWith("recall")) {
            return MAXIMIZE;
        }
        return MINIMIZE;
    }
}
