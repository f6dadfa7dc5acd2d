package dev.osprey.core.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of the spread of the objective over the complete trials each parameter explains: the
 * correlation ratio (eta squared) of the objective against the parameter, binned in 4 equal
 * parts of its internal scale (or per choice), scaled so the parameters sum to 1. A quick,
 * one-parameter-at-a-time reading for the dashboard, not a functional ANOVA: interactions are
 * not separated, and with few trials it is noisy.
 */
public final class HyperparameterImportance {
    private static final int BINS = 4;

    private HyperparameterImportance() {
    }

    /** Parameter name -> share in [0, 1], in the space's order; all 0 when fewer than 3 trials are complete. */
    public static Map<String, Double> of(List<Trial> trials, SearchSpace space) {
        List<Trial> done = trials.stream().filter(Trial::isComplete).toList();
        Map<String, Double> raw = new LinkedHashMap<>();
        for (Param p : space.params()) {
            raw.put(p.name(), done.size() < 3 ? 0 : etaSquared(p, done));
        }
        double sum = raw.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, sum > 0 ? v / sum : 0));
        return out;
    }

    private static double etaSquared(Param p, List<Trial> done) {
        int bins = p instanceof Param.CategoricalParam c ? c.choices().size() : BINS;
        double[] sum = new double[bins];
        int[] count = new int[bins];
        List<Double> values = new ArrayList<>();
        for (Trial t : done) {
            double x = p.internal(t.params().getOrDefault(p.name(), ""));
            if (Double.isNaN(x)) {
                continue;
            }
            int b = p instanceof Param.CategoricalParam ? (int) x
                    : (int) Math.min(bins - 1, Math.floor((x - p.low()) / (p.high() - p.low()) * bins));
            double y = t.value().getAsDouble();
            sum[Math.max(0, b)] += y;
            count[Math.max(0, b)]++;
            values.add(y);
        }
        if (values.size() < 3) {
            return 0;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double total = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        if (total == 0) {
            return 0;
        }
        double between = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                double m = sum[b] / count[b];
                between += count[b] * (m - mean) * (m - mean);
            }
        }
        return between / total;
    }
}
