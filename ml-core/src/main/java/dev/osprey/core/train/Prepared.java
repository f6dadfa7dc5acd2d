package dev.osprey.core.train;

import java.util.List;

/**
 * A dataset made ready for the algorithms: the encoder, every usable row encoded column by
 * column (one entry per input column of the encoder), the target and the class labels. Kept
 * column-wise so that each algorithm's own layout (XGBoost's row-major floats, Smile's columns,
 * plain rows) is built once, straight from here, for just the rows a fit uses.
 */
record Prepared(FeatureEncoder encoder, List<Encoded> columns, double[] y, ProblemType problemType, int numClasses,
                List<String> classLabels, String target) {
    /** One input column, encoded. */
    sealed interface Encoded permits Numeric, OneHot {
    }

    /** A number per row, missing values already replaced by the training median. */
    record Numeric(double[] values) implements Encoded {
    }

    /** Per row, which of the column's {@code width} one-hot features is 1; -1 when none is. */
    record OneHot(int[] index, int width) implements Encoded {
    }

    Prepared {
        columns = List.copyOf(columns);
        if (columns.size() != encoder.columns().size()) {
            throw new IllegalArgumentException(columns.size() + " encoded columns for an encoder of " + encoder.columns().size());
        }
    }

    int rows() {
        return y.length;
    }

    ModelSignature signature() {
        return new ModelSignature(encoder.columns(), target, problemType, classLabels);
    }

    /** The rows at {@code index} (all rows when null), as the algorithms see them. */
    EncodedRows rows(int[] index) {
        return new EncodedRows.Columnar(this, index);
    }

    /** Every row as a TrainingSet (plain double rows). */
    TrainingSet all() {
        return rows(null).toSet();
    }
}
