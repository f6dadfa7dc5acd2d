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
