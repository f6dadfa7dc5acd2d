package dev.osprey.core.wrangle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Plain-Java statistics for expectations: the "other way" each test computes its answer. */
final class Stats {
    private Stats() {
    }

    static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    static double sampleStd(List<Double> xs) {
        double m = mean(xs);
        double ss = xs.stream().mapToDouble(x -> (x - m) * (x - m)).sum();
        return Math.sqrt(ss / (xs.size() - 1));
    }

    /** Linear interpolation between closest ranks (DuckDB's quantile_cont, numpy's default). */
    static double quantile(List<Double> xs, double q) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        double pos = q * (s.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return s.get(lo) + (pos - lo) * (s.get(hi) - s.get(lo));
    }

    static double median(List<Double> xs) {
        return quantile(xs, 0.5);
    }

    /** The most frequent non-null value; ties go to the smallest. */
    static String mode(List<Object> values) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Object v : values) {
            if (v != null) {
                counts.merge(v.toString(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).orElseThrow().getKey();
    }
}
