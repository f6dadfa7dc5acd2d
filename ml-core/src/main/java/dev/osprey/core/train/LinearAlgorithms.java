package dev.osprey.core.train;

import smile.classification.KNN;
import smile.classification.LogisticRegression;
import smile.data.DataFrame;
import smile.regression.LASSO;
import smile.regression.LinearModel;
import smile.regression.OLS;
import smile.regression.RidgeRegression;

import java.util.Optional;

/**
 * Linear and distance-based learners: least squares, ridge, lasso and elastic net regression (whose
 * coefficients are kept as a {@link LinearPredictor}), logistic regression and k-nearest
 * neighbours (on standardised features). These have no native importance: permutation
 * importance is used. Smile's least squares, ridge and lasso need OpenBLAS.
 */
final class LinearAlgorithms {
    private LinearAlgorithms() {
    }

    private static Fitted linear(LinearModel model) {
        smile.tensor.Vector w = model.coefficients();
        double[] weights = new double[w.size()];
        for (int j = 0; j < weights.length; j++) {
            weights[j] = w.get(j);
        }
        return Fitted.of(new LinearPredictor(weights, model.intercept()));
    }

    static final class LeastSquares extends NamedAlgorithm {
        LeastSquares() {
            super("linear_regression", "Linear regression (least squares)", REGRESSION, new NoOptions(), NoOptions::from);
        }

        @Override
        public Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context) {
            // SVD copes with collinear columns, which one-hot encoding with an intercept always creates.
            DataFrame df = SmileFrames.withTarget(train);
            return linear(OLS.fit(SmileFrames.FORMULA, df, new OLS.Options(OLS.Method.SVD, false, false)));
        }
    }

    static final class Ridge extends NamedAlgorithm {
        static final PenaltyOptions DEFAULTS = new PenaltyOptions(1.0, 1000);

        Ridge() {
            super("ridge", "Ridge regression", REGRESSION, DEFAULTS, (id, v) -> PenaltyOptions.from(id, v, DEFAULTS, false));
        }

        @Override
        public Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context) {
            PenaltyOptions o = (PenaltyOptions) options;
            return linear(RidgeRegression.fit(SmileFrames.FORMULA, SmileFrames.withTarget(train), o.lambda()));
        }
    }

    static final class Lasso extends NamedAlgorithm {
        static final PenaltyOptions DEFAULTS = new PenaltyOptions(0.1, 1000);

        Lasso() {
            super("lasso", "Lasso regression", REGRESSION, DEFAULTS, (id, v) -> PenaltyOptions.from(id, v, DEFAULTS, true));
        }

        @Override
        public Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context) {
            PenaltyOptions o = (PenaltyOptions) options;
            return linear(LASSO.fit(SmileFrames.FORMULA, SmileFrames.withTarget(train),
                    new LASSO.Options(o.lambda(), 1e-4, o.maxIter())));
        }
    }

    static final class ElasticNet extends NamedAlgorithm {
        ElasticNet() {
            super("elastic_net", "Elastic net regression", REGRESSION, ElasticNetOptions.defaults(),
                    (id, v) -> ElasticNetOptions.from(v));
        }

        @Override
        public Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context) {
            ElasticNetOptions o = (ElasticNetOptions) options;
            return linear(smile.regression.ElasticNet.fit(SmileFrames.FORMULA, SmileFrames.withTarget(train),
                    new smile.regression.ElasticNet.Options(o.lambda1(), o.lambda2(), 1e-4, o.maxIter())));
        }
    }

    static final class Logistic extends NamedAlgorithm {
        static final PenaltyOptions DEFAULTS = new PenaltyOptions(0.0, 500);

        Logistic() {
            super("logistic_regression", "Logistic regression", CLASSIFICATION, DEFAULTS,
                    (id, v) -> PenaltyOptions.from(id, v, DEFAULTS, false));
        }

        @Override
        public Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context) {
            PenaltyOptions o = (PenaltyOptions) options;
            double[][] m = StandardizedClassifier.moments(train.x());
            double[][] z = StandardizedClassifier.standardize(train.x(), m[0], m[1]);
            LogisticRegression model = LogisticRegression.fit(z, train.labels(),
                    new LogisticRegression.Options(o.lambda(), 1e-5, o.maxIter()));
            return Fitted.of(new StandardizedClassifier(m[0], m[1], model, train.numClasses()));
        }
    }

    static final class NearestNeighbours extends NamedAlgorithm {
        NearestNeighbours() {
            super("knn", "k-nearest neighbours", CLASSIFICATION, KnnOptions.defaults(), (id, v) -> KnnOptions.from(v));
        }

        @Override
        public Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context)
                throws TrainingException {
            KnnOptions o = (KnnOptions) options;
            if (o.k() > train.rows()) {
                throw new TrainingException("k must be at most the number of training rows (" + train.rows() + "), not " + o.k());
            }
            double[][] m = StandardizedClassifier.moments(train.x());
            double[][] z = StandardizedClassifier.standardize(train.x(), m[0], m[1]);
            return Fitted.of(new StandardizedClassifier(m[0], m[1], knn(z, train.labels(), o.k()), train.numClasses()));
        }

        /**
         * Smile's {@code KNN.fit} searches a KD-tree for few features and, from 10 on, a cover tree
         * whose metric is a lambda: a serialized lambda is no class a model file may hold, so such
         * a model was refused when loaded. The same search structures here, the cover tree's metric
         * the plain {@code EuclideanDistance} class (the same distance).
         */
        static KNN<double[]> knn(double[][] z, int[] labels, int k) {
            smile.neighbor.KNNSearch<double[], double[]> search = z[0].length < 10 ? smile.neighbor.KDTree.of(z)
                    : smile.neighbor.CoverTree.of(z, new smile.math.distance.EuclideanDistance());
            return new KNN<>(search, labels, k);
        }
    }
}
