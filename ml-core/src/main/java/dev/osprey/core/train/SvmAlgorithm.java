package dev.osprey.core.train;

import smile.classification.Classifier;
import smile.classification.OneVersusRest;
import smile.classification.PlattScaling;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;

import java.io.Serial;
import java.util.Optional;

/**
 * Smile's support vector machine (LASVM solver) on standardised features. Two classes: one
 * machine, its margin turned into a probability by Platt scaling. More classes: one machine per
 * class against the rest (Smile's OneVersusRest, which Platt-scales each). SVM does not do
 * regression here. The solver cannot be interrupted: a cancel is noticed once a machine is fitted.
 */
final class SvmAlgorithm extends NamedAlgorithm {
    SvmAlgorithm() {
        super("svm", "Support vector machine", CLASSIFICATION, SvmOptions.defaults(), (id, v) -> SvmOptions.from(v));
    }

    @Override
    public Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context)
            throws TrainingException {
        SvmOptions o = (SvmOptions) options;
        Scaling scaling = Scaling.standardize(train.x());
        double[][] z = scaling.apply(train.x());
        int[] y = train.labels();
        long distinct = java.util.Arrays.stream(y).distinct().count();
        if (distinct < 2) {
            throw new TrainingException("The training rows hold only one class; an SVM needs at least two.");
        }
        Classifier<double[]> model;
        if (train.numClasses() == 2) {
            int[] signs = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                signs[i] = y[i] == 1 ? 1 : -1;
            }
            model = PlattSvm.fit(z, signs, o);
        } else {
            model = OneVersusRest.fit(z, y, (zi, yi) -> machine(zi, yi, o));
        }
        context.checkCancelled();
        return Fitted.of(ScaledPredictor.classifier(scaling, model, train.numClasses()));
    }

    /** One binary machine on labels -1/+1. */
    static Classifier<double[]> machine(double[][] z, int[] signs, SvmOptions o) {
        SVM.Options options = new SVM.Options(o.c(), 1e-3, o.epochs());
        if (o.kernel().equals("linear")) {
            return SVM.fit(z, signs, options);
        }
        double sigma = o.sigma() > 0 ? o.sigma() : Math.sqrt(z[0].length / 2.0);
        return SVM.fit(z, signs, new GaussianKernel(sigma), options);
    }

    /** A binary SVM whose margin Platt scaling turns into the probability of class 1. */
    static final class PlattSvm implements Classifier<double[]> {
        @Serial
        private static final long serialVersionUID = 1L;
        private static final int[] CLASSES = {0, 1};

        private final Classifier<double[]> machine;
        private final PlattScaling platt;

        private PlattSvm(Classifier<double[]> machine, PlattScaling platt) {
            this.machine = machine;
            this.platt = platt;
        }

        static PlattSvm fit(double[][] z, int[] signs, SvmOptions o) {
            Classifier<double[]> machine = machine(z, signs, o);
            double[] scores = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                scores[i] = machine.score(z[i]);
            }
            return new PlattSvm(machine, PlattScaling.fit(scores, signs));
        }

        @Override
        public int numClasses() {
            return 2;
        }

        @Override
        public int[] classes() {
            return CLASSES.clone();
        }

        @Override
        public int predict(double[] x) {
            return predict(x, new double[2]);
        }

        @Override
        public boolean isSoft() {
            return true;
        }

        @Override
        public int predict(double[] x, double[] posteriori) {
            double p = platt.scale(machine.score(x));
            posteriori[0] = 1 - p;
            posteriori[1] = p;
            return p > 0.5 ? 1 : 0;
        }
    }
}
