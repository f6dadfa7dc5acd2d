package dev.osprey.app.ui;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How the studio orders, chooses and prints metrics: the validation summary first (RMSE before
 * MAE, accuracy before the rest), then the per-iteration curves, then the rest. Shared by the
 * Training, Experiments, Models and Home pages so a metric reads the same everywhere.
 */
public final class MetricNames {
    /** The summary metrics a training logs at step 0, most telling first. */
    private static final List<String> SUMMARY = List.of("rmse", "mae", "r2", "mape", "accuracy", "balanced_accuracy",
            "roc_auc", "f1_macro", "precision_macro", "recall_macro", "log_loss", "silhouette", "wcss", "clusters", "noise");

    private MetricNames() {
    }

    /** Summary metrics first in their usual order, then the others alphabetically. */
    public static List<String> ordered(Collection<String> keys) {
        List<String> out = new ArrayList<>();
        for (String k : SUMMARY) {
            if (keys.contains(k)) {
                out.add(k);
            }
        }
        new TreeSet<>(keys).stream().filter(k -> !SUMMARY.contains(k)).forEach(out::add);
        return out;
    }

    /**
     * Whether a metric deserves a column in a table of runs: per-fold and per-class values would
     * make dozens of columns; they stay in the run's detail.
     */
    public static boolean isColumn(String key) {
        return !key.matches("fold\\d+\\..*") && !key.contains("[");
    }

    /** The metric a run is judged by: RMSE for regression, accuracy for classes, else the first summary one. */
    public static Optional<Map.Entry<String, Double>> main(Map<String, Double> metrics) {
        for (String k : SUMMARY) {
            Double v = metrics.get(k);
            if (v != null) {
                return Optional.of(Map.entry(k, v));
            }
        }
        return Optional.empty();
    }

    /** Lower is better for errors and losses; higher for scores. */
    public static boolean lowerIsBetter(String key) {
        String k = key.replaceFirst("^(train|valid)_", "");
        return k.equals("rmse") || k.equals("mae") || k.equals("mape") || k.equals("log_loss") || k.equals("wcss") || k.endsWith("error")
                || k.endsWith("logloss");
    }

    /** "RMSE", "R²", "Balanced accuracy", "Validation RMSE" for the per-iteration {@code valid_rmse}. */
    public static String label(String key) {
        return switch (key) {
            case "rmse" -> "RMSE";
            case "mae" -> "MAE";
            case "r2" -> "R²";
            case "mape" -> "MAPE";
            case "roc_auc" -> "ROC AUC";
            case "log_loss", "logloss" -> "Log loss";
            case "error" -> "Error rate";
            case "mlogloss" -> "Log loss (multi-class)";
            case "f1_macro" -> "F1 (macro)";
            case "precision_macro" -> "Precision (macro)";
            case "recall_macro" -> "Recall (macro)";
            case "train_rows" -> "Train rows";
            case "valid_rows" -> "Valid rows";
            case "accuracy" -> "Accuracy";
            case "balanced_accuracy" -> "Balanced accuracy";
            case "wcss" -> "Within-cluster sum of squares";
            case "noise" -> "Noise rows";
            default -> {
                int open = key.indexOf('[');
                if (open > 0 && key.endsWith("]")) {
                    // a per-class value: "precision[spam]" reads "Precision · spam"
                    yield label(key.substring(0, open)) + " · " + key.substring(open + 1, key.length() - 1);
                }
                if (key.startsWith("valid_")) {
                    yield "Validation " + label(key.substring(6));
                }
                if (key.startsWith("train_") && !key.equals("train_rows")) {
                    yield "Training " + label(key.substring(6));
                }
                String s = key.replace('_', ' ');
                yield s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
            }
        };
    }

    /** Four significant decimals at most, whole numbers without a fraction, "–" for none. */
    public static String format(Double value) {
        if (value == null || value.isNaN()) {
            return "–";
        }
        if (value.isInfinite()) {
            return value > 0 ? "∞" : "-∞";
        }
        double a = Math.abs(value);
        String pattern = value == Math.rint(value) && a < 1e12 ? "#,##0"
                : a >= 100 ? "#,##0.0#" : a >= 1 ? "0.0###" : a == 0 ? "0" : a >= 1e-4 ? "0.####" : "0.###E0";
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US)).format(value);
    }

    /** A metric's value as it reads beside its label: MAPE as a percentage, the rest as {@link #format}. */
    public static String formatMetric(String key, Double value) {
        if (key.equals("mape") && value != null && Double.isFinite(value)) {
            return format(value * 100) + " %";
        }
        return format(value);
    }

    /** Compares texts as numbers when both are numbers (so "10" sorts after "9"), else as text. */
    public static final Comparator<String> NUMERIC_AWARE = (a, b) -> {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) {
            return Double.compare(x, y);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return String.CASE_INSENSITIVE_ORDER.compare(a == null ? "" : a, b == null ? "" : b);
    };

    private static Double number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
