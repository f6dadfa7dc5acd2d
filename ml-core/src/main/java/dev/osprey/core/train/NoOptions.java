package dev.osprey.core.train;

import java.util.Map;
import java.util.Set;

/** For algorithms without hyperparameters (ordinary least squares). */
public record NoOptions() implements AlgorithmOptions {
    static NoOptions from(String algorithm, Map<String, String> values) throws TrainingException {
        new OptionReader(algorithm, values, Set.of());
        return new NoOptions();
    }

    @Override
    public Map<String, String> toMap() {
        return Map.of();
    }
}
