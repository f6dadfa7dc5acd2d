package dev.osprey.app.train;

import dev.osprey.core.train.HeldOut;
import dev.osprey.core.train.ProblemType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The plots that need one prediction per row, all from rows the model did not train on (the
 * result's {@link HeldOut} predictions: the holdout rows, or every row's out-of-fold prediction):
 * predicted against actual (regression) and the ROC curve (binary classification).
 *
 * @param rows              the held-out rows the plots are computed from (ml-core keeps at most {@link HeldOut#MAX_ROWS})
 * @param scored            how many rows were held out and scored in all
 * @param outOfFold         k-fold: each row predicted by the model that did not see it
 * @param predictedVsActual regression: x actual, y predicted, at most {@link #MAX_POINTS} of the rows; else empty
 * @param roc               binary classification: x false positive rate, y true positive rate, from (0,0) to (1,1); else empty
 * @param positiveLabel     the class the ROC curve scores (the second label), or null
 * @param auc               the area under {@code roc} (NaN when there is none)
 */
public record Diagnostics(int rows, int scored, boolean outOfFold, List<XY> predictedVsActual, List<XY> roc,
                          String positiveLabel, double auc) {
    /** Enough points for a readable scatter without thousands of chart nodes. */
    static final int MAX_POINTS = 1000;
    /** The ROC curve is thinned to about this many points (its area is computed before). */
    static final int MAX_CURVE_POINTS = 400;

    public record XY(double x, double y) {
    }

    public Diagnostics {
        predictedVsActual = List.copyOf(predictedVsActual);
        roc = List.copyOf(roc);
    }

    static Diagnostics none() {
        return new Diagnostics(0, 0, false, List.of(), List.of(), null, Double.NaN);
    }

    /** x predicted, y actual minus predicted. */
    public List<XY> residuals() {
        return predictedVsActual.stream().map(p -> new XY(p.y(), p.x() - p.y())).toList();
    }

    /** Where the plotted rows come from, in words, e.g. "Held out: all 200 validation rows". */
    public String scope() {
        String kept = rows == scored ? "all " + String.format("%,d", scored) : String.format("a seeded sample of %,d of the %,d", rows, scored);
        String what = outOfFold ? kept + " rows, each predicted by the fold model that did not train on it"
                : kept + " validation rows";
        String shown = predictedVsActual.size() < rows && !predictedVsActual.isEmpty()
                ? String.format("; %,d of them plotted", predictedVsActual.size()) : "";
        return (outOfFold ? "Out-of-fold: " : "Held out: ") + what + shown;
    }

    /** The plots of the result's held-out predictions. */
    static Diagnostics of(HeldOut held) {
        if (held.isEmpty()) {
            return none();
        }
        int n = held.rows();
        if (held.problemType() == ProblemType.REGRESSION) {
            int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
            List<XY> scatter = new ArrayList<>();
            for (int i = 0; i < n; i += stride) {
                scatter.add(new XY(held.actual()[i], held.predictions()[i][0]));
            }
            return new Diagnostics(n, held.scored(), held.outOfFold(), scatter, List.of(), null, Double.NaN);
        }
        if (held.problemType() != ProblemType.BINARY) {
            return new Diagnostics(n, held.scored(), held.outOfFold(), List.of(), List.of(), null, Double.NaN);
        }
        double[] scores = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = held.predictions()[i][1];
            positive[i] = held.actual()[i] == 1;
        }
        List<XY> curve = rocCurve(scores, positive);
        return new Diagnostics(n, held.scored(), held.outOfFold(), List.of(), thin(curve), held.classLabels().get(1), area(curve));
    }

    /** Every k-th point of a long curve, keeping both ends. */
    static List<XY> thin(List<XY> curve) {
        if (curve.size() <= MAX_CURVE_POINTS) {
            return curve;
        }
        int stride = (curve.size() + MAX_CURVE_POINTS - 1) / MAX_CURVE_POINTS;
        List<XY> out = new ArrayList<>();
        for (int i = 0; i < curve.size() - 1; i += stride) {
            out.add(curve.get(i));
        }
        out.add(curve.getLast());
        return out;
    }

    /**
     * The ROC curve: one point per distinct score, thresholds from high to low, so tied scores make
     * one diagonal step. Empty when only one class occurs (the rates are undefined).
     */
    static List<XY> rocCurve(double[] scores, boolean[] positive) {
        Objects.requireNonNull(scores);
        int n = scores.length;
        long p = 0;
        for (boolean b : positive) {
            p += b ? 1 : 0;
        }
        long negatives = n - p;
        if (p == 0 || negatives == 0) {
            return List.of();
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        List<XY> out = new ArrayList<>();
        out.add(new XY(0, 0));
        long tp = 0;
        long fp = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && Double.compare(scores[order[j]], scores[order[i]]) == 0) {
                if (positive[order[j]]) {
                    tp++;
                } else {
                    fp++;
                }
                j++;
            }
            out.add(new XY((double) fp / negatives, (double) tp / p));
            i = j;
        }
        return out;
    }

    /** Trapezoidal area under a curve that runs left to right. */
    static double area(List<XY> curve) {
        if (curve.size() < 2) {
            return Double.NaN;
        }
        double a = 0;
        for (int i = 1; i < curve.size(); i++) {
            XY l = curve.get(i - 1);
            XY r = curve.get(i);
            a += (r.x() - l.x()) * (r.y() + l.y()) / 2;
        }
        return a;
    }

    /** A raw target value as a class label, the way ml-core names classes (whole doubles without ".0"). */
    static String category(Object v) {
        return switch (v) {
            case null -> null;
            case Double d when d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15 -> Long.toString(d.longValue());
            case Float f when f == Math.rint(f) && !f.isInfinite() && Math.abs(f) < 1e15 -> Long.toString(f.longValue());
            default -> v.toString();
        };
    }
}
