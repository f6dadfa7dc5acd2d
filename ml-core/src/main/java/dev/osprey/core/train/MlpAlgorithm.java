package dev.osprey.core.train;

import smile.math.MathEx;
import smile.math.Scaler;
import smile.model.mlp.Layer;
import smile.model.mlp.LayerBuilder;
import smile.model.mlp.MultilayerPerceptron;
import smile.model.mlp.OutputFunction;
import smile.util.function.TimeFunction;

import java.util.Optional;
import java.util.Random;

/**
 * Smile's multilayer perceptron on standardised features (the regression target is standardised
 * too). Osprey runs the epochs itself, so it can report the train and validation metric after
 * each epoch (RMSE, or log loss for classes) and stop between mini-batches when cancelled.
 */
final class MlpAlgorithm extends NamedAlgorithm {
    /** Cancellation is polled every this many mini-batches inside an epoch. */
    private static final int CANCEL_POLL = 64;

    MlpAlgorithm() {
        super("mlp", "Neural network (multilayer perceptron)", SUPERVISED, MlpOptions.defaults(),
                (id, v) -> MlpOptions.from(v));
    }

    @Override
    public Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context) {
        MlpOptions o = (MlpOptions) options;
        MathEx.setSeed(context.seed());
        Scaling scaling = Scaling.standardize(train.x());
        double[][] z = scaling.apply(train.x());
        Optional<double[][]> zValid = valid.map(v -> scaling.apply(v.x()));
        boolean regression = train.problemType() == ProblemType.REGRESSION;
        LayerBuilder[] layers = layers(o, train);
        smile.regression.MLP reg = null;
        smile.classification.MLP cls = null;
        MultilayerPerceptron net;
        if (regression) {
            reg = new smile.regression.MLP(Scaler.standardizer(train.y()), layers);
            net = reg;
        } else {
            cls = new smile.classification.MLP(layers);
            net = cls;
        }
        net.setLearningRate(TimeFunction.constant(o.learningRate()));
        if (o.momentum() > 0) {
            net.setMomentum(TimeFunction.constant(o.momentum()));
        }
        if (o.weightDecay() > 0) {
            net.setWeightDecay(o.weightDecay());
        }
        int[] labels = train.labels();
        int n = z.length;
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        Random random = new Random(context.seed());
        for (int epoch = 1; epoch <= o.epochs(); epoch++) {
            context.checkCancelled();
            shuffle(order, random);
            for (int start = 0, batch = 0; start < n; start += o.batchSize(), batch++) {
                if (batch % CANCEL_POLL == CANCEL_POLL - 1) {
                    context.checkCancelled();
                }
                int m = Math.min(o.batchSize(), n - start);
                double[][] bx = new double[m][];
                for (int i = 0; i < m; i++) {
                    bx[i] = z[order[start + i]];
                }
                if (regression) {
                    double[] by = new double[m];
                    for (int i = 0; i < m; i++) {
                        by[i] = train.y()[order[start + i]];
                    }
                    reg.update(bx, by);
                } else {
                    int[] by = new int[m];
                    for (int i = 0; i < m; i++) {
                        by[i] = labels[order[start + i]];
                    }
                    cls.update(bx, by);
                }
            }
            ScaledPredictor now = regression ? ScaledPredictor.regression(scaling, reg)
                    : ScaledPredictor.classifier(scaling, cls, train.numClasses());
            double validValue = valid.isPresent() ? metric(now, valid.get()) : Double.NaN;
            context.iteration(epoch, regression ? "rmse" : "logloss", metric(now, train), validValue);
        }
        context.checkCancelled();
        return Fitted.of(regression ? ScaledPredictor.regression(scaling, reg)
                : ScaledPredictor.classifier(scaling, cls, train.numClasses()));
    }

    private static LayerBuilder[] layers(MlpOptions o, TrainingSet train) {
        LayerBuilder[] layers = new LayerBuilder[o.hiddenLayers() + 2];
        layers[0] = Layer.input(train.features());
        for (int l = 1; l <= o.hiddenLayers(); l++) {
            layers[l] = Layer.rectifier(o.hiddenUnits());
        }
        layers[layers.length - 1] = switch (train.problemType()) {
            case REGRESSION -> Layer.mse(1, OutputFunction.LINEAR);
            case BINARY -> Layer.mle(1, OutputFunction.SIGMOID);
            case MULTICLASS -> Layer.mle(train.numClasses(), OutputFunction.SOFTMAX);
            case CLUSTERING -> throw new IllegalArgumentException("an MLP does not cluster");
        };
        return layers;
    }

    /** RMSE, or the mean log loss for classes, of {@code model} on {@code rows}. */
    private static double metric(Predictor model, TrainingSet rows) {
        double sum = 0;
        for (int i = 0; i < rows.rows(); i++) {
            double[] p = model.predict(rows.x()[i]);
            if (rows.problemType() == ProblemType.REGRESSION) {
                double d = p[0] - rows.y()[i];
                sum += d * d;
            } else {
                sum -= Math.log(Math.min(1 - 1e-15, Math.max(1e-15, p[(int) rows.y()[i]])));
            }
        }
        double mean = sum / Math.max(1, rows.rows());
        return rows.problemType() == ProblemType.REGRESSION ? Math.sqrt(mean) : mean;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
