package dev.osprey.core.train;

import dev.osprey.core.Engine;
import dev.osprey.core.data.ColumnType;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.experiment.RunStatus;
import dev.osprey.core.job.JobContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Input a user can get wrong: each one is a TrainingException with a message that says what to do. */
class BadInputTest {
    @TempDir
    static Path tmp;
    static Engine engine;
    static Dataset good;

    @BeforeAll
    static void open() throws Exception {
        engine = Engine.create(tmp.resolve("ws"));
        good = TrainFixture.importCsv(engine, tmp, "good", TrainFixture.regression(60, 5), Map.of("color", ColumnType.CATEGORY));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private TrainingException fail(TrainingRequest request) {
        try {
            engine.training().train(request, JobContext.NONE);
        } catch (TrainingException e) {
            return e;
        }
        throw new AssertionError("training should have failed");
    }

    @Test
    void aTextTargetCannotBeARegression() {
        TrainingException e = fail(TrainingRequest.of(good.id(), "color", "xgboost").withProblemType(ProblemType.REGRESSION));
        assertThat(e).hasMessageStartingWith("The target 'color' is category, not a number, so it cannot be predicted by a regression.");
    }

    @Test
    void aSingleClassIsRefusedAndTheRunRecordsWhy() throws Exception {
        Dataset d = TrainFixture.importCsv(engine, tmp, "oneclass", "a,b,label\n1,2,x\n2,3,x\n3,1,x\n4,4,x\n", Map.of());
        TrainingException e = fail(TrainingRequest.of(d.id(), "label", "logistic_regression"));
        assertThat(e).hasMessage("The target 'label' has only one class (x); a classifier needs at least two.");
        List<Run> runs = engine.experiments().runs(engine.experiments().ensureExperiment("oneclass / label").id());
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.message()).contains(e.getMessage());
        });
    }

    @Test
    void anAllMissingColumnIsNamed() throws Exception {
        StringBuilder csv = new StringBuilder("a,empty,y\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i).append(",,").append(i * 2).append('\n');
        }
        Dataset d = TrainFixture.importCsv(engine, tmp, "allmissing", csv.toString(), Map.of("empty", ColumnType.DECIMAL));
        assertThat(fail(TrainingRequest.of(d.id(), "y", "linear_regression")))
                .hasMessage("The column 'empty' has no values. Set its role to IGNORE to train without it.");
    }

    @Test
    void anUnknownTargetListsTheColumns() {
        assertThat(fail(TrainingRequest.of(good.id(), "price", "xgboost")))
                .hasMessage("The dataset 'good' has no column 'price'. Its columns are: x1, x2, color, y.");
    }

    @Test
    void noRowsToTrainOn() throws Exception {
        StringBuilder csv = new StringBuilder("a,y\n");
        for (int i = 0; i < 10; i++) {
            csv.append(i).append(",\n");
        }
        Dataset d = TrainFixture.importCsv(engine, tmp, "notarget", csv.toString(), Map.of("y", ColumnType.DECIMAL));
        assertThat(fail(TrainingRequest.of(d.id(), "y", "linear_regression")))
                .hasMessage("The target 'y' has no values in any row of 'notarget'.");
    }

    @Test
    void anOutOfRangeHyperparameterIsNamedBeforeAnyRunStarts() throws Exception {
        int before = engine.experiments().experiments().size();
        assertThat(fail(TrainingRequest.of(good.id(), "y", "xgboost").withOptions(Map.of("max_depth", "0"))))
                .hasMessage("max_depth must be between 1 and 32, not 0");
        assertThat(engine.experiments().experiments()).hasSize(before);
    }

    @Test
    void anAlgorithmThatCannotDoTheProblem() {
        assertThat(fail(TrainingRequest.of(good.id(), "y", "knn")))
                .hasMessageStartingWith("k-nearest neighbours cannot train a regression; choose one of xgboost,");
    }

    @Test
    void highCardinalityTextIsRefusedByName() throws Exception {
        StringBuilder csv = new StringBuilder("note,x,y\n");
        for (int i = 0; i < 80; i++) {
            csv.append("note number ").append(i).append(',').append(i % 7).append(',').append(i).append('\n');
        }
        Dataset d = TrainFixture.importCsv(engine, tmp, "notes", csv.toString(), Map.of("note", ColumnType.TEXT));
        assertThat(fail(TrainingRequest.of(d.id(), "y", "xgboost")))
                .hasMessageStartingWith("The text column 'note' has 80 different values");
    }

    @Test
    void missingTargetsAreDroppedAndConstantColumnsLogged() throws Exception {
        StringBuilder csv = new StringBuilder("x,same,y\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(",7,").append(i % 5 == 0 ? "" : Integer.toString(3 * i + 1)).append('\n');
        }
        Dataset d = TrainFixture.importCsv(engine, tmp, "gaps", csv.toString(), Map.of());
        List<String> log = new ArrayList<>();
        JobContext ctx = new JobContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public void log(String line) {
                log.add(line);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void onCancel(Runnable hook) {
            }
        };
        TrainingResult r = engine.training().train(TrainingRequest.of(d.id(), "y", "linear_regression"), ctx);
        assertThat(log).contains("Dropped 8 of 40 rows without a value in 'y'.", "Dropped the column 'same': it is constant (7).");
        assertThat(r.trainRows() + r.validRows()).isEqualTo(32);
        assertThat(r.model().signature().inputNames()).containsExactly("x");
        assertThat(r.model().predict(Map.of("x", 100)).value()).isCloseTo(301, org.assertj.core.api.Assertions.within(0.01));
    }
}
