package dev.osprey.app.train;

import dev.osprey.core.train.Algorithms;
import dev.osprey.core.train.TrainingException;
import dev.osprey.core.train.TrainingRequest;

/**
 * How far a boosting training is, from its live curve: the job reports progress per fold only,
 * and the rounds say how far into the fold it is.
 */
final class RoundProgress {
    private RoundProgress() {
    }

    /** The boosting rounds the request asks for (XGBoost's {@code rounds}), or 0 when it has none. */
    static int rounds(TrainingRequest request) {
        try {
            String value = request.options().get("rounds");
            if (value != null) {
                return Integer.parseInt(value.strip());
            }
            String fallback = Algorithms.get(request.algorithm()).defaults().toMap().get("rounds");
            return fallback == null ? 0 : Integer.parseInt(fallback);
        } catch (TrainingException | NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The share done when {@code last} is the newest point: each validation fold and the final fit
     * (k-fold) is one slot, filled by its rounds; 5% is left for scoring and saving.
     */
    static double estimate(CurvePoint last, int folds, int plannedRounds) {
        int slots = folds == 1 ? 1 : folds + 1;
        int slot = last.fold() == 0 ? slots - 1 : last.fold() - 1;
        return 0.95 * (slot + Math.min(1.0, (double) last.iteration() / plannedRounds)) / slots;
    }
}
