package dev.osprey.core.label;

import java.util.ArrayList;
import java.util.List;

/**
 * Dawid and Skene's (1979) expectation-maximisation model of annotator reliability: each
 * annotator has a confusion matrix (how often they say class j when the truth is i), and each
 * item a posterior over its true class. Starting from majority vote, it alternates estimating
 * the posteriors from the confusion matrices and the matrices from the posteriors, so a careful
 * annotator outvotes two careless ones. A small pseudo-count keeps every matrix invertible when
 * an annotator has labelled few items.
 */
public final class DawidSkene {
    private static final double PSEUDO_COUNT = 0.01;

    private final int maxIterations;
    private final double tolerance;

    public DawidSkene(int maxIterations, double tolerance) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1");
        }
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    public DawidSkene() {
        this(100, 1e-6);
    }

    /** The consolidated labels and the annotators' estimated reliability. */
    public record Result(List<ConsolidatedClass> labels, double[][][] confusion, double[] annotatorAccuracy,
                         double[] classPriors, int iterations) {
    }

    /** One item's consolidated class with its posterior; items nobody labelled get none. */
    public record ConsolidatedClass(int item, int label, double confidence, double[] posterior) {
    }

    public Result fit(int items, int annotators, int classes, List<ClassVote> votes) {
        if (classes < 2) {
            throw new IllegalArgumentException("consolidation needs at least two classes");
        }
        for (ClassVote v : votes) {
            if (v.item() >= items || v.annotator() >= annotators || v.label() >= classes) {
                throw new IllegalArgumentException("vote " + v + " is outside " + items + " items, "
                        + annotators + " annotators, " + classes + " classes");
            }
        }
        double[][] posterior = majority(items, classes, votes);
        double[][][] confusion = new double[annotators][classes][classes];
        double[] priors = new double[classes];
        int iteration = 0;
        double change = Double.MAX_VALUE;
        while (iteration < maxIterations && change > tolerance) {
            iteration++;
            mStep(posterior, votes, confusion, priors);
            double[][] next = eStep(items, classes, votes, confusion, priors, posterior);
            change = maxDifference(posterior, next);
            posterior = next;
        }
        List<ConsolidatedClass> labels = new ArrayList<>();
        boolean[] labelled = new boolean[items];
        votes.forEach(v -> labelled[v.item()] = true);
        for (int i = 0; i < items; i++) {
            if (!labelled[i]) {
                continue;
            }
            int best = argmax(posterior[i]);
            labels.add(new ConsolidatedClass(i, best, posterior[i][best], posterior[i].clone()));
        }
        return new Result(List.copyOf(labels), confusion, accuracy(confusion, priors), priors, iteration);
    }

    private static double[][] majority(int items, int classes, List<ClassVote> votes) {
        double[][] p = new double[items][classes];
        for (ClassVote v : votes) {
            p[v.item()][v.label()] += 1;
        }
        for (double[] row : p) {
            normalise(row);
        }
        return p;
    }

    private static void mStep(double[][] posterior, List<ClassVote> votes, double[][][] confusion, double[] priors) {
        int classes = priors.length;
        for (double[][] m : confusion) {
            for (double[] row : m) {
                java.util.Arrays.fill(row, PSEUDO_COUNT);
            }
        }
        java.util.Arrays.fill(priors, PSEUDO_COUNT);
        boolean[] seen = new boolean[posterior.length];
        for (ClassVote v : votes) {
            for (int t = 0; t < classes; t++) {
                confusion[v.annotator()][t][v.label()] += posterior[v.item()][t];
            }
            if (!seen[v.item()]) {
                seen[v.item()] = true;
                for (int t = 0; t < classes; t++) {
                    priors[t] += posterior[v.item()][t];
                }
            }
        }
        for (double[][] m : confusion) {
            for (double[] row : m) {
                normalise(row);
            }
        }
        normalise(priors);
    }

    private static double[][] eStep(int items, int classes, List<ClassVote> votes, double[][][] confusion,
                                    double[] priors, double[][] previous) {
        double[][] logp = new double[items][classes];
        for (int i = 0; i < items; i++) {
            for (int t = 0; t < classes; t++) {
                logp[i][t] = Math.log(priors[t]);
            }
        }
        boolean[] labelled = new boolean[items];
        for (ClassVote v : votes) {
            labelled[v.item()] = true;
            for (int t = 0; t < classes; t++) {
                logp[v.item()][t] += Math.log(confusion[v.annotator()][t][v.label()]);
            }
        }
        double[][] p = new double[items][classes];
        for (int i = 0; i < items; i++) {
            if (!labelled[i]) {
                p[i] = previous[i].clone();
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double x : logp[i]) {
                max = Math.max(max, x);
            }
            for (int t = 0; t < classes; t++) {
                p[i][t] = Math.exp(logp[i][t] - max);
            }
            normalise(p[i]);
        }
        return p;
    }

    /** An annotator's probability of giving the true class, weighted by how common each class is. */
    private static double[] accuracy(double[][][] confusion, double[] priors) {
        double[] acc = new double[confusion.length];
        for (int a = 0; a < confusion.length; a++) {
            for (int t = 0; t < priors.length; t++) {
                acc[a] += priors[t] * confusion[a][t][t];
            }
        }
        return acc;
    }

    private static double maxDifference(double[][] a, double[][] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            for (int t = 0; t < a[i].length; t++) {
                d = Math.max(d, Math.abs(a[i][t] - b[i][t]));
            }
        }
        return d;
    }

    private static void normalise(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        if (s > 0) {
            for (int i = 0; i < xs.length; i++) {
                xs[i] /= s;
            }
        }
    }

    private static int argmax(double[] xs) {
        int best = 0;
        for (int i = 1; i < xs.length; i++) {
            if (xs[i] > xs[best]) {
                best = i;
            }
        }
        return best;
    }
}
