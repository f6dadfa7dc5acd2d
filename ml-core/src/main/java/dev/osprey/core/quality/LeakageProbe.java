package dev.osprey.core.quality;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnType;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.train.Metrics;
import dev.osprey.core.train.ProblemType;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleConsumer;

import static dev.osprey.core.quality.DuckSession.TABLE;
import static dev.osprey.core.quality.DuckSession.ident;

/**
 * Each column's predictive power alone: on a seeded sample of rows with a target, a one-feature
 * model is cross-validated (5 folds) and scored on the rows it did not see. The model bins the
 * column (20 quantile bins of a number, the 50 most frequent values of anything else, one bin for
 * missing) and predicts the target's mean or class shares per bin: a depth-one tree with many
 * leaves, enough to see a column that gives the answer away, and cheap for hundreds of columns.
 */
final class LeakageProbe {
    static final int FOLDS = 5;
    static final int NUMERIC_BINS = 20;
    static final int MAX_CATEGORIES = 50;
    /** Scores at or above these are near perfect for one column alone: likely leakage. */
    static final double R2_FLAG = 0.95;
    static final double AUC_FLAG = 0.98;

    private LeakageProbe() {
    }

    /** The sampled columns: numbers (NaN missing) or text (null missing). */
    private record Sample(List<double[]> numbers, List<String[]> texts, Object target, int rows) {
    }

