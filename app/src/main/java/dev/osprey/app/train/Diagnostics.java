package dev.osprey.app.train;

import dev.osprey.core.data.DataException;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetService;
import dev.osprey.core.data.TablePreview;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.train.ModelSignature;
import dev.osprey.core.train.Prediction;
import dev.osprey.core.train.ProblemType;
import dev.osprey.core.train.TrainedModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The plots that need one prediction per row: predicted against actual (regression) and the ROC
 * curve (binary classification). ml-core's result carries the validation metrics but not the
 * validation rows' predictions, so these are computed here by scoring the first
 * {@link #MAX_ROWS} rows of the dataset with the trained model. Those rows include training rows,
 * so the plots are in-sample; the page says so next to them and the metrics table stays the
 * validation score.
 *
 * @param rows              the rows scored (those with a target value)
 * @param predictedVsActual regression: x actual, y predicted; else empty
 * @param roc               binary classification: x false positive rate, y true positive rate, from (0,0) to (1,1); else empty
 * @param positiveLabel     the class the ROC curve scores (the second label), or null
 * @param auc               the area under {@code roc} (NaN when there is none)
 */
public record Diagnostics(int rows, List<XY> predictedVsActual, List<XY> roc, String positiveLabel, double auc) {
    /** Enough rows for a readable scatter without thousands of chart nodes. */
    static final int MAX_ROWS = 1000;

    public record XY(double x, double y) {
    }

    public Diagnostics {
        predictedVsActual = List.copyOf(predictedVsActual);
        roc = List.copyOf(roc);
    }

    static Diagnostics none() {
        return new Diagnostics(0, List.of(), List.of(), null, Double.NaN);
    }

    /** x predicted, y actual minus predicted. */
    public List<XY> residuals() {
        return predictedVsActual.stream().map(p -> new XY(p.y(), p.x() - p.y())).toList();
    }

    /** Scores the dataset's first rows with {@code model}; reads them through {@code datasets}. */
    static Diagnostics compute(DatasetService datasets, Dataset dataset, TrainedModel model, JobContext job)
            throws DataException {
        ModelSignature sig = model.signature();
        if (sig.problemType() == ProblemType.MULTICLASS) {
            return none();
        }
        job.progress(-1, "Scoring rows for the plots");
        TablePreview table = datasets.preview(dataset.id(), MAX_ROWS);
        int targetAt = -1;
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.columns().get(c).name().equals(sig.output())) {
                targetAt = c;
            }
        }
        if (targetAt < 0) {
            return none();
        }
        List<XY> scatter = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<Boolean> positives = new ArrayList<>();
        String positive = sig.problemType() == ProblemType.BINARY ? sig.classLabels().get(1) : null;
        for (List<Object> row : table.rows()) {
            job.checkCancelled();
            Object actual = row.get(targetAt);
            if (actual == null || actual instanceof String s && s.isBlank()) {
                continue;
            }
            Map<String, Object> byName = new HashMap<>();
            for (int c = 0; c < row.size(); c++) {
                byName.put(table.columns().get(c).name(), row.get(c));
            }
            Prediction p = model.predict(byName);
            if (positive == null) {
                if (actual instanceof Number n && Double.isFinite(n.doubleValue())) {
                    scatter.add(new XY(n.doubleValue(), p.value()));
                }
            } else {
                scores.add(p.probabilities().getOrDefault(positive, Double.NaN));
                positives.add(positive.equals(category(actual)));
            }
        }
        if (positive == null) {
            return new Diagnostics(scatter.size(), scatter, List.of(), null, Double.NaN);
        }
        double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] pos = new boolean[positives.size()];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = positives.get(i);
        }
        List<XY> curve = rocCurve(s, pos);
        return new Diagnostics(pos.length, List.of(), curve, positive, area(curve));
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
