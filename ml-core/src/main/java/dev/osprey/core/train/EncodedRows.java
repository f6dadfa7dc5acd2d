package dev.osprey.core.train;

import java.util.List;
import java.util.Optional;

/**
 * Encoded rows in whichever layout an algorithm needs, built on demand: XGBoost takes a
 * row-major float matrix, Smile one double array per feature, the rest plain double rows
 * ({@link TrainingSet}). From prepared columns each layout is written directly, once, for the
 * rows of one fit; from a {@link TrainingSet} (algorithms called directly) it is converted.
 */
sealed interface EncodedRows permits EncodedRows.Columnar, EncodedRows.OfSet {
    /** An algorithm that can fit from any layout without a TrainingSet being built first. */
    interface Learner {
        Fitted fit(EncodedRows train, Optional<EncodedRows> valid, AlgorithmOptions options, FitContext context)
                throws TrainingException;

        /**
         * Fits, and predicts the validation rows when that comes for free from the fit (XGBoost's
         * prediction cache already holds them); otherwise the job predicts them with the model.
         */
        default Fit fitAndPredict(EncodedRows train, Optional<EncodedRows> valid, AlgorithmOptions options, FitContext context)
                throws TrainingException {
            return new Fit(fit(train, valid, options, context), Optional.empty());
        }
    }

    /** A fit and, when the learner had them at hand, its predictions for the validation rows (predictor's format). */
    record Fit(Fitted fitted, Optional<double[][]> validPredictions) {
    }

    int rows();

    int features();

    List<String> featureNames();

    ProblemType problemType();

    int numClasses();

    /** The target per row (class index for classification). Shared: do not modify. */
    double[] y();

    /** Row-major floats, {@code rows() * features()}. */
    float[] floats();

    /** Encoded feature {@code j} of every row. Possibly shared: do not modify. */
    double[] column(int j);

    TrainingSet toSet();

    default int[] labels() {
        double[] y = y();
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (int) y[i];
        }
        return out;
    }

    static EncodedRows of(TrainingSet set) {
        return new OfSet(set);
    }

    /** Rows of prepared columns; {@code index} null means every row. */
    record Columnar(Prepared data, int[] index) implements EncodedRows {
        @Override
        public int rows() {
            return index == null ? data.rows() : index.length;
        }

        @Override
        public int features() {
            return data.encoder().width();
        }

        @Override
        public List<String> featureNames() {
            return data.encoder().featureNames();
        }

        @Override
        public ProblemType problemType() {
            return data.problemType();
        }

        @Override
        public int numClasses() {
            return data.numClasses();
        }

        @Override
        public double[] y() {
            return index == null ? data.y() : gather(data.y());
        }

        /** Rows written per task when the matrix is built in parallel. */
        private static final int BLOCK_ROWS = 1 << 16;

        /** Written in blocks of rows on all cores (800k x 20 took 0.2 s on one), each block column by column. */
        @Override
        public float[] floats() {
            int n = rows();
            int p = features();
            float[] out = new float[Math.multiplyExact(n, p)];
            int blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
            java.util.stream.IntStream.range(0, blocks).parallel()
                    .forEach(b -> fill(out, p, b * BLOCK_ROWS, Math.min(n, (b + 1) * BLOCK_ROWS)));
            return out;
        }

        private void fill(float[] out, int p, int from, int to) {
            int[] offsets = data.encoder().offsets();
            for (int c = 0; c < offsets.length - 1; c++) {
                int o = offsets[c];
                switch (data.columns().get(c)) {
                    case Prepared.Numeric num -> {
                        double[] v = num.values();
                        for (int i = from, at = from * p + o; i < to; i++, at += p) {
                            out[at] = (float) v[index == null ? i : index[i]];
                        }
                    }
                    case Prepared.OneHot hot -> {
                        int[] k = hot.index();
                        for (int i = from, at = from * p + o; i < to; i++, at += p) {
                            int h = k[index == null ? i : index[i]];
                            if (h >= 0) {
                                out[at + h] = 1f;
                            }
                        }
                    }
                }
            }
        }

        @Override
        public double[] column(int j) {
            int[] offsets = data.encoder().offsets();
            int c = 0;
            while (offsets[c + 1] <= j) {
                c++;
            }
            return switch (data.columns().get(c)) {
                case Prepared.Numeric num -> index == null ? num.values() : gather(num.values());
                case Prepared.OneHot hot -> {
                    int want = j - offsets[c];
                    int[] k = hot.index();
                    double[] out = new double[rows()];
                    for (int i = 0; i < out.length; i++) {
                        if (k[index == null ? i : index[i]] == want) {
                            out[i] = 1;
                        }
                    }
                    yield out;
                }
            };
        }

        @Override
        public TrainingSet toSet() {
            int n = rows();
            int p = features();
            int[] offsets = data.encoder().offsets();
            double[][] x = new double[n][p];
            for (int c = 0; c < offsets.length - 1; c++) {
                int o = offsets[c];
                switch (data.columns().get(c)) {
                    case Prepared.Numeric num -> {
                        double[] v = num.values();
                        for (int i = 0; i < n; i++) {
                            x[i][o] = v[index == null ? i : index[i]];
                        }
                    }
                    case Prepared.OneHot hot -> {
                        int[] k = hot.index();
                        for (int i = 0; i < n; i++) {
                            int h = k[index == null ? i : index[i]];
                            if (h >= 0) {
                                x[i][o + h] = 1;
                            }
                        }
                    }
                }
            }
            return new TrainingSet(x, y(), featureNames(), problemType(), numClasses());
        }

        private double[] gather(double[] values) {
            double[] out = new double[index.length];
            for (int i = 0; i < index.length; i++) {
                out[i] = values[index[i]];
            }
            return out;
        }
    }

    /** A TrainingSet given to an algorithm directly. */
    record OfSet(TrainingSet set) implements EncodedRows {
        @Override
        public int rows() {
            return set.rows();
        }

        @Override
        public int features() {
            return set.features();
        }

        @Override
        public List<String> featureNames() {
            return set.featureNames();
        }

        @Override
        public ProblemType problemType() {
            return set.problemType();
        }

        @Override
        public int numClasses() {
            return set.numClasses();
        }

        @Override
        public double[] y() {
            return set.y();
        }

        @Override
        public float[] floats() {
            return XGBoostPredictor.flatten(set.x(), set.features());
        }

        @Override
        public double[] column(int j) {
            double[] out = new double[set.rows()];
            for (int i = 0; i < out.length; i++) {
                out[i] = set.x()[i][j];
            }
            return out;
        }

        @Override
        public TrainingSet toSet() {
            return set;
        }
    }
}
