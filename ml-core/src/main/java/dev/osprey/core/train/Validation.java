package dev.osprey.core.train;

/**
 * How a model is validated. A holdout keeps {@code ratio} of the rows aside and returns the
 * model trained on the rest; k-fold trains k models for the metrics and returns a model
 * trained on all rows. Stratified k-fold keeps the class mix in each fold (classification only).
 */
public sealed interface Validation {
    long seed();

    /** A short form for run parameters, e.g. {@code holdout(0.2)}. */
    String describe();

    record Holdout(double ratio, long seed) implements Validation {
        public Holdout {
            if (!(ratio >= 0.05 && ratio <= 0.5)) {
                throw new IllegalArgumentException("The holdout ratio must be between 0.05 and 0.5, not " + ratio);
            }
        }

        @Override
        public String describe() {
            return "holdout(" + ratio + ")";
        }
    }

    record KFold(int k, long seed) implements Validation {
        public KFold {
            checkK(k);
        }

        @Override
        public String describe() {
            return k + "-fold";
        }
    }

    record StratifiedKFold(int k, long seed) implements Validation {
        public StratifiedKFold {
            checkK(k);
        }

        @Override
        public String describe() {
            return "stratified " + k + "-fold";
        }
    }

    /** 20% holdout, seed 42. */
    static Validation defaultHoldout() {
        return new Holdout(0.2, 42);
    }

    private static void checkK(int k) {
        if (k < 2 || k > 20) {
            throw new IllegalArgumentException("The number of folds must be between 2 and 20, not " + k);
        }
    }
}
