package dev.osprey.core.train;

import java.util.Random;

/**
 * Model-agnostic importance: for each input column, shuffle its encoded features together
 * across the scoring rows and measure how much the loss (RMSE, or log loss) grows.
 */
final class PermutationImportance {
    /** Enough rows for a stable estimate while keeping the cost at a few thousand predictions per column. */
    static final int MAX_ROWS = 1000;

    private PermutationImportance() {
    }

    static double[] perColumn(Predictor model, TrainingSet rows, FeatureEncoder encoder, long seed, FitContext context) {
        TrainingSet sample = rows.rows() <= MAX_ROWS ? rows
                : rows.subset(java.util.Arrays.copyOf(Splits.permutation(rows.rows(), new Random(seed)), MAX_ROWS));
        double base = loss(model, sample.x(), sample);
        int[] offsets = encoder.offsets();
        double[] out = new double[encoder.columns().size()];
        Random r = new Random(seed);
        for (int c = 0; c < out.length; c++) {
            context.checkCancelled();
            int[] perm = Splits.permutation(sample.rows(), r);
            double[][] shuffled = new double[sample.rows()][];
            for (int i = 0; i < shuffled.length; i++) {
                double[] row = sample.x()[i].clone();
                for (int j = offsets[c]; j < offsets[c + 1]; j++) {
                    row[j] = sample.x()[perm[i]][j];
                }
                shuffled[i] = row;
            }
            out[c] = loss(model, shuffled, sample) - base;
        }
        return out;
    }

    private static double loss(Predictor model, double[][] x, TrainingSet truth) {
        double[][] p = model.predict(x);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            if (truth.problemType() == ProblemType.REGRESSION) {
                double e = p[i][0] - truth.y()[i];
                sum += e * e;
            } else {
                sum -= Math.log(Math.min(1 - Metrics.EPS, Math.max(Metrics.EPS, p[i][(int) truth.y()[i]])));
            }
        }
        double mean = sum / x.length;
        return truth.problemType() == ProblemType.REGRESSION ? Math.sqrt(mean) : mean;
    }
}
