package dev.osprey.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.osprey.core.train.OptionReader.openRange;
import static dev.osprey.core.train.OptionReader.range;

/**
 * DBSCAN: a row is a core point when at least {@code minPts} rows (itself included) lie within
 * {@code radius} of it, in the scaled feature space (each feature has standard deviation 1, so a
 * radius of 0.5 is half a standard deviation).
 */
public record DbscanOptions(int minPts, double radius) implements AlgorithmOptions {
    public DbscanOptions {
        range("min_pts", minPts, 2, 10_000);
        openRange("radius", radius, 0, 1_000_000);
    }

    public static DbscanOptions defaults() {
        return new DbscanOptions(5, 0.5);
    }

    public static DbscanOptions from(Map<String, String> values) throws TrainingException {
        DbscanOptions d = defaults();
        OptionReader r = new OptionReader("dbscan", values, d);
        int minPts = r.integer("min_pts", d.minPts);
        double radius = r.decimal("radius", d.radius);
        return OptionReader.build(() -> new DbscanOptions(minPts, radius));
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("min_pts", Integer.toString(minPts));
        m.put("radius", Double.toString(radius));
        return m;
    }
}
