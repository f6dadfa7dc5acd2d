package dev.osprey.core.train;

import dev.osprey.core.Engine;
import dev.osprey.core.data.ColumnType;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.JobContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The result carries the validation rows' predictions, and they are the ones the metrics were computed from. */
class HeldOutTest {
    @TempDir
    static Path tmp;
    static Engine engine;
    static Dataset reg;
    static Dataset bin;

    @BeforeAll
    static void open() throws Exception {
        engine = Engine.create(tmp.resolve("ws"));
        reg = TrainFixture.importCsv(engine, tmp, "reg", TrainFixture.regression(200, 1), Map.of("color", ColumnType.CATEGORY));
        bin = TrainFixture.importCsv(engine, tmp, "bin", TrainFixture.binary(200, 2), Map.of("color", ColumnType.CATEGORY));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void holdoutPredictionsReproduceTheRegressionMetrics() throws Exception {
        TrainingResult r = engine.training().train(TrainingRequest.of(reg.id(), "y", "linear_regression"), JobContext.NONE);
        HeldOut h = r.heldOut();
        assertThat(h.outOfFold()).isFalse();
        assertThat(h.rows()).isEqualTo(r.validRows()).isEqualTo(h.scored()).isEqualTo(40);
        double[] predicted = Arrays.stream(h.predictions()).mapToDouble(p -> p[0]).toArray();
        assertThat(Metrics.regression(h.actual(), predicted).get("rmse")).isCloseTo(r.metrics().get("rmse"), within(1e-9));
    }

    @Test
    void kFoldKeepsEveryRowsOutOfFoldProbabilities() throws Exception {
        TrainingResult r = engine.training().train(TrainingRequest.of(bin.id(), "label", "logistic_regression")
                .withValidation(new Validation.KFold(5, 7)), JobContext.NONE);
        HeldOut h = r.heldOut();
        assertThat(h.outOfFold()).isTrue();
        assertThat(h.rows()).isEqualTo(200);
        assertThat(h.classLabels()).isEqualTo(r.model().signature().classLabels()).hasSize(2);
        assertThat(h.predictions()[0]).hasSize(2);
        int[] actual = Arrays.stream(h.actual()).mapToInt(v -> (int) v).toArray();
        assertThat(Metrics.classification(actual, h.predictions(), h.classLabels()).rocAuc())
                .isCloseTo(r.metrics().get("roc_auc"), within(1e-9));
    }

    @Test
    void aLargeHoldoutIsCappedToASeededSample() {
        int n = HeldOut.MAX_ROWS + 500;
        double[] actual = new double[n];
        double[][] predictions = new double[n][];
        for (int i = 0; i < n; i++) {
            actual[i] = i;
            predictions[i] = new double[] {i};
        }
        HeldOut a = HeldOut.sample(ProblemType.REGRESSION, List.of(), actual, predictions, false, 3);
        HeldOut b = HeldOut.sample(ProblemType.REGRESSION, List.of(), actual, predictions, false, 3);
        assertThat(a.rows()).isEqualTo(HeldOut.MAX_ROWS);
        assertThat(a.scored()).isEqualTo(n);
        assertThat(a.actual()).isEqualTo(b.actual()).isSorted();
    }
}
