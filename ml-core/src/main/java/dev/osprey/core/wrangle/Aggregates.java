package dev.osprey.core.wrangle;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.osprey.core.wrangle.SqlText.asDouble;

/**
 * The fits that are plain aggregates of one numeric column (mean, median, spread, range, quantiles).
 * Several such steps in a row are fitted in one pass over the data: on a large file each pass is a
 * full read, so five fitted steps cost one read instead of five when they follow each other.
 */
final class Aggregates {
    /** Scales a median absolute deviation to a standard deviation for normal data. */
    static final double MAD_TO_STD = 1.4826;

    private Aggregates() {
    }

    /** The column a step's fit aggregates, when its fit is a plain aggregate. */
    static Optional<String> column(Step step) {
        return switch (step) {
            case Step.FillMissing s when s.method() == Step.FillMethod.MEAN || s.method() == Step.FillMethod.MEDIAN ->
                    Optional.of(s.column());
            case Step.Standardize s -> Optional.of(s.column());
            case Step.MinMaxScale s -> Optional.of(s.column());
            case Step.Bin s -> Optional.of(s.column());
            case Step.ClipOutliers s -> Optional.of(s.column());
            default -> Optional.empty();
        };
    }

    /** The column a step writes (its own, or the new one a bin adds). */
    static String writes(Step step) {
        return step instanceof Step.Bin b ? Names.bin(b) : column(step).orElseThrow();
    }

    private static List<String> expressions(Step step) {
        String x = asDouble(column(step).orElseThrow());
        return switch (step) {
            case Step.FillMissing s -> List.of((s.method() == Step.FillMethod.MEAN ? "avg(" : "median(") + x + ")");
            case Step.Standardize s -> List.of("avg(" + x + ")", "stddev_samp(" + x + ")");
            case Step.MinMaxScale s -> List.of("min(" + x + ")", "max(" + x + ")");
            case Step.Bin s when s.method() == Step.BinMethod.EQUAL_WIDTH -> List.of("min(" + x + ")", "max(" + x + ")");
            case Step.Bin s -> {
                StringBuilder qs = new StringBuilder("[");
                for (int i = 1; i < s.bins(); i++) {
                    qs.append(i == 1 ? "" : ", ").append((double) i / s.bins());
                }
                yield List.of("quantile_cont(" + x + ", " + qs + "])");
            }
            case Step.ClipOutliers s -> switch (s.method()) {
                case STD_DEV -> List.of("avg(" + x + ")", "stddev_samp(" + x + ")");
                case MEDIAN_MAD -> List.of("median(" + x + ")", "mad(" + x + ")");
                case QUANTILE -> List.of("quantile_cont(" + x + ", [" + s.lowerQuantile() + ", " + s.upperQuantile() + "])");
            };
            default -> throw new IllegalArgumentException("not an aggregate fit: " + step);
        };
    }

    /** Fits the steps (by index) in one query over {@code rel}. */
    static Map<Integer, StepFit> fit(Statements c, String with, String rel, Map<Integer, Step> steps) throws SQLException {
        List<String> all = new ArrayList<>();
        for (Step s : steps.values()) {
            all.addAll(expressions(s));
        }
        Map<Integer, StepFit> out = new LinkedHashMap<>();
        try (Statement st = c.create(); ResultSet rs = st.executeQuery(with + "SELECT " + String.join(", ", all) + " FROM " + rel)) {
            rs.next();
            int k = 1;
            for (Map.Entry<Integer, Step> e : steps.entrySet()) {
                List<Object> values = new ArrayList<>();
                for (int n = expressions(e.getValue()).size(); n > 0; n--) {
                    values.add(value(rs.getObject(k++)));
                }
                out.put(e.getKey(), build(e.getValue(), values));
            }
        }
        return out;
    }

    private static Object value(Object v) throws SQLException {
        if (v instanceof Array a) {
            List<Double> list = new ArrayList<>();
            for (Object o : (Object[]) a.getArray()) {
                list.add(((Number) o).doubleValue());
            }
            return list;
        }
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static StepFit build(Step step, List<Object> v) {
        return switch (step) {
            case Step.FillMissing s -> new StepFit.Fill(Double.isNaN(d(v, 0)) ? null : d(v, 0), null);
            case Step.Standardize s -> new StepFit.Scale(finiteOr(d(v, 0), 0), positiveOr(d(v, 1)));
            case Step.MinMaxScale s -> new StepFit.Scale(finiteOr(d(v, 0), 0), positiveOr(d(v, 1) - d(v, 0)));
            case Step.Bin s when s.method() == Step.BinMethod.EQUAL_WIDTH -> {
                List<Double> edges = new ArrayList<>();
                if (!Double.isNaN(d(v, 0)) && !Double.isNaN(d(v, 1))) {
                    double width = (d(v, 1) - d(v, 0)) / s.bins();
                    for (int i = 1; i < s.bins(); i++) {
                        edges.add(d(v, 0) + i * width);
                    }
                }
                yield new StepFit.Edges(edges);
            }
            case Step.Bin s -> new StepFit.Edges(v.get(0) instanceof List<?> l ? (List<Double>) l : List.of());
            case Step.ClipOutliers s -> bounds(s, v);
            default -> throw new IllegalArgumentException("not an aggregate fit: " + step);
        };
    }

    @SuppressWarnings("unchecked")
    private static StepFit.Bounds bounds(Step.ClipOutliers s, List<Object> v) {
        double low;
        double high;
        if (s.method() == Step.ClipMethod.QUANTILE) {
            List<Double> q = v.get(0) instanceof List<?> l ? (List<Double>) l : List.of();
            low = q.isEmpty() ? Double.NaN : q.get(0);
            high = q.isEmpty() ? Double.NaN : q.get(1);
        } else {
            double spread = Double.isNaN(d(v, 1)) ? 0 : s.k() * d(v, 1) * (s.method() == Step.ClipMethod.MEDIAN_MAD ? MAD_TO_STD : 1);
            low = d(v, 0) - spread;
            high = d(v, 0) + spread;
        }
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return new StepFit.Bounds(-Double.MAX_VALUE, Double.MAX_VALUE); // no values: nothing to clip
        }
        return new StepFit.Bounds(low, high);
    }

    private static double d(List<Object> v, int i) {
        return (Double) v.get(i);
    }

    private static double finiteOr(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }

    /** A scale of zero (a constant column) or unknown would divide by zero: use 1, leaving the values centred. */
    private static double positiveOr(double v) {
        return Double.isFinite(v) && v > 0 ? v : 1;
    }
}
