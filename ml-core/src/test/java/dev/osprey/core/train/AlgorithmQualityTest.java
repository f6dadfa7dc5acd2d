package dev.osprey.core.train;

import dev.osprey.core.Engine;
import dev.osprey.core.data.ColumnType;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.JobContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every algorithm, trained through the real service on small generated data, beats the trivial
 * baseline (the mean for a regression, the majority class for a classification), and its model
 * file reads back to the same predictions.
 */
class AlgorithmQualityTest {
    @TempDir
    static Path tmp;
    static Engine engine;
    static Dataset regression;
    static Dataset binary;
    static Dataset multiclass;

    @BeforeAll
    static void data() throws Exception {
        engine = Engine.create(tmp.resolve("ws"));
        regression = TrainFixture.importCsv(engine, tmp, "reg", TrainFixture.regression(300, 1), Map.of("color", ColumnType.CATEGORY));
        binary = TrainFixture.importCsv(engine, tmp, "bin", TrainFixture.binary(300, 2), Map.of("color", ColumnType.CATEGORY));
        multiclass = TrainFixture.importCsv(engine, tmp, "multi", TrainFixture.multiclass(300, 3), Map.of());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Stream<String> regressors() {
        return Algorithms.supporting(ProblemType.REGRESSION).stream().map(Algorithm::id);
    }

    static Stream<String> classifiers() {
        return Algorithms.supporting(ProblemType.MULTICLASS).stream().map(Algorithm::id);
    }

    /** Small settings keep the suite fast; defaults are exercised by the other tests. */
    static Map<String, String> quick(String algorithm) {
        return switch (algorithm) {
            case "xgboost" -> Map.of("rounds", "40");
            case "random_forest", "gradient_boost" -> Map.of("trees", "40");
            case "mlp" -> Map.of("epochs", "30", "hidden_units", "16");
            default -> Map.of();
        };
    }

    @ParameterizedTest
    @MethodSource("regressors")
    void regressionBeatsTheMean(String algorithm) throws Exception {
        TrainingResult r = engine.training().train(TrainingRequest.of(regression.id(), "y", algorithm)
                .withOptions(quick(algorithm)), JobContext.NONE);
        assertThat(r.model().signature().problemType()).isEqualTo(ProblemType.REGRESSION);
        double baseline = baselineRmse(r);
        assertThat(r.metrics().get("rmse")).as(algorithm + " rmse vs the mean's " + baseline).isLessThan(0.7 * baseline);
        assertThat(r.metrics().get("r2")).isGreaterThan(0.5);
        assertThat(r.importance().byColumn()).containsKeys("x1", "x2", "color");
        assertSameAfterReload(r, Map.of("x1", 5.0, "x2", 1.0, "color", "red"));
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void binaryClassificationBeatsTheMajority(String algorithm) throws Exception {
        TrainingResult r = engine.training().train(TrainingRequest.of(binary.id(), "label", algorithm)
                .withOptions(quick(algorithm)), JobContext.NONE);
        assertThat(r.model().signature().problemType()).isEqualTo(ProblemType.BINARY);
        // DuckDB reads yes/no as a boolean column, so the classes are its values
        assertThat(r.model().signature().classLabels()).containsExactly("false", "true");
        double majority = majority(r);
        assertThat(r.metrics().get("accuracy")).as(algorithm).isGreaterThan(majority + 0.1);
        assertThat(r.metrics().get("roc_auc")).as(algorithm).isGreaterThan(0.75);
        assertThat(r.report()).isPresent();
        assertSameAfterReload(r, Map.of("x1", 1.0, "x2", -1.0, "color", "red"));
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void multiclassBeatsTheMajority(String algorithm) throws Exception {
        TrainingResult r = engine.training().train(TrainingRequest.of(multiclass.id(), "species", algorithm)
                .withOptions(quick(algorithm)).withValidation(new Validation.StratifiedKFold(3, 7)), JobContext.NONE);
        assertThat(r.model().signature().problemType()).isEqualTo(ProblemType.MULTICLASS);
        assertThat(r.validRows()).isEqualTo(300); // k-fold scores every row out of fold
        assertThat(r.metrics().get("accuracy")).as(algorithm).isGreaterThan(majority(r) + 0.3);
        Prediction p = r.model().predict(3.0, 0.0, 0.5);
        assertThat(p.label()).contains("b");
        assertThat(p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isBetween(0.99, 1.01);
        assertSameAfterReload(r, Map.of("x1", 0.0, "x2", 3.0, "x3", 0.5));
    }

    private static double baselineRmse(TrainingResult r) {
        // The spread of the target is the RMSE of always predicting the mean (within sampling noise).
        double rmse = r.metrics().get("rmse");
        double r2 = r.metrics().get("r2");
        return rmse / Math.sqrt(1 - r2);
    }

    private static double majority(TrainingResult r) {
        int[][] confusion = r.report().orElseThrow().confusion();
        int total = Arrays.stream(confusion).flatMapToInt(Arrays::stream).sum();
        int largest = Arrays.stream(confusion).mapToInt(row -> Arrays.stream(row).sum()).max().orElseThrow();
        return (double) largest / total;
    }

    private static void assertSameAfterReload(TrainingResult r, Map<String, ?> row) throws Exception {
        TrainedModel reloaded = engine.training().runModel(r.runId());
        Prediction before = r.model().predict(row);
        Prediction after = reloaded.predict(row);
        assertThat(after.value()).isEqualTo(before.value());
        assertThat(after.label()).isEqualTo(before.label());
    }
}
