package dev.osprey.core.train;

import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.Optional;

/**
 * The XGBoost matrices of one fit: the training rows, the validation rows (null without), and the
 * rows each per-round curve is measured on (the same matrices when there are few rows, else a
 * seeded sample of {@value XGBoostAlgorithm#CURVE_ROWS}). {@code cells} is their size in values.
 */
record XGBoostMatrices(DMatrix train, DMatrix valid, DMatrix validCurve, DMatrix trainCurve, long cells) {

    /** The matrices of a fit on {@code train} scored on {@code valid}; seed picks the curve samples. */
    static XGBoostMatrices build(EncodedRows train, Optional<EncodedRows> valid, long seed) throws XGBoostError {
        DMatrix dtrain = null;
        DMatrix dvalid = null;
        DMatrix dvalidCurve = null;
        DMatrix dcurve = null;
        try {
            float[] trainFloats = train.floats();
            float[] trainLabels = XGBoostAlgorithm.labels(train.y());
            dtrain = XGBoostAlgorithm.matrix(trainFloats, trainLabels, train.rows(), train.features());
            long cells = (long) train.rows() * train.features();
            if (valid.isPresent()) {
                EncodedRows v = valid.get();
                float[] validFloats = v.floats();
                float[] validLabels = XGBoostAlgorithm.labels(v.y());
                dvalid = XGBoostAlgorithm.matrix(validFloats, validLabels, v.rows(), v.features());
                dvalidCurve = dvalid;
                cells += (long) v.rows() * v.features();
                // Evaluating a set each round costs XGBoost a pass over its rows for the newest tree
                // (~5 ms a round for 200k rows, 0.3 s of a 1M-row, 100-round fit); the curve of a
                // 20k sample is the same to the eye, and the final predictions still cover every
                // validation row, all trees at once.
                int[] validSample = XGBoostAlgorithm.curveSample(v.rows(), seed + 1);
                if (validSample != null) {
                    dvalidCurve = XGBoostAlgorithm.matrix(XGBoostAlgorithm.gatherRows(validFloats, v.features(), validSample),
                            XGBoostAlgorithm.gather(validLabels, validSample), validSample.length, v.features());
                    cells += (long) validSample.length * v.features();
                }
            }
            // The training curve is measured on a seeded sample of the training rows once there are
            // many: the full logloss over 800k rows every round cost more than a second per 100
            // rounds (about a quarter of the fit); the curve of 20k rows is the same to the eye.
            dcurve = dtrain;
            int[] sample = XGBoostAlgorithm.curveSample(train.rows(), seed);
            if (sample != null) {
                dcurve = XGBoostAlgorithm.matrix(XGBoostAlgorithm.gatherRows(trainFloats, train.features(), sample),
                        XGBoostAlgorithm.gather(trainLabels, sample), sample.length, train.features());
                cells += (long) sample.length * train.features();
            }
            return new XGBoostMatrices(dtrain, dvalid, dvalidCurve, dcurve, cells);
        } catch (XGBoostError | RuntimeException e) {
            new XGBoostMatrices(dtrain, dvalid, dvalidCurve, dcurve, 0).dispose();
            throw e;
        }
    }

    /** Frees XGBoost's copies (each distinct matrix once). */
    void dispose() {
        if (trainCurve != null && trainCurve != train) {
            trainCurve.dispose();
        }
        if (validCurve != null && validCurve != valid) {
            validCurve.dispose();
        }
        if (valid != null) {
            valid.dispose();
        }
        if (train != null) {
            train.dispose();
        }
    }

    /**
     * The matrices of one fit, taken from the job's pool (or built and counted there) when the
     * fit has one, else built for this fit alone; {@link #close} gives them back or frees them.
     */
    static Lease lease(MatrixPool pool, EncodedRows train, Optional<EncodedRows> valid, long seed) throws XGBoostError {
        Optional<MatrixPool.Key> key = pool == null ? Optional.empty() : MatrixPool.Key.of(train, valid, seed);
        XGBoostMatrices kept = key.map(k -> pool.take(k)).orElse(null);
        if (kept != null) {
            return new Lease(kept, pool, key.get());
        }
        XGBoostMatrices built = build(train, valid, seed);
        if (key.isPresent()) {
            pool.built();
        }
        return new Lease(built, key.isPresent() ? pool : null, key.orElse(null));
    }

    /** Matrices in use by one fit. */
    static final class Lease implements AutoCloseable {
        private final XGBoostMatrices matrices;
        private final MatrixPool pool;
        private final MatrixPool.Key key;

        private Lease(XGBoostMatrices matrices, MatrixPool pool, MatrixPool.Key key) {
            this.matrices = matrices;
            this.pool = pool;
            this.key = key;
        }

        XGBoostMatrices matrices() {
            return matrices;
        }

        @Override
        public void close() {
            if (pool == null) {
                matrices.dispose();
            } else {
                pool.give(key, matrices);
            }
        }
    }
}
