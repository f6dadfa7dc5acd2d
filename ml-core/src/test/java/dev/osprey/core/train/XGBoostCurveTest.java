package dev.osprey.core.train;

import dev.osprey.core.job.JobContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * XGBoost's per-round curve: each set's metric over every row up to
 * {@link XGBoostAlgorithm#CURVE_ROWS}, and over a seeded sample beyond (the full training logloss
 * every round was a quarter of a 1M-row fit; the full validation pass a twelfth).
 */
class XGBoostCurveTest {
    @Test
    void aLargeTrainingSetStillReportsBothMetricsEveryRoundAndTheSampledTrainMetricTracksTheFullOne() throws Exception {
        TrainingSet train = binary(XGBoostAlgorithm.CURVE_ROWS + 10_000, 1);
        TrainingSet valid = binary(3_000, 2);
        List<TrainingEvent.IterationMetric> rounds = new ArrayList<>();
        EncodedRows.Fit fit = fit(train, valid, 8, rounds);

        assertThat(rounds).extracting(TrainingEvent.IterationMetric::iteration).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(rounds).allSatisfy(m -> {
            assertThat(m.trainValue()).isFinite().isPositive();
            assertThat(m.validValue()).isFinite().isPositive();
        });
        // the validation metric is over every validation row: it is the log loss of the cached predictions
        double[][] p = fit.validPredictions().orElseThrow();
        assertThat(rounds.getLast().validValue()).isCloseTo(logLoss(valid.y(), p), within(1e-4));
        // the training metric of the sample is close to the one over all training rows
        double[][] all = fit.fitted().predictor().predict(train.x());
        assertThat(rounds.getLast().trainValue()).isCloseTo(logLoss(train.y(), all), within(0.02));
    }

    @Test
    void aLargeValidationSetIsSampledForTheCurveButItsPredictionsCoverEveryRow() throws Exception {
        TrainingSet train = binary(5_000, 3);
        TrainingSet valid = binary(XGBoostAlgorithm.CURVE_ROWS + 15_000, 4);
        List<TrainingEvent.IterationMetric> rounds = new ArrayList<>();
        EncodedRows.Fit fit = fit(train, valid, 6, rounds);

        assertThat(rounds).hasSize(6).allSatisfy(m -> assertThat(m.validValue()).isFinite().isPositive());
        // every validation row is predicted, with every tree: the same as the saved model predicts
        double[][] p = fit.validPredictions().orElseThrow();
        assertThat(p).hasNumberOfRows(valid.rows());
        double[][] saved = fit.fitted().predictor().predict(valid.x());
        for (int i = 0; i < p.length; i += 997) {
            assertThat(p[i][1]).isCloseTo(saved[i][1], within(1e-6));
        }
        // the sampled curve tracks the metric over all validation rows
        assertThat(rounds.getLast().validValue()).isCloseTo(logLoss(valid.y(), p), within(0.02));
    }

    @Test
    void theCurveSampleIsAllRowsWhenFewAndASortedRepeatableSampleWhenMany() {
        assertThat(XGBoostAlgorithm.curveSample(XGBoostAlgorithm.CURVE_ROWS, 3)).isNull();
        int[] a = XGBoostAlgorithm.curveSample(100_000, 3);
        assertThat(a).hasSize(XGBoostAlgorithm.CURVE_ROWS).isSorted().doesNotHaveDuplicates();
        assertThat(a[0]).isGreaterThanOrEqualTo(0);
        assertThat(a[a.length - 1]).isLessThan(100_000);
        assertThat(XGBoostAlgorithm.curveSample(100_000, 3)).isEqualTo(a);
        assertThat(XGBoostAlgorithm.curveSample(100_000, 4)).isNotEqualTo(a);
    }

    private static EncodedRows.Fit fit(TrainingSet train, TrainingSet valid, int rounds,
                                       List<TrainingEvent.IterationMetric> events) throws Exception {
        FitContext ctx = new FitContext(JobContext.NONE, e -> {
            if (e instanceof TrainingEvent.IterationMetric m) {
                events.add(m);
            }
        }, 1, 7, 1);
        XGBoostAlgorithm xgb = new XGBoostAlgorithm();
        return xgb.fitAndPredict(EncodedRows.of(train), Optional.of(EncodedRows.of(valid)),
                xgb.options(java.util.Map.of("rounds", Integer.toString(rounds))), ctx);
    }

    private static double logLoss(double[] y, double[][] p) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double q = Math.min(1 - 1e-15, Math.max(1e-15, p[i][(int) y[i]]));
            sum -= Math.log(q);
        }
        return sum / y.length;
    }

    private static TrainingSet binary(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = r.nextGaussian();
            x[i][2] = r.nextDouble();
            double logit = 1.5 * x[i][0] - x[i][1] * x[i][2];
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        return new TrainingSet(x, y, List.of("a", "b", "c"), ProblemType.BINARY, 2);
    }
}
