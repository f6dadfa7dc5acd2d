package dev.osprey.core.train;

import smile.classification.LDA;
import smile.classification.NaiveBayes;
import smile.stat.distribution.BernoulliDistribution;
import smile.stat.distribution.Distribution;
import smile.stat.distribution.GaussianDistribution;
import smile.util.IntSet;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.util.Arrays;
import java.util.Optional;

/**
 * Generative classifiers from Smile: linear discriminant analysis and naive Bayes. Neither has
 * native importance (permutation importance is used).
 */
final class DiscriminantAlgorithms {
    private DiscriminantAlgorithms() {
    }

    /** LDA on standardised, linearly independent features (one-hot columns make the covariance singular otherwise). */
    static final class Lda extends NamedAlgorithm {
        Lda() {
            super("lda", "Linear discriminant analysis", CLASSIFICATION, new NoOptions(), NoOptions::from);
        }

        @Override
        public Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context)
                throws TrainingException {
            Scaling scaling = Scaling.independent(train.x());
            int[] y = train.labels();
            if (Arrays.stream(y).distinct().count() < 2) {
                throw new TrainingException("The training rows hold only one class; LDA needs at least two.");
            }
            LDA model = LDA.fit(scaling.apply(train.x()), y);
            return Fitted.of(ScaledPredictor.classifier(scaling, model, train.numClasses()));
        }
    }

    /**
     * Naive Bayes on the encoded features: a feature that is only ever 0 or 1 in the training rows
     * (one-hot categories, booleans) is Bernoulli with Laplace smoothing; any other is Gaussian.
     */
    static final class Bayes extends NamedAlgorithm {
        Bayes() {
            super("naive_bayes", "Naive Bayes", CLASSIFICATION, NaiveBayesOptions.defaults(), (id, v) -> NaiveBayesOptions.from(v));
        }

        @Override
        public Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context) {
            NaiveBayesOptions o = (NaiveBayesOptions) options;
            double[][] x = train.x();
            int[] y = train.labels();
            int p = train.features();
            int[] seen = Arrays.stream(y).distinct().sorted().toArray();
            boolean[] binary = new boolean[p];
            double maxVar = 0;
            for (int j = 0; j < p; j++) {
                binary[j] = true;
                double[] col = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    col[i] = x[i][j];
                    binary[j] &= col[i] == 0 || col[i] == 1;
                }
                maxVar = Math.max(maxVar, variance(col, null, 0));
            }
            double epsilon = Math.max(o.varSmoothing() * maxVar, 1e-12);
            double[] priori = new double[seen.length];
            Distribution[][] dist = new Distribution[seen.length][p];
            for (int c = 0; c < seen.length; c++) {
                int cls = seen[c];
                int n = (int) Arrays.stream(y).filter(v -> v == cls).count();
                priori[c] = (double) n / y.length;
                for (int j = 0; j < p; j++) {
                    double sum = 0;
                    for (int i = 0; i < x.length; i++) {
                        if (y[i] == cls) {
                            sum += x[i][j];
                        }
                    }
                    if (binary[j]) {
                        dist[c][j] = new BernoulliDistribution((sum + o.alpha()) / (n + 2 * o.alpha()));
                    } else {
                        double mean = sum / n;
                        double var = variance(column(x, j), y, cls) + epsilon;
                        dist[c][j] = new GaussianDistribution(mean, Math.sqrt(var));
                    }
                }
            }
            NaiveBayes model = new NaiveBayes(priori, dist, new IntSet(seen));
            return Fitted.of(new NaiveBayesPredictor(model, binary, train.numClasses()));
        }

        private static double[] column(double[][] x, int j) {
            double[] col = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                col[i] = x[i][j];
            }
            return col;
        }

        /** The population variance of {@code col}, over the rows of class {@code cls} when {@code y} is given. */
        private static double variance(double[] col, int[] y, int cls) {
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (int i = 0; i < col.length; i++) {
                if (y == null || y[i] == cls) {
                    sum += col[i];
                    sq += col[i] * col[i];
                    n++;
                }
            }
            double mean = sum / n;
            return Math.max(0, sq / n - mean * mean);
        }
    }

    /**
     * Smile's naive Bayes with the 0/1 features rounded first: a Bernoulli feature accepts only
     * 0 or 1, and a missing value imputed with a median of 0.5 would otherwise be refused.
     */
    static final class NaiveBayesPredictor implements Predictor {
        @Serial
        private static final long serialVersionUID = 1L;

        private final NaiveBayes model;
        private final boolean[] binary;
        private final int numClasses;

        NaiveBayesPredictor(NaiveBayes model, boolean[] binary, int numClasses) {
            this.model = model;
            this.binary = binary.clone();
            this.numClasses = numClasses;
        }

        @Override
        public double[] predict(double[] x) {
            double[] v = x.clone();
            for (int j = 0; j < v.length; j++) {
                if (binary[j]) {
                    v[j] = v[j] >= 0.5 ? 1 : 0;
                }
            }
            int[] seen = model.classes();
            double[] post = new double[seen.length];
            model.predict(v, post);
            return SmileFrames.spread(post, seen, numClasses);
        }

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            if (model == null || binary == null || numClasses < 2) {
                throw new InvalidObjectException("a naive Bayes model without its distributions");
            }
        }
    }
}