    static List<LeakageScore> probe(DuckSession s, List<Column> features, Column target, ProblemType type, List<String> classes,
                                    int sampleRows, long seed, JobContext context, DoubleConsumer progress) throws SQLException {
        if (features.isEmpty()) {
            return List.of();
        }
        Sample sample = sample(s, features, target, type, classes, sampleRows, seed);
        if (sample.rows < FOLDS * 2) {
            return List.of();
        }
        int[] fold = folds(sample.rows, seed);
        List<LeakageScore> scores = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            context.checkCancelled();
            Column c = features.get(i);
            scores.add(score(c.name(), sample, i, fold, type, classes));
            progress.accept((i + 1.0) / features.size());
        }
        scores.sort((a, b) -> Double.compare(b.score(), a.score()));
        return scores;
    }

    private static Sample sample(DuckSession s, List<Column> features, Column target, ProblemType type, List<String> classes,
                                 int sampleRows, long seed) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (Column c : features) {
            sql.append(expression(c)).append(", ");
        }
        String t = ident(target.name());
        sql.append(type == ProblemType.REGRESSION ? t + "::DOUBLE" : t + "::VARCHAR");
        // A hash of the row number and the seed orders rows the same way on every run: a seeded sample.
        sql.append(" FROM ").append(TABLE).append(" WHERE ").append(t).append(" IS NOT NULL ORDER BY hash(rowid + ")
                .append(seed).append("), rowid LIMIT ").append(sampleRows);
        Map<String, Integer> classIndex = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            classIndex.put(classes.get(k), k);
        }
        return s.query(sql.toString(), rs -> {
            int n = features.size();
            List<double[]> nums = new ArrayList<>();
            List<String[]> texts = new ArrayList<>();
            List<Object[]> rowsRead = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[n + 1];
                for (int i = 0; i < n; i++) {
                    if (isNumber(features.get(i).type())) {
                        double v = rs.getDouble(i + 1);
                        row[i] = rs.wasNull() ? Double.NaN : v;
                    } else {
                        row[i] = rs.getString(i + 1);
                    }
                }
                row[n] = type == ProblemType.REGRESSION ? (Object) rs.getDouble(n + 1) : rs.getString(n + 1);
                rowsRead.add(row);
            }
            int m = rowsRead.size();
            for (int i = 0; i < n; i++) {
                if (isNumber(features.get(i).type())) {
                    double[] col = new double[m];
                    for (int r = 0; r < m; r++) {
                        col[r] = (Double) rowsRead.get(r)[i];
                    }
                    nums.add(col);
                    texts.add(null);
                } else {
                    String[] col = new String[m];
                    for (int r = 0; r < m; r++) {
                        col[r] = (String) rowsRead.get(r)[i];
                    }
                    nums.add(null);
                    texts.add(col);
                }
            }
            Object y;
            if (type == ProblemType.REGRESSION) {
                double[] yy = new double[m];
                for (int r = 0; r < m; r++) {
                    yy[r] = (Double) rowsRead.get(r)[n];
                }
                y = yy;
            } else {
                int[] yy = new int[m];
                for (int r = 0; r < m; r++) {
                    yy[r] = classIndex.getOrDefault((String) rowsRead.get(r)[n], 0);
                }
                y = yy;
            }
            return new Sample(nums, texts, y, m);
        });
    }

    private static boolean isNumber(ColumnType t) {
        return t.isNumeric() || t == ColumnType.DATE || t == ColumnType.TIMESTAMP;
    }

    private static String expression(Column c) {
        String id = ident(c.name());
        return switch (c.type()) {
            case INTEGER, DECIMAL -> id + "::DOUBLE";
            case DATE, TIMESTAMP -> "epoch(" + id + ")::DOUBLE";
            default -> id + "::VARCHAR";
        };
    }

    private static int[] folds(int rows, long seed) {
        int[] fold = new int[rows];
        for (int i = 0; i < rows; i++) {
            fold[i] = i % FOLDS;
        }
        Random r = new Random(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = fold[i];
            fold[i] = fold[j];
            fold[j] = tmp;
        }
        return fold;
    }

    private static LeakageScore score(String name, Sample sample, int column, int[] fold, ProblemType type, List<String> classes) {
        int n = sample.rows;
        double[] numbers = sample.numbers.get(column);
        String[] texts = sample.texts.get(column);
        if (type == ProblemType.REGRESSION) {
            double[] y = (double[]) sample.target;
            double[] predicted = new double[n];
            for (int f = 0; f < FOLDS; f++) {
                int[] bins = bins(numbers, texts, fold, f);
                int nb = Arrays.stream(bins).max().orElse(0) + 1;
                double[] sum = new double[nb];
                long[] cnt = new long[nb];
                double total = 0;
                long all = 0;
                for (int r = 0; r < n; r++) {
                    if (fold[r] != f) {
                        sum[bins[r]] += y[r];
                        cnt[bins[r]]++;
                        total += y[r];
                        all++;
                    }
                }
                double mean = all == 0 ? 0 : total / all;
                for (int r = 0; r < n; r++) {
                    if (fold[r] == f) {
                        predicted[r] = cnt[bins[r]] == 0 ? mean : sum[bins[r]] / cnt[bins[r]];
                    }
                }
            }
            double r2 = Metrics.regression(y, predicted).get("r2");
            return new LeakageScore(name, "r2", r2, r2 >= R2_FLAG);
        }
        int[] y = (int[]) sample.target;
        int k = classes.size();
        double[][] probabilities = new double[n][];
        for (int f = 0; f < FOLDS; f++) {
            int[] bins = bins(numbers, texts, fold, f);
            int nb = Arrays.stream(bins).max().orElse(0) + 1;
            double[][] counts = new double[nb][k];
            double[] prior = new double[k];
            for (int r = 0; r < n; r++) {
                if (fold[r] != f) {
                    counts[bins[r]][y[r]]++;
                    prior[y[r]]++;
                }
            }
            for (int r = 0; r < n; r++) {
                if (fold[r] == f) {
                    probabilities[r] = shares(counts[bins[r]], prior);
                }
            }
        }
        double auc = Metrics.classification(y, probabilities, classes).rocAuc();
        return new LeakageScore(name, "roc_auc", auc, auc >= AUC_FLAG);
    }

    /** Class shares of a bin, smoothed towards the prior so a small bin does not claim certainty. */
    private static double[] shares(double[] counts, double[] prior) {
        double total = 0;
        double priorTotal = 0;
        for (int c = 0; c < counts.length; c++) {
            total += counts[c];
            priorTotal += prior[c];
        }
        double[] p = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            double base = priorTotal == 0 ? 1.0 / counts.length : prior[c] / priorTotal;
            p[c] = (counts[c] + base) / (total + 1);
        }
        return p;
    }

    /**
     * The bin of every row, learned from the rows outside fold {@code f}: quantile edges of a
     * number, the most frequent values of text; the last bins hold "other" and missing.
     */
    static int[] bins(double[] numbers, String[] texts, int[] fold, int f) {
        int n = fold.length;
        int[] bins = new int[n];
        if (numbers != null) {
            double[] train = new double[n];
            int m = 0;
            for (int r = 0; r < n; r++) {
                if (fold[r] != f && !Double.isNaN(numbers[r])) {
                    train[m++] = numbers[r];
                }
            }
            double[] sorted = Arrays.copyOf(train, m);
            Arrays.sort(sorted);
            double[] edges = edges(sorted);
            int missingBin = edges.length + 1;
            for (int r = 0; r < n; r++) {
                double v = numbers[r];
                if (Double.isNaN(v)) {
                    bins[r] = missingBin;
                } else {
                    int pos = Arrays.binarySearch(edges, v);
                    bins[r] = pos >= 0 ? pos + 1 : -pos - 1;
                }
            }
            return bins;
        }
        Map<String, Integer> freq = new HashMap<>();
        for (int r = 0; r < n; r++) {
            if (fold[r] != f && texts[r] != null) {
                freq.merge(texts[r], 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> top = new ArrayList<>(freq.entrySet());
        top.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < Math.min(MAX_CATEGORIES, top.size()); i++) {
            index.put(top.get(i).getKey(), i);
        }
        int other = index.size();
        for (int r = 0; r < n; r++) {
            bins[r] = texts[r] == null ? other + 1 : index.getOrDefault(texts[r], other);
        }
        return bins;
    }

    /** Distinct inner quantile edges of sorted values (fewer when values repeat). */
    private static double[] edges(double[] sorted) {
        if (sorted.length == 0) {
            return new double[0];
        }
        double[] e = new double[NUMERIC_BINS - 1];
        int m = 0;
        for (int i = 1; i < NUMERIC_BINS; i++) {
            double q = sorted[(int) ((long) i * (sorted.length - 1) / NUMERIC_BINS)];
            if (m == 0 || q > e[m - 1]) {
                e[m++] = q;
            }
        }
        return Arrays.copyOf(e, m);
    }
}
