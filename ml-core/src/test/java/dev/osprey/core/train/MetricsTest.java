package dev.osprey.core.train;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Metrics against values worked out by hand. */
class MetricsTest {
    private static final double TOL = 1e-9;

    @Test
    void regressionMetrics() {
        Map<String, Double> m = Metrics.regression(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 5});
        // errors 0,0,0,1: mse 1/4; mean 2.5, total sum of squares 5
        assertThat(m.get("rmse")).isCloseTo(0.5, within(TOL));
        assertThat(m.get("mae")).isCloseTo(0.25, within(TOL));
        assertThat(m.get("r2")).isCloseTo(0.8, within(TOL));
        assertThat(m.get("mape")).isCloseTo(0.0625, within(TOL));
    }

    @Test
    void mapeSkipsZeroActualsAndR2OfAConstantIsUndefined() {
        Map<String, Double> m = Metrics.regression(new double[] {0, 2, 2}, new double[] {1, 1, 3});
        assertThat(m.get("mape")).isCloseTo(0.5, within(TOL)); // (|1/2| + |1/2|) / 2 rows with non-zero actuals
        assertThat(Metrics.regression(new double[] {3, 3}, new double[] {3, 4}).get("r2")).isNaN();
    }

    @Test
    void binaryClassificationReport() {
        int[] y = {0, 0, 1, 1};
        double[][] p = {{0.9, 0.1}, {0.6, 0.4}, {0.65, 0.35}, {0.2, 0.8}};
        ClassificationReport r = Metrics.classification(y, p, List.of("no", "yes"));
        assertThat(r.confusion()).isEqualTo(new int[][] {{2, 0}, {1, 1}});
        assertThat(r.accuracy()).isCloseTo(0.75, within(TOL));
        assertThat(r.balancedAccuracy()).isCloseTo(0.75, within(TOL)); // (1 + 0.5) / 2
        assertThat(r.perClass().get(0).precision()).isCloseTo(2.0 / 3, within(TOL));
        assertThat(r.perClass().get(0).recall()).isCloseTo(1, within(TOL));
        assertThat(r.perClass().get(0).f1()).isCloseTo(0.8, within(TOL));
        assertThat(r.perClass().get(1).precision()).isCloseTo(1, within(TOL));
        assertThat(r.perClass().get(1).recall()).isCloseTo(0.5, within(TOL));
        assertThat(r.perClass().get(1).f1()).isCloseTo(2.0 / 3, within(TOL));
        assertThat(r.macroF1()).isCloseTo((0.8 + 2.0 / 3) / 2, within(TOL));
        assertThat(r.macroPrecision()).isCloseTo((2.0 / 3 + 1) / 2, within(TOL));
        // the classic example: 3 of 4 positive/negative pairs ordered correctly
        assertThat(r.rocAuc()).isCloseTo(0.75, within(TOL));
        double logLoss = -(Math.log(0.9) + Math.log(0.6) + Math.log(0.35) + Math.log(0.8)) / 4;
        assertThat(r.logLoss()).isCloseTo(logLoss, within(TOL));
        assertThat(r.toMap()).containsKeys("accuracy", "f1_macro", "roc_auc", "log_loss", "f1[yes]", "recall[no]");
    }

    @Test
    void tiedScoresCountHalfInTheAuc() {
        assertThat(Metrics.auc(new int[] {0, 1}, new double[][] {{0.5, 0.5}, {0.5, 0.5}}, 1)).isCloseTo(0.5, within(TOL));
        assertThat(Metrics.auc(new int[] {0, 1, 1}, new double[][] {{0.7, 0.3}, {0.7, 0.3}, {0.2, 0.8}}, 1))
                .isCloseTo(0.75, within(TOL)); // pairs (n,p1) tie = 0.5, (n,p2) = 1 -> 1.5 / 2
        assertThat(Metrics.auc(new int[] {1, 1}, new double[][] {{0, 1}, {0, 1}}, 1)).isNaN();
    }

    @Test
    void multiclassReportAndOneVsRestAuc() {
        int[] y = {0, 1, 2, 2};
        double[][] p = {{0.8, 0.1, 0.1}, {0.1, 0.7, 0.2}, {0.1, 0.2, 0.7}, {0.3, 0.4, 0.15}};
        ClassificationReport r = Metrics.classification(y, p, List.of("a", "b", "c"));
        assertThat(r.confusion()).isEqualTo(new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 1, 1}});
        assertThat(r.accuracy()).isCloseTo(0.75, within(TOL));
        assertThat(r.balancedAccuracy()).isCloseTo((1 + 1 + 0.5) / 3, within(TOL));
        // a: 0.8 beats 0.1, 0.1, 0.3 -> 1; b: 0.7 beats 0.1, 0.2, 0.4 -> 1; c: (0.7, 0.15) vs (0.1, 0.2) -> 3 of 4 pairs
        assertThat(r.rocAuc()).isCloseTo((1 + 1 + 0.75) / 3, within(TOL));
        // precision of b: 1 of 2 predicted b is right
        assertThat(r.perClass().get(1).precision()).isCloseTo(0.5, within(TOL));
    }
}
