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
 */
final class XGBoostPredictor implements Predictor {
    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] model;
    private final ProblemType type;
    private final int classes;
    private final int features;
    private transient Booster booster;

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
            try {
                booster = XGBoost.loadModel(model);
            } catch (IOException e) {
                throw new XGBoostError("the stored booster cannot be read: " + e.getMessage());
            }
        }
        return booster;
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
