package dev.osprey.app.train;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DiagnosticsTest {
    private static Diagnostics.XY xy(double x, double y) {
        return new Diagnostics.XY(x, y);
    }

    @Test
    void rocCurveStepsThroughEachThresholdFromTheTop() {
        double[] scores = {0.9, 0.8, 0.7, 0.6};
        boolean[] positive = {true, false, true, false};
        List<Diagnostics.XY> roc = Diagnostics.rocCurve(scores, positive);
        assertThat(roc).containsExactly(xy(0, 0), xy(0, 0.5), xy(0.5, 0.5), xy(0.5, 1), xy(1, 1));
        assertThat(Diagnostics.area(roc)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void tiedScoresMakeOneDiagonalStepAndCountHalf() {
        double[] scores = {0.5, 0.5, 0.5, 0.5};
        boolean[] positive = {true, false, true, false};
        List<Diagnostics.XY> roc = Diagnostics.rocCurve(scores, positive);
        assertThat(roc).containsExactly(xy(0, 0), xy(1, 1));
        assertThat(Diagnostics.area(roc)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aPerfectRankingHasAreaOne() {
        List<Diagnostics.XY> roc = Diagnostics.rocCurve(new double[]{0.1, 0.95, 0.2, 0.8}, new boolean[]{false, true, false, true});
        assertThat(Diagnostics.area(roc)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void oneClassOnlyHasNoCurve() {
        assertThat(Diagnostics.rocCurve(new double[]{0.1, 0.9}, new boolean[]{true, true})).isEmpty();
        assertThat(Diagnostics.area(List.of())).isNaN();
    }

    @Test
    void residualsAreActualMinusPredictedAgainstThePrediction() {
        Diagnostics d = new Diagnostics(2, 2, false, List.of(xy(10, 8), xy(5, 6)), List.of(), null, Double.NaN);
        assertThat(d.residuals()).containsExactly(xy(8, 2), xy(6, -1));
    }

    @Test
    void plotsComeFromTheHeldOutRowsAndSaySo() {
        var held = new dev.osprey.core.train.HeldOut(dev.osprey.core.train.ProblemType.REGRESSION, List.of(),
                new double[]{10, 5}, new double[][]{{8}, {6}}, 2, false);
        Diagnostics d = Diagnostics.of(held);
        assertThat(d.predictedVsActual()).containsExactly(xy(10, 8), xy(5, 6));
        assertThat(d.scope()).isEqualTo("Held out: all 2 validation rows");

        var sampled = new dev.osprey.core.train.HeldOut(dev.osprey.core.train.ProblemType.BINARY, List.of("no", "yes"),
                new double[]{0, 1, 1, 0}, new double[][]{{0.9, 0.1}, {0.2, 0.8}, {0.4, 0.6}, {0.3, 0.7}}, 50_000, true);
        Diagnostics roc = Diagnostics.of(sampled);
        assertThat(roc.positiveLabel()).isEqualTo("yes");
        assertThat(roc.auc()).isCloseTo(0.75, within(1e-12));
        assertThat(roc.scope()).isEqualTo("Out-of-fold: a seeded sample of 4 of the 50,000 rows, each predicted by the fold"
                + " model that did not train on it");
        assertThat(Diagnostics.of(dev.osprey.core.train.HeldOut.none(dev.osprey.core.train.ProblemType.CLUSTERING)).rows()).isZero();
    }

    @Test
    void labelsFollowTheEngineNamingOfWholeNumbers() {
        assertThat(Diagnostics.category(1.0)).isEqualTo("1");
        assertThat(Diagnostics.category(2L)).isEqualTo("2");
        assertThat(Diagnostics.category(true)).isEqualTo("true");
        assertThat(Diagnostics.category("yes")).isEqualTo("yes");
    }

    @Test
    void metricNamesAndNumbersReadAsAUserExpects() {
        assertThat(MetricRow.of("r2", 0.97654).text()).isEqualTo("0.9765");
        assertThat(MetricRow.of("r2", 0.97654).name()).isEqualTo("R²");
        assertThat(MetricRow.of("rmse", 25.4321).text()).isEqualTo("25.4321");
        assertThat(MetricRow.of("mape", 0.0312).text()).isEqualTo("3.12 %");
        assertThat(MetricRow.of("roc_auc", Double.NaN).text()).isEqualTo("–");
        assertThat(MetricRow.of("precision[spam]", 0.5).name()).isEqualTo("Precision · spam");
        assertThat(MetricRow.of("rmse", 12345.678).text()).isEqualTo("12,345.68");
    }
}
