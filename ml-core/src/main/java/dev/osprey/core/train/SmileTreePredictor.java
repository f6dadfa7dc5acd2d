package dev.osprey.core.train;

import smile.classification.DataFrameClassifier;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.DataFrameRegression;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;

/** A Smile tree model (CART, random forest, gradient boosting) for regression or classification. */
final class SmileTreePredictor implements Predictor {
    @Serial
    private static final long serialVersionUID = 1L;

    private final DataFrameRegression regression;
    private final DataFrameClassifier classifier;
    private final int numClasses;
    private final int features;
    private transient StructType schema;

    private SmileTreePredictor(DataFrameRegression regression, DataFrameClassifier classifier, int numClasses, int features) {
        this.regression = regression;
        this.classifier = classifier;
        this.numClasses = numClasses;
        this.features = features;
    }

    static SmileTreePredictor regression(DataFrameRegression model, int features) {
        return new SmileTreePredictor(model, null, 0, features);
    }

    static SmileTreePredictor classifier(DataFrameClassifier model, int numClasses, int features) {
        return new SmileTreePredictor(null, model, numClasses, features);
    }

    @Override
    public double[] predict(double[] x) {
        Tuple t = Tuple.of(schema(), x);
        if (regression != null) {
            return new double[] {regression.predict(t)};
        }
        int[] seen = classifier.classes();
        double[] post = new double[seen.length];
        classifier.predict(t, post);
        return SmileFrames.spread(post, seen, numClasses);
    }

    /**
     * The same as {@link #predict} for many rows at once. A random forest classifier's trees are
     * walked here with Smile's own nodes and leaf probabilities, summed and normalized as Smile's
     * {@code RandomForest.predict(Tuple, double[])} does (the same numbers to the last bit), but
     * without wrapping each row in the forest's and then every tree's formula projection (two
     * objects and a thread-local lookup per tree per row: 5-10% of scoring a holdout; the rest is
     * walking the deep trees). The features are f0..fN in order, so a tree's feature index is the
     * row's index.
     */
    double[][] predictRows(double[][] x) {
        double[][] out = new double[x.length][];
        if (!(classifier instanceof smile.classification.RandomForest forest)) {
            for (int i = 0; i < x.length; i++) {
                out[i] = predict(x[i]);
            }
            return out;
        }
        smile.classification.RandomForest.Model[] models = forest.models();
        int[] seen = forest.classes();
        int k = seen.length;
        StructType s = schema();
        Tuple[] tuples = new Tuple[x.length];
        for (int i = 0; i < x.length; i++) {
            tuples[i] = Tuple.of(s, x[i]);
        }
        // Tree after tree over every row, not row after row over every tree: one tree's nodes stay
        // in the cache for all rows instead of every row walking all trees' scattered nodes. Each
        // row still adds the trees in the forest's order, so its sums are the same to the last bit.
        double[][] post = new double[x.length][k];
        double[] prob = new double[k];
        for (smile.classification.RandomForest.Model m : models) {
            smile.model.cart.Node root = m.tree().root();
            double w = m.weight();
            for (int i = 0; i < x.length; i++) {
                ((smile.model.cart.DecisionNode) root.predict(tuples[i])).posteriori(prob);
                double[] row = post[i];
                for (int j = 0; j < k; j++) {
                    row[j] += prob[j] * w;
                }
            }
        }
        for (int i = 0; i < x.length; i++) {
            smile.math.MathEx.unitize1(post[i]);
            out[i] = SmileFrames.spread(post[i], seen, numClasses);
        }
        return out;
    }

    private StructType schema() {
        StructType s = schema;
        if (s == null) {
            s = SmileFrames.featureSchema(features);
            schema = s;
        }
        return s;
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if ((regression == null) == (classifier == null) || features < 1) {
            throw new InvalidObjectException("a tree model needs exactly one of a regression or a classifier");
        }
    }
}
