package dev.osprey.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Model quality, computed here (not by a library) so every algorithm is scored the same way. */
public final class Metrics {
    /** Probabilities are clipped to [EPS, 1 - EPS] for log loss, as scikit-learn does. */
    static final double EPS = 1e-15;

    private Metrics() {
    }

    /** rmse, mae, r2 and mape (over rows whose actual value is not 0; a fraction, not a percent). */
    public static Map<String, Double> regression(double[] actual, double[] predicted) {
        check(actual.length, predicted.length);
        int n = actual.length;
        double mean = Arrays.stream(actual).average().orElse(Double.NaN);
        double sse = 0;
        double sae = 0;
        double sst = 0;
        double sape = 0;
        int nonZero = 0;
        for (int i = 0; i < n; i++) {
            double e = predicted[i] - actual[i];
            sse += e * e;
            sae += Math.abs(e);
            sst += (actual[i] - mean) * (actual[i] - mean);
            if (actual[i] != 0) {
                sape += Math.abs(e / actual[i]);
                nonZero++;
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rmse", Math.sqrt(sse / n));
        m.put("mae", sae / n);
        m.put("r2", sst == 0 ? Double.NaN : 1 - sse / sst);
        m.put("mape", nonZero == 0 ? Double.NaN : sape / nonZero);
        return m;
    }

    /** {@code probabilities[i]} holds the probability of each class for row i; the prediction is the most probable. */
    public static ClassificationReport classification(int[] actual, double[][] probabilities, List<String> labels) {
        check(actual.length, probabilities.length);
        int k = labels.size();
        int n = actual.length;
        int[][] confusion = new int[k][k];
        double logLoss = 0;
        for (int i = 0; i < n; i++) {
            confusion[actual[i]][argmax(probabilities[i])]++;
            double p = Math.min(1 - EPS, Math.max(EPS, probabilities[i][actual[i]]));
            logLoss -= Math.log(p);
        }
        List<ClassificationReport.ClassScore> scores = new ArrayList<>();
        double sumP = 0;
        double sumR = 0;
        double sumF = 0;
        double sumRecallPresent = 0;
        int present = 0;
        int correct = 0;
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            correct += tp;
            int support = 0;
            int predicted = 0;
            for (int j = 0; j < k; j++) {
                support += confusion[c][j];
                predicted += confusion[j][c];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.add(new ClassificationReport.ClassScore(labels.get(c), precision, recall, f1, support));
            sumP += precision;
            sumR += recall;
            sumF += f1;
            if (support > 0) {
                sumRecallPresent += recall;
                present++;
            }
        }
        double auc = k == 2 ? auc(actual, probabilities, 1) : macroAuc(actual, probabilities, k);
        return new ClassificationReport(labels, n == 0 ? Double.NaN : (double) correct / n,
                present == 0 ? Double.NaN : sumRecallPresent / present, sumP / k, sumR / k, sumF / k, scores, auc,
                n == 0 ? Double.NaN : logLoss / n, confusion);
    }

    /** One-vs-rest AUC averaged over the classes that have both positive and negative rows. */
    static double macroAuc(int[] actual, double[][] probabilities, int k) {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < k; c++) {
            double a = auc(actual, probabilities, c);
            if (!Double.isNaN(a)) {
                sum += a;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /**
     * The area under the ROC curve of class {@code positive} against the rest, as the
     * Mann-Whitney statistic with tied scores counted as half: for each positive row, the negative
     * rows scored below it plus half of those scored the same. The two groups' scores are sorted as
     * primitive arrays and swept once (sorting boxed row numbers with a comparator took ~0.1 s for
     * 200k rows); the count is whole and half numbers, so the result is exactly the rank-sum form's.
     */
    static double auc(int[] actual, double[][] probabilities, int positive) {
        int n = actual.length;
        int positives = 0;
        for (int a : actual) {
            if (a == positive) {
                positives++;
            }
        }
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double[] pos = new double[positives];
        double[] neg = new double[negatives];
        int p = 0;
        int q = 0;
        for (int i = 0; i < n; i++) {
            double score = probabilities[i][positive];
            if (actual[i] == positive) {
                pos[p++] = score;
            } else {
                neg[q++] = score;
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double wins = 0;
        int below = 0; // negatives scored below pos[i]
        int i = 0;
        while (i < positives) {
            double score = pos[i];
            while (below < negatives && neg[below] < score) {
                below++;
            }
            int tied = below;
            while (tied < negatives && neg[tied] == score) {
                tied++;
            }
            int same = i;
            while (same < positives && pos[same] == score) {
                same++;
            }
            wins += (same - i) * (below + (tied - below) / 2.0);
            i = same;
        }
        return wins / ((double) positives * negatives);
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The metric that model selection minimises: rmse for regression, log loss for classes. */
    static String primary(ProblemType type) {
        return type == ProblemType.REGRESSION ? "rmse" : "log_loss";
    }

    private static void check(int actual, int predicted) {
        if (actual != predicted) {
            throw new IllegalArgumentException(actual + " actual values but " + predicted + " predictions");
        }
        if (actual == 0) {
            throw new IllegalArgumentException("metrics need at least one row");
        }
    }
}
