package dev.osprey.core.train;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One prediction. Regression: {@code value} is the predicted number. Classification:
 * {@code label} is the most probable class, {@code value} its probability, and
 * {@code probabilities} every class's probability (in the signature's label order).
 */
public record Prediction(double value, Optional<String> label, Map<String, Double> probabilities) {
    public Prediction {
        Objects.requireNonNull(label);
        // A regression has none: no map copy per row (batch scoring makes millions of these).
        probabilities = probabilities.isEmpty() ? java.util.Collections.emptyMap()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
    }
}
