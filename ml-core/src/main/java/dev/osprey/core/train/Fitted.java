package dev.osprey.core.train;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Algorithm#fit} returns: the predictor and, when the model has one, its native
 * importance per encoded feature (e.g. XGBoost gain, Smile's split importance).
 */
public record Fitted(Predictor predictor, Optional<double[]> importance) {
    public Fitted {
        Objects.requireNonNull(predictor);
        Objects.requireNonNull(importance);
    }

    public static Fitted of(Predictor predictor) {
        return new Fitted(predictor, Optional.empty());
    }
}
