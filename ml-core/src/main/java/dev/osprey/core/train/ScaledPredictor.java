package dev.osprey.core.train;

import smile.classification.Classifier;
import smile.regression.Regression;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;

/**
 * A Smile model on {@link Scaling scaled} features: a classifier (SVM, MLP, LDA) or a
 * regression (MLP). Soft classifiers give their probabilities; a hard one gives 1 for its class.
 */
final class ScaledPredictor implements Predictor {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Scaling scaling;
    private final Classifier<double[]> classifier;
    private final Regression<double[]> regression;
    private final int numClasses;

    private ScaledPredictor(Scaling scaling, Classifier<double[]> classifier, Regression<double[]> regression, int numClasses) {
        this.scaling = scaling;
        this.classifier = classifier;
        this.regression = regression;
        this.numClasses = numClasses;
    }

    static ScaledPredictor classifier(Scaling scaling, Classifier<double[]> model, int numClasses) {
        return new ScaledPredictor(scaling, model, null, numClasses);
    }

    static ScaledPredictor regression(Scaling scaling, Regression<double[]> model) {
        return new ScaledPredictor(scaling, null, model, 0);
    }

    @Override
    public double[] predict(double[] x) {
        double[] z = scaling.apply(x);
        if (regression != null) {
            return new double[] {regression.predict(z)};
        }
        int[] seen = classifier.classes();
        if (classifier.isSoft()) {
            double[] post = new double[seen.length];
            classifier.predict(z, post);
            return SmileFrames.spread(post, seen, numClasses);
        }
        double[] out = new double[numClasses];
        out[classifier.predict(z)] = 1;
        return out;
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (scaling == null || (classifier == null) == (regression == null) || (classifier != null && numClasses < 2)) {
            throw new InvalidObjectException("a scaled model needs its scaling and exactly one of a classifier or a regression");
        }
    }
}
