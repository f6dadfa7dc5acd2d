package dev.osprey.core.train;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A row predicted alone (one thread, in place) gets what it gets inside a large batch (every core, DMatrix). */
class XGBoostPredictorTest {
    private static final int ROWS = 600;
    private static final int FEATURES = 6;

    @Test
    void smallAndLargeBatchesAgreeForBinaryRegressionAndMultiClass() throws Exception {
        check(ProblemType.BINARY, "binary:logistic", 2);
        check(ProblemType.REGRESSION, "reg:squarederror", 0);
        check(ProblemType.MULTICLASS, "multi:softprob", 3);
    }

    private static void check(ProblemType type, String objective, int classes) throws Exception {
        Random r = new Random(7);
        float[] x = new float[ROWS * FEATURES];
        float[] y = new float[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double s = 0;
            for (int j = 0; j < FEATURES; j++) {
                // every 17th value missing: the in-place path must treat NaN as missing too
                x[i * FEATURES + j] = (i + j) % 17 == 0 ? Float.NaN : (float) r.nextGaussian();
                s += Float.isNaN(x[i * FEATURES + j]) ? 0 : x[i * FEATURES + j] * (j - 2);
            }
            y[i] = switch (type) {
                case REGRESSION -> (float) s;
                case BINARY -> s > 0 ? 1 : 0;
                default -> s < -1 ? 0 : s < 1 ? 1 : 2;
            };
        }
        DMatrix train = new DMatrix(x, ROWS, FEATURES, Float.NaN);
        train.setLabel(y);
        Map<String, Object> params = new HashMap<>(Map.of("objective", objective, "max_depth", 4, "tree_method", "hist", "nthread", 2));
        if (classes > 2) {
            params.put("num_class", classes);
        }
        Booster booster = XGBoost.train(train, params, 20, Map.of(), null, null);
        XGBoostPredictor p = new XGBoostPredictor(booster.toByteArray("ubj"), type, classes, FEATURES);
        train.dispose();

        assertThat(ROWS).isGreaterThan(XGBoostPredictor.SMALL_BATCH);
        double[][] batch = p.predict(x, ROWS);
        for (int i = 0; i < ROWS; i += 7) {
            float[] row = java.util.Arrays.copyOfRange(x, i * FEATURES, (i + 1) * FEATURES);
            double[] alone = p.predict(row, 1)[0];
            assertThat(alone).hasSameSizeAs(batch[i]);
            for (int k = 0; k < alone.length; k++) {
                assertThat(alone[k]).as("%s row %d output %d", type, i, k).isCloseTo(batch[i][k], within(1e-6));
            }
        }
    }
}
