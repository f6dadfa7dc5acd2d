package dev.osprey.core.train;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.ColumnType;
import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetId;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.job.JobContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job encodes column by column straight into each algorithm's layout; every layout must hold
 * exactly what {@link FeatureEncoder#encode(Object[])} (the path of every later prediction) gives
 * for the same raw row.
 */
class PreparedEncodingTest {
    private static final int ROWS = 300;

    @Test
    void everyLayoutMatchesTheRowEncoder() throws Exception {
        Random r = new Random(7);
        List<Column> features = List.of(col("num", ColumnType.DECIMAL), col("color", ColumnType.CATEGORY),
                col("flag", ColumnType.BOOLEAN), col("day", ColumnType.DATE), col("many", ColumnType.CATEGORY));
        Column target = col("y", ColumnType.INTEGER);
        double[] num = new double[ROWS];
        Object[] color = new Object[ROWS];
        Object[] flag = new Object[ROWS];
        Object[] day = new Object[ROWS];
        Object[] many = new Object[ROWS];
        double[] y = new double[ROWS];
        String[] colors = {"red", "green", "blue", " "};
        for (int i = 0; i < ROWS; i++) {
            num[i] = i % 7 == 0 ? Double.NaN : r.nextGaussian() * 10;
            color[i] = i % 11 == 0 ? null : colors[r.nextInt(colors.length)];
            flag[i] = i % 13 == 0 ? null : r.nextBoolean();
            day[i] = i % 5 == 0 ? null : LocalDate.of(2020, 1, 1).plusDays(r.nextInt(900));
            many[i] = "c" + r.nextInt(DataPreparation.MAX_CATEGORIES + 20);
            y[i] = i % 17 == 0 ? Double.NaN : r.nextInt(2);
        }
        List<TableReader.Raw> raw = List.of(new TableReader.Numbers(num.clone()), new TableReader.Values(color),
                new TableReader.Values(flag), new TableReader.Values(day), new TableReader.Values(many), new TableReader.Numbers(y));
        Dataset d = new Dataset(new DatasetId(1), "d", DataFormat.CSV, StorageMode.COPY, Path.of("d.csv"), "d.csv", ROWS, 1,
                "f", Instant.EPOCH, concat(features, target));

        Prepared p = DataPreparation.prepare(d, features, target, raw, Optional.empty(), JobContext.NONE);

        assertThat(p.problemType()).isEqualTo(ProblemType.BINARY);
        assertThat(p.classLabels()).containsExactly("0", "1");
        int[] kept = java.util.stream.IntStream.range(0, ROWS).filter(i -> !Double.isNaN(y[i])).toArray();
        assertThat(p.rows()).isEqualTo(kept.length);
        FeatureEncoder encoder = p.encoder();
        assertThat(encoder.columns().get(4).hasOther()).isTrue();
        double[][] expected = new double[kept.length][];
        for (int i = 0; i < kept.length; i++) {
            int row = kept[i];
            expected[i] = encoder.encode(new Object[] {Double.isNaN(num[row]) ? null : num[row], color[row], flag[row], day[row],
                    many[row]});
            assertThat(p.y()[i]).isEqualTo(y[row]);
        }
        int[] some = {5, 0, 17, 3, kept.length - 1};
        EncodedRows all = p.rows(null);
        EncodedRows subset = p.rows(some);
        assertThat(all.toSet().x()).isDeepEqualTo(expected);
        float[] floats = subset.floats();
        double[][] subsetRows = subset.toSet().x();
        for (int i = 0; i < some.length; i++) {
            assertThat(subsetRows[i]).containsExactly(expected[some[i]]);
            for (int j = 0; j < encoder.width(); j++) {
                assertThat(floats[i * encoder.width() + j]).isEqualTo((float) expected[some[i]][j]);
                assertThat(subset.column(j)[i]).isEqualTo(expected[some[i]][j]);
            }
        }
        assertThat(subset.y()).containsExactly(Arrays.stream(some).mapToDouble(i -> p.y()[i]).toArray());
        // the row-set adapter gives the same layouts
        EncodedRows ofSet = EncodedRows.of(subset.toSet());
        assertThat(ofSet.floats()).containsExactly(floats);
        assertThat(ofSet.column(1)).containsExactly(subset.column(1));
    }

    @Test
    void xgboostsCachedHoldoutPredictionsAreTheModelsPredictions() throws Exception {
        Random r = new Random(11);
        int n = 400;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {r.nextGaussian(), r.nextDouble(), r.nextInt(3)};
            y[i] = x[i][0] + x[i][1] * x[i][2] + 0.3 * r.nextGaussian() > 0.5 ? 1 : 0;
        }
        TrainingSet all = new TrainingSet(x, y, List.of("a", "b", "c"), ProblemType.BINARY, 2);
        TrainingSet train = all.subset(java.util.stream.IntStream.range(0, 300).toArray());
        TrainingSet valid = all.subset(java.util.stream.IntStream.range(300, n).toArray());
        XGBoostAlgorithm xgb = new XGBoostAlgorithm();
        EncodedRows.Fit fit = xgb.fitAndPredict(EncodedRows.of(train), Optional.of(EncodedRows.of(valid)),
                xgb.options(java.util.Map.of("rounds", "20")), FitContext.standalone(1));
        double[][] cached = fit.validPredictions().orElseThrow();
        double[][] predicted = fit.fitted().predictor().predict(valid.x());
        assertThat(cached).hasDimensions(100, 2);
        for (int i = 0; i < cached.length; i++) {
            assertThat(cached[i][1]).isCloseTo(predicted[i][1], org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void theMedianBySelectionIsTheSortedMedian() {
        Random r = new Random(3);
        for (int n = 1; n < 60; n++) {
            for (int trial = 0; trial < 20; trial++) {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = trial % 3 == 0 ? r.nextInt(4) : r.nextGaussian();
                }
                double[] sorted = a.clone();
                Arrays.sort(sorted);
                double want = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
                assertThat(Quantiles.median(a)).as("n=%d", n).isEqualTo(want);
            }
        }
    }

    @Test
    void theMedianByBucketsIsTheSortedMedianOfThePresentValuesAndLeavesTheColumnAlone() {
        Random r = new Random(5);
        for (int n = 1; n < 300; n += 7) {
            for (int trial = 0; trial < 12; trial++) {
                double[] a = new double[n];
                int present = 0;
                for (int i = 0; i < n; i++) {
                    a[i] = switch (trial % 4) {
                        case 0 -> r.nextInt(4) - 2;                       // ties, negatives and zero
                        case 1 -> r.nextGaussian() * 1e-3 + 1.0;          // all in one bucket
                        case 2 -> r.nextDouble() < 0.3 ? Double.NaN : r.nextGaussian() * 1e6; // missing values
                        default -> r.nextGaussian();
                    };
                    present += Double.isNaN(a[i]) ? 0 : 1;
                }
                if (present == 0) {
                    continue;
                }
                double[] original = a.clone();
                double[] sorted = Arrays.stream(a).filter(v -> !Double.isNaN(v)).sorted().toArray();
                double want = present % 2 == 1 ? sorted[present / 2] : (sorted[present / 2 - 1] + sorted[present / 2]) / 2;
                assertThat(Quantiles.medianIgnoringNaN(a)).as("n=%d trial=%d", n, trial).isEqualTo(want);
                assertThat(a).isEqualTo(original);
            }
        }
    }

    private static Column col(String name, ColumnType type) {
        return new Column(name, name, type, ColumnRole.FEATURE, 0, 0);
    }

    private static List<Column> concat(List<Column> features, Column target) {
        List<Column> all = new ArrayList<>(features);
        all.add(target);
        return all;
    }
}
