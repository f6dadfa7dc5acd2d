package dev.osprey.core.train;

import smile.classification.KNN;
import smile.classification.LogisticRegression;
import smile.data.DataFrame;
import smile.regression.LASSO;
import smile.regression.LinearModel;
import smile.regression.OLS;
import smile.regression.RidgeRegression;

import java.util.Map;
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

    private abstract static class Regression implements Algorithm {
        @Override
        public boolean supports(ProblemType type) {
            return type == ProblemType.REGRESSION;
        }

        static Fitted linear(LinearModel model) {
            smile.tensor.Vector w = model.coefficients();
            double[] weights = new double[w.size()];
            for (int j = 0; j < weights.length; j++) {
                weights[j] = w.get(j);
            }
            return Fitted.of(new LinearPredictor(weights, model.intercept()));
        }
    }

    static final class LeastSquares extends Regression {
        @Override
        public String id() {
            return "linear_regression";
        }

        @Override
        public String displayName() {
            return "Linear regression (least squares)";
        }

        @Override
        public AlgorithmOptions defaults() {
            return new NoOptions();
        }

        @Override
        public AlgorithmOptions options(Map<String, String> values) throws TrainingException {
            return NoOptions.from(id(), values);
        }

        @Override
        public Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context) {
            // SVD copes with collinear columns, which one-hot encoding with an intercept always creates.
            DataFrame df = SmileFrames.withTarget(train);
            return linear(OLS.fit(SmileFrames.FORMULA, df, new OLS.Options(OLS.Method.SVD, false, false)));
        }
    }

    static final class Ridge extends Regression {
        static final PenaltyOptions DEFAULTS = new PenaltyOptions(1.0, 1000);

        @Override
        public String id() {
            return "ridge";
        }

        @Override
        public String displayName() {
            return "Ridge regression";
        }

        @Override
        public AlgorithmOptions defaults() {
            return DEFAULTS;
        }

        @Override
        public AlgorithmOptions options(Map<String, String> values) throws TrainingException {
            return PenaltyOptions.from(id(), values, DEFAULTS, false);
        }

        @Override
        public Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context) {
            PenaltyOptions o = (PenaltyOptions) options;
            return linear(RidgeRegression.fit(SmileFrames.FORMULA, SmileFrames.withTarget(train), o.lambda()));
        }
    }

    static final class Lasso extends Regression {
        static final PenaltyOptions DEFAULTS = new PenaltyOptions(0.1, 1000);

        @Override
        public String id() {
            return "lasso";
        }

        @Override
        public String displayName() {
            return "Lasso regression";
        }

        @Override
        public AlgorithmOptions defaults() {
            return DEFAULTS;
        }

        @Override
        public AlgorithmOptions options(Map<String, String> values) throws TrainingException {
            return PenaltyOptions.from(id(), values, DEFAULTS, true);
        }

        @Override
        public Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context) {
            PenaltyOptions o = (PenaltyOptions) options;
            return linear(LASSO.fit(SmileFrames.FORMULA, SmileFrames.withTarget(train),
                    new LASSO.Options(o.lambda(), 1e-4, o.maxIter())));
        }
    }

    static final class ElasticNet extends Regression {
        @Override
        public String id() {
            return "elastic_net";
        }

        @Override
        public String displayName() {
            return "Elastic net regression";
        }

        @Override
        public AlgorithmOptions defaults() {
            return ElasticNetOptions.defaults();
        }

        @Override
        public AlgorithmOptions options(Map<String, String> values) throws TrainingException {
            return ElasticNetOptions.from(values);
        }

        @Override
        public Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context) {
            ElasticNetOptions o = (ElasticNetOptions) options;
            return linear(smile.regression.ElasticNet.fit(SmileFrames.FORMULA, SmileFrames.withTarget(train),
                    new smile.regression.ElasticNet.Options(o.lambda1(), o.lambda2(), 1e-4, o.maxIter())));
        }
    }

    private abstract static class Classification implements Algorithm {
        @Override
        public boolean supports(ProblemType type) {
            return type.isClassification();
        }
    }

    static final class Logistic extends Classification {
        static final PenaltyOptions DEFAULTS = new PenaltyOptions(0.0, 500);

        @Override
        public String id() {
            return "logistic_regression";
        }

        @Override
        public String displayName() {
            return "Logistic regression";
        }

        @Override
        public AlgorithmOptions defaults() {
            return DEFAULTS;
        }

        @Override
        public AlgorithmOptions options(Map<String, String> values) throws TrainingException {
            return PenaltyOptions.from(id(), values, DEFAULTS, false);
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

    static final class NearestNeighbours extends Classification {
        @Override
        public String id() {
            return "knn";
        }

        @Override
        public String displayName() {
            return "k-nearest neighbours";
        }

        @Override
        public AlgorithmOptions defaults() {
            return new KnnOptions(5);
        }

        @Override
        public AlgorithmOptions options(Map<String, String> values) throws TrainingException {
            return KnnOptions.from(values);
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
