package dev.osprey.core.train;

import java.util.Map;
import java.util.Set;

import static dev.osprey.core.train.OptionReader.range;

/** k-nearest neighbours: the number of neighbours that vote. */
public record KnnOptions(int k) implements AlgorithmOptions {
    public KnnOptions {
        range("k", k, 1, 1000);
    }

    public static KnnOptions from(Map<String, String> values) throws TrainingException {
        OptionReader r = new OptionReader("knn", values, Set.of("k"));
        int k = r.integer("k", 5);
        return OptionReader.build(() -> new KnnOptions(k));
    }

    @Override
    public Map<String, String> toMap() {
        return Map.of("k", Integer.toString(k));
    }
}
