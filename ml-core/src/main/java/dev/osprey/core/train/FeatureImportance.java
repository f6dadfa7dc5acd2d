package dev.osprey.core.train;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How much each input column matters, as its share of the total (the shares sum to 1 unless
 * nothing mattered), largest first. {@code method} is {@code gain} (XGBoost), {@code split}
 * (Smile trees) or {@code permutation} (the rise of the validation loss when a column is shuffled).
 */
public record FeatureImportance(String method, Map<String, Double> byColumn) implements Serializable {
    public FeatureImportance {
        Objects.requireNonNull(method);
        byColumn = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byColumn));
    }

    /** Sums encoded-feature scores per input column (one-hot features add up), clips negatives, normalises, sorts. */
    static FeatureImportance of(String method, double[] perFeature, FeatureEncoder encoder) {
        int[] offsets = encoder.offsets();
        double[] perColumn = new double[encoder.columns().size()];
        for (int c = 0; c < perColumn.length; c++) {
            for (int j = offsets[c]; j < offsets[c + 1]; j++) {
                perColumn[c] += Math.max(0, perFeature[j]);
            }
        }
        return ofColumns(method, perColumn, encoder);
    }

    static FeatureImportance ofColumns(String method, double[] perColumn, FeatureEncoder encoder) {
        double total = 0;
        for (double v : perColumn) {
            total += Math.max(0, v);
        }
        Map<String, Double> raw = new LinkedHashMap<>();
        for (int c = 0; c < perColumn.length; c++) {
            raw.put(encoder.columns().get(c).name(), total > 0 ? Math.max(0, perColumn[c]) / total : 0.0);
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        raw.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new FeatureImportance(method, sorted);
    }
}
