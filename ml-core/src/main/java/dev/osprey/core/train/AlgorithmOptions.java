package dev.osprey.core.train;

import java.util.Map;

/**
 * The validated hyperparameters of one algorithm (a record per algorithm). {@link #toMap()}
 * gives the flat form that run parameters, the UI and tuning search spaces use; the algorithm's
 * {@link Algorithm#options(Map)} reads it back.
 */
public interface AlgorithmOptions {
    Map<String, String> toMap();
}
