package dev.osprey.core.train;

import java.util.Map;

import static dev.osprey.core.train.OptionReader.range;

/** k-nearest neighbours: the number of neighbours that vote. */
public record KnnOptions(int k) implements AlgorithmOptions {
    public KnnOptions {
        range("k", k, 1, 1000);
    }

    public static KnnOptions defaults() {
        return new KnnOptions(5);
    }

    public static KnnOptions from(Map<String, String> values) throws TrainingException {
        KnnOptions d = defaults();
        OptionReader r = new OptionReader("knn", values, d);
        int k = r.integer("k", d.k);
        return OptionReader.build(() -> new KnnOptions(k));
    }

    @Override
    public Map<String, String> toMap() {
        return Map.of("k", Integer.toString(k));
    }
}
