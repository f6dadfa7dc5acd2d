package dev.osprey.core.train;

import java.util.Map;
import java.util.Optional;

/**
 * One learning algorithm. The views list them ({@link Algorithms#all()}), show
 * {@link #defaults()} as a form, and pass the edited map back through {@link #options(Map)},
 * which validates it.
 */
public interface Algorithm {
    /** A stable identifier stored in runs and model files, e.g. {@code xgboost}. */
    String id();

    /** The name a user reads, e.g. "XGBoost (boosted trees)". */
    String displayName();

    boolean supports(ProblemType type);

    AlgorithmOptions defaults();

    /**
     * Validated options from a flat map; absent keys take the defaults.
     *
     * @throws TrainingException naming the bad key and the allowed range
     */
    AlgorithmOptions options(Map<String, String> values) throws TrainingException;

    /**
     * Fits a model. {@code valid} (when present) is only for per-iteration metrics, never for
     * fitting. {@code options} come from {@link #options(Map)} of this algorithm.
     */
    Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context)
            throws TrainingException;
}
