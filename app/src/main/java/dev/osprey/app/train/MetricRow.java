package dev.osprey.app.train;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/** One line of the metrics table: the metric as a reader names it, and its value as text. */
public record MetricRow(String key, String name, double value, String text) {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("rmse", "RMSE"), Map.entry("mae", "MAE"), Map.entry("r2", "R²"), Map.entry("mape", "MAPE"),
            Map.entry("accuracy", "Accuracy"), Map.entry("balanced_accuracy", "Balanced accuracy"),
            Map.entry("precision_macro", "Precision (macro)"), Map.entry("recall_macro", "Recall (macro)"),
            Map.entry("f1_macro", "F1 (macro)"), Map.entry("roc_auc", "ROC AUC"), Map.entry("log_loss", "Log loss"));

    static MetricRow of(String key, double value) {
        String text = key.equals("mape") && Double.isFinite(value) ? number(value * 100) + " %" : number(value);
        return new MetricRow(key, name(key), value, text);
    }

    /** "rmse" is RMSE, "precision[spam]" is "Precision · spam"; unknown keys are shown as they are. */
    static String name(String key) {
        String known = NAMES.get(key);
        if (known != null) {
            return known;
        }
        int open = key.indexOf('[');
        if (open > 0 && key.endsWith("]")) {
            String base = key.substring(0, open);
            return Character.toUpperCase(base.charAt(0)) + base.substring(1) + " · " + key.substring(open + 1, key.length() - 1);
        }
        return key;
    }

    /** Four significant figures or so, grouped; "—" when undefined. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "—";
        }
        double a = Math.abs(v);
        String pattern = a >= 1000 ? "#,##0.#" : a >= 10 ? "0.##" : a >= 0.001 || a == 0 ? "0.####" : "0.###E0";
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }
}
