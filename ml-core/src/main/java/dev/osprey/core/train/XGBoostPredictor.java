package dev.osprey.core.train;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;

/**
 * An XGBoost model kept in XGBoost's own format (UBJSON bytes from {@code toByteArray}), so the
 * model file never holds a Java-serialized native object. The booster is loaded from those bytes
 * on first use.
 *
 * <p>Small predictions (an endpoint's request, a predict form's row) go to a second booster with
 * one thread and XGBoost's in-place prediction: starting every core's OpenMP team for one row
 * cost 0.6-2 ms per row on the 2-core VM (much more while other processes hold the cores, as the
 * team's threads spin at barriers), against ~50 us on one thread without building a DMatrix.
 * Large batches keep every core.
 */
final class XGBoostPredictor implements Predictor {
    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] model;
    private final ProblemType type;
    private final int classes;
    private final int features;
    /** At most this many rows are predicted on one thread. */
    static final int SMALL_BATCH = 256;

    private transient Booster booster;
    private transient Booster single;

    XGBoostPredictor(byte[] model, ProblemType type, int classes, int features) {
        this.model = model.clone();
        this.type = type;
        this.classes = classes;
        this.features = features;
    }

    @Override
    public double[] predict(double[] x) {
        return predict(new double[][] {x})[0];
    }

    @Override
    public double[][] predict(double[][] x) {
        return predict(flatten(x, features), x.length);
    }

    /** Predicts {@code rows} rows given as one row-major float matrix (how a job holds its held-out rows). */
    synchronized double[][] predict(float[] rowMajor, int rows) {
        if (rows <= SMALL_BATCH) {
            try {
                return probabilities(singleThreaded().inplace_predict(rowMajor, rows, features, Float.NaN));
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost cannot predict: " + e.getMessage(), e);
            }
        }
        DMatrix m = null;
        try {
            m = new DMatrix(rowMajor, rows, features, Float.NaN);
            return probabilities(booster().predict(m));
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost cannot predict: " + e.getMessage(), e);
        } finally {
            if (m != null) {
                m.dispose();
            }
        }
    }

    /** XGBoost's output rows as this predictor's: the value, or every class's probability. */
    double[][] probabilities(float[][] raw) {
        double[][] out = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            out[i] = switch (type) {
                case REGRESSION -> new double[] {raw[i][0]};
                case BINARY -> new double[] {1 - raw[i][0], raw[i][0]};
                case MULTICLASS, CLUSTERING -> toDoubles(raw[i]);
            };
        }
        return out;
    }

    private Booster booster() throws XGBoostError {
        if (booster == null) {
            booster = load();
        }
        return booster;
    }

    private Booster singleThreaded() throws XGBoostError {
        if (single == null) {
            Booster b = load();
            b.setParam("nthread", 1);
            single = b;
        }
        return single;
    }

    private Booster load() throws XGBoostError {
        try {
            return XGBoost.loadModel(model);
        } catch (IOException e) {
            throw new XGBoostError("the stored booster cannot be read: " + e.getMessage());
        }
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (model == null || type == null || features < 1 || (type == ProblemType.MULTICLASS && classes < 3)) {
            throw new java.io.InvalidObjectException("an XGBoost model without its booster, type or features");
        }
    }

    static float[] flatten(double[][] x, int features) {
        float[] out = new float[x.length * features];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != features) {
                throw new IllegalArgumentException("a row has " + x[i].length + " features, the model " + features);
            }
            for (int j = 0; j < features; j++) {
                out[i * features + j] = (float) x[i][j];
            }
        }
        return out;
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
