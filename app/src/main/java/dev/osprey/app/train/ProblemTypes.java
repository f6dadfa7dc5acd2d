package dev.osprey.app.train;

import dev.osprey.core.data.Column;
import dev.osprey.core.train.ProblemType;

/** The problem type a target column suggests, and how the page names problem types. */
final class ProblemTypes {
    /** As ml-core decides when nothing is requested: a numeric column with more than this many values is a regression. */
    static final int REGRESSION_MIN_DISTINCT = 10;

    private ProblemTypes() {
    }

    /**
     * The type training will infer, read from the column's import statistics (ml-core infers it
     * from the rows themselves when training starts; its rule has no public entry point, so this
     * mirrors it: numeric with more than 10 distinct values is a regression, 2 values binary).
     */
    static ProblemType infer(Column target) {
        if (target.type().isNumeric() && target.distinct() > REGRESSION_MIN_DISTINCT) {
            return ProblemType.REGRESSION;
        }
        return target.distinct() <= 2 ? ProblemType.BINARY : ProblemType.MULTICLASS;
    }

    static String label(ProblemType type) {
        if (type == null) {
            return "";
        }
        return switch (type) {
            case REGRESSION -> "Regression";
            case BINARY -> "Binary classification";
            case MULTICLASS -> "Multi-class classification";
            case CLUSTERING -> "Clustering (no target)";
        };
    }
}
