package dev.osprey.app.train;

/**
 * One point of the live training curve: the metric on the training and the validation rows after
 * {@code iteration} rounds of fold {@code fold} (0: the final fit on all rows, which has no
 * validation rows, so {@code valid} is NaN).
 */
public record CurvePoint(int fold, int iteration, String metric, double train, double valid) {
}
