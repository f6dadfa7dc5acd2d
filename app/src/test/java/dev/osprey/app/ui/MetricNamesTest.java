package dev.osprey.app.ui;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MetricNamesTest {
    @Test
    void summaryMetricsComeFirstInTheirUsualOrder() {
        assertThat(MetricNames.ordered(Set.of("valid_rmse", "r2", "train_rows", "rmse", "mae")))
                .containsExactly("rmse", "mae", "r2", "train_rows", "valid_rmse");
    }

    @Test
    void perFoldAndPerClassMetricsAreNotColumns() {
        assertThat(Stream.of("rmse", "fold2.valid_rmse", "f1[yes]", "valid_logloss").filter(MetricNames::isColumn))
                .containsExactly("rmse", "valid_logloss");
    }

    @Test
    void theMainMetricIsRmseForRegressionAndAccuracyForClasses() {
        assertThat(MetricNames.main(Map.of("mae", 3.0, "rmse", 4.0))).get().extracting(Map.Entry::getKey).isEqualTo("rmse");
        assertThat(MetricNames.main(Map.of("log_loss", 0.3, "accuracy", 0.9))).get().extracting(Map.Entry::getKey)
                .isEqualTo("accuracy");
        assertThat(MetricNames.main(Map.of("train_rows", 8.0))).isEmpty();
    }

    @Test
    void errorsAreBetterLowAndScoresHigh() {
        assertThat(MetricNames.lowerIsBetter("valid_rmse")).isTrue();
        assertThat(MetricNames.lowerIsBetter("log_loss")).isTrue();
        assertThat(MetricNames.lowerIsBetter("r2")).isFalse();
        assertThat(MetricNames.lowerIsBetter("accuracy")).isFalse();
    }

    @Test
    void formatsNumbersForReading() {
        assertThat(MetricNames.format(891.4321)).isEqualTo("891.43");
        assertThat(MetricNames.format(800.0)).isEqualTo("800");
        assertThat(MetricNames.format(1234.5678)).isEqualTo("1,234.57");
        assertThat(MetricNames.format(0.912345)).isEqualTo("0.9123");
        assertThat(MetricNames.format(0.0000123)).isEqualTo("1.23E-5");
        assertThat(MetricNames.format(Double.NaN)).isEqualTo("–");
        assertThat(MetricNames.format(null)).isEqualTo("–");
    }

    @Test
    void labelsReadAsWords() {
        assertThat(MetricNames.label("r2")).isEqualTo("R²");
        assertThat(MetricNames.label("valid_rmse")).isEqualTo("Validation RMSE");
        assertThat(MetricNames.label("train_logloss")).isEqualTo("Training Log loss");
        assertThat(MetricNames.label("balanced_accuracy")).isEqualTo("Balanced accuracy");
        assertThat(MetricNames.label("train_rows")).isEqualTo("Train rows");
    }

    @Test
    void sortsNumbersAsNumbers() {
        assertThat(Stream.of("10", "9", "abc", "0.5").sorted(MetricNames.NUMERIC_AWARE).toList())
                .isEqualTo(List.of("0.5", "9", "10", "abc"));
    }

    @Test
    void mapeReadsAsAPercentageAndPerClassKeysNameTheClass() {
        assertThat(MetricNames.formatMetric("mape", 0.0312)).isEqualTo("3.12 %");
        assertThat(MetricNames.formatMetric("rmse", 26.7988)).isEqualTo(MetricNames.format(26.7988));
        assertThat(MetricNames.formatMetric("mape", null)).isEqualTo("–");
        assertThat(MetricNames.label("precision[spam]")).isEqualTo("Precision · spam");
        assertThat(MetricNames.label("balanced_accuracy")).isEqualTo("Balanced accuracy");
    }
}
