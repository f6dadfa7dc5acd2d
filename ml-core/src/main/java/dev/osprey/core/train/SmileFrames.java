package dev.osprey.core.train;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.ValueVector;

/**
 * Encoded rows as Smile data frames. Columns are named f0..fN and the target y, so user column
 * names never reach Smile's formula parser.
 */
final class SmileFrames {
    static final String TARGET = "y";
    static final Formula FORMULA = Formula.lhs(TARGET);

    private SmileFrames() {
    }

    static DataFrame withTarget(TrainingSet set) {
        return withTarget(EncodedRows.of(set));
    }

    /** The feature columns come from {@link EncodedRows#column} as they are (shared with the prepared data when possible). */
    static DataFrame withTarget(EncodedRows set) {
        ValueVector[] cols = new ValueVector[set.features() + 1];
        fill(cols, set);
        cols[set.features()] = set.problemType().isClassification()
                ? ValueVector.of(TARGET, set.labels()) : ValueVector.of(TARGET, set.y());
        return new DataFrame(cols);
    }

    /** The schema of the feature columns alone: what a Tuple for prediction is built on. */
    static StructType featureSchema(int features) {
        ValueVector[] cols = new ValueVector[features];
        for (int j = 0; j < features; j++) {
            cols[j] = ValueVector.of("f" + j, new double[0]);
        }
        return new DataFrame(cols).schema();
    }

    private static void fill(ValueVector[] cols, EncodedRows set) {
        for (int j = 0; j < set.features(); j++) {
            cols[j] = ValueVector.of("f" + j, set.column(j));
        }
    }

    /** Smile's posteriori (over the classes it saw) spread onto all {@code numClasses} classes. */
    static double[] spread(double[] posteriori, int[] seen, int numClasses) {
        double[] out = new double[numClasses];
        for (int i = 0; i < seen.length && i < posteriori.length; i++) {
            out[seen[i]] = posteriori[i];
        }
        return out;
    }
}
