package dev.osprey.core.quality;

import dev.osprey.core.experiment.RunId;
import dev.osprey.core.train.ProblemType;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The boosted-trees model trained with default settings on an 80/20 holdout: its validation
 * metrics, feature importance (share of gain, largest first), and the run that recorded it.
 */
public record QuickModel(String algorithm, ProblemType problemType, Map<String, Double> metrics,
                         Map<String, Double> importance, RunId run, int trainRows, int validRows, Duration elapsed) {
    public QuickModel {
        Objects.requireNonNull(algorithm);
        Objects.requireNonNull(problemType);
        Objects.requireNonNull(run);
        Objects.requireNonNull(elapsed);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        importance = Collections.unmodifiableMap(new LinkedHashMap<>(importance));
    }
}
