package dev.osprey.app.train;

import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.core.Engine;
import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.experiment.Experiment;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.experiment.RunStatus;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.job.JobService;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.train.Algorithm;
import dev.osprey.core.train.ProblemType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The view model against the real sample workspace (SQLite catalog, DuckDB, real training), with
 * the catalog reads, the chart flushes and the UI executor all on the calling thread.
 */
class TrainingViewModelTest {
    @TempDir
    Path tmp;

    private RecordingDialogs dialogs;
    private AppContext app;
    private TrainingViewModel model;
    private TrainingSetup setup;
    private LiveFeed.Later later = Runnable::run;

    @BeforeEach
    void setUp() throws Exception {
        dialogs = new RecordingDialogs();
        app = new AppContext(new AppHome(tmp.resolve("home")), new JobService(1), dialogs, Runnable::run);
        model = new TrainingViewModel(app, Runnable::run, flush -> later.schedule(flush));
        setup = model.setup();
        app.switchEngine(Engine.open(SampleWorkspace.ensure(tmp.resolve("ws"))));
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void theSampleDatasetStartsWithItsTargetAndTheInferredRegression() {
        assertThat(setup.datasets()).extracting(Dataset::name).containsExactly(SampleWorkspace.DATASET);
        assertThat(setup.datasetProperty().get().name()).isEqualTo(SampleWorkspace.DATASET);
        assertThat(setup.targetProperty().get()).isEqualTo(SampleWorkspace.TARGET);
        assertThat(setup.inferredTypeProperty().get()).isEqualTo(ProblemType.REGRESSION);
        assertThat(setup.problemTypeProperty().get()).isEqualTo(ProblemType.REGRESSION);
        assertThat(setup.algorithms()).extracting(Algorithm::id)
                .contains("xgboost", "linear_regression", "ridge").doesNotContain("logistic_regression");
        assertThat(setup.validationKinds()).doesNotContain(ValidationKind.STRATIFIED_K_FOLD);
        assertThat(setup.defaultExperimentProperty().get()).isEqualTo("exam_scores / exam_score");
        assertThat(setup.problemProperty().get()).isNull();
        assertThat(model.canStartProperty().get()).isTrue();
    }

    @Test
    void theFormIsGeneratedFromTheAlgorithmsDefaultsWithTypedFields() {
        assertThat(setup.selectAlgorithm("xgboost")).isTrue();
        HyperparameterForm form = setup.hyperparameters();
        assertThat(form.fields()).extracting(OptionField::key).contains("rounds", "max_depth", "eta");
        assertThat(form.field("rounds").kind()).isEqualTo(OptionField.Kind.INTEGER);
        assertThat(form.field("rounds").text()).isEqualTo("100");
        assertThat(form.field("eta").kind()).isEqualTo(OptionField.Kind.DECIMAL);
        assertThat(OptionField.Kind.INTEGER.accepts("12")).isTrue();
        assertThat(OptionField.Kind.INTEGER.accepts("1.5")).isFalse();
        assertThat(OptionField.Kind.DECIMAL.accepts("0.")).isTrue();
        assertThat(OptionField.Kind.DECIMAL.accepts("abc")).isFalse();

        assertThat(setup.selectAlgorithm("linear_regression")).isTrue();
        assertThat(form.fields()).isEmpty();
        assertThat(setup.problemProperty().get()).isNull();
    }

    @Test
    void anOutOfRangeValueShowsTheAlgorithmsOwnMessageAndBlocksStart() {
        setup.selectAlgorithm("xgboost");
        OptionField depth = setup.hyperparameters().field("max_depth");
        depth.setText("0");

        assertThat(setup.problemProperty().get()).isEqualTo("max_depth must be between 1 and 32, not 0");
        assertThat(depth.invalidProperty().get()).isTrue();
        assertThat(setup.hyperparameters().field("eta").invalidProperty().get()).isFalse();
        assertThat(model.canStartProperty().get()).isFalse();

        setup.hyperparameters().reset();
        assertThat(setup.problemProperty().get()).isNull();
        assertThat(depth.invalidProperty().get()).isFalse();
        assertThat(model.canStartProperty().get()).isTrue();
    }

    @Test
    void badValidationSettingsAreExplainedBeforeStarting() {
        setup.holdoutRatioProperty().set("0.9");
        assertThat(setup.problemProperty().get()).contains("holdout ratio must be between 0.05 and 0.5");
        setup.holdoutRatioProperty().set("0.25");
        setup.validationKindProperty().set(ValidationKind.K_FOLD);
        setup.foldsProperty().set("1");
        assertThat(setup.problemProperty().get()).contains("number of folds must be between 2 and 20");
        setup.foldsProperty().set("3");
        setup.seedProperty().set("");
        assertThat(setup.problemProperty().get()).isEqualTo("The seed must be a whole number, not ''");
        setup.seedProperty().set("7");
        assertThat(setup.problemProperty().get()).isNull();
    }

    @Test
    void overridingTheTypeOffersOnlyAlgorithmsForIt() {
        setup.typeOverrideProperty().set(ProblemType.MULTICLASS);
        assertThat(setup.problemTypeProperty().get()).isEqualTo(ProblemType.MULTICLASS);
        assertThat(setup.algorithms()).extracting(Algorithm::id).contains("logistic_regression")
                .doesNotContain("linear_regression", "ridge", "lasso");
        assertThat(setup.validationKinds()).contains(ValidationKind.STRATIFIED_K_FOLD);
        setup.typeOverrideProperty().set(null);
        assertThat(setup.algorithms()).extracting(Algorithm::id).contains("linear_regression");
    }

    @Test
    void noTargetClustersWithKMeansAndShowsTheClusterSizes() throws Exception {
        assertThat(setup.targets()).endsWith(TrainingSetup.NO_TARGET);
        setup.targetProperty().set(TrainingSetup.NO_TARGET);
        assertThat(setup.problemTypeProperty().get()).isEqualTo(ProblemType.CLUSTERING);
        assertThat(setup.algorithms()).extracting(Algorithm::id).containsExactly("kmeans", "dbscan");
        assertThat(setup.defaultExperimentProperty().get()).isEqualTo("exam_scores / clusters");
        setup.hyperparameters().field("k").setText("4");
        assertThat(setup.problemProperty().get()).isNull();

        model.start().get(120, TimeUnit.SECONDS);

        assertThat(dialogs.errors).isEmpty();
        TrainingOutcome outcome = model.outcomeProperty().get();
        assertThat(outcome.problemType()).isEqualTo(ProblemType.CLUSTERING);
        assertThat(outcome.clusters()).hasValueSatisfying(c -> {
            assertThat(c.clusters()).isEqualTo(4);
            assertThat(c.sizes().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
        });
        assertThat(outcome.metrics()).extracting(MetricRow::name).contains("Silhouette", "Within-cluster sum of squares");
        assertThat(outcome.diagnostics().rows()).isZero();
        assertThat(model.progressMessageProperty().get()).startsWith("Clustered 1,000 rows in ");
        assertThat(model.modelNameProperty().get()).isEqualTo("exam-scores-clusters");
        assertThat(model.register().get(30, TimeUnit.SECONDS).version()).isEqualTo(1);

        setup.targetProperty().set(SampleWorkspace.TARGET);
        assertThat(setup.problemTypeProperty().get()).isEqualTo(ProblemType.REGRESSION);
        assertThat(setup.algorithms()).extracting(Algorithm::id).doesNotContain("kmeans");
    }

    @Test
    void linearRegressionTrainsShowsItsScoresAndRegistersAsVersionOne() throws Exception {
        setup.selectAlgorithm("linear_regression");
        model.start().get(120, TimeUnit.SECONDS);

        assertThat(dialogs.errors).isEmpty();
        assertThat(model.stateProperty().get()).isEqualTo(RunState.SUCCEEDED);
        TrainingOutcome outcome = model.outcomeProperty().get();
        assertThat(outcome.metric("r2")).hasValueSatisfying(r2 -> assertThat(r2).isGreaterThan(0.8));
        assertThat(outcome.metrics()).extracting(MetricRow::name).contains("R²", "RMSE", "MAE", "MAPE");
        assertThat(outcome.result().trainRows() + outcome.result().validRows()).isEqualTo(1000);
        // the plots are of the 200 held-out rows only, and say so
        assertThat(outcome.diagnostics().predictedVsActual()).hasSize(outcome.result().validRows()).hasSize(200);
        assertThat(outcome.diagnostics().residuals()).hasSize(200);
        assertThat(outcome.diagnostics().scope()).isEqualTo("Held out: all 200 validation rows");
        assertThat(outcome.importance()).containsKeys("hours_of_study", "years_it_experience");
        assertThat(model.curve()).as("least squares has no rounds").isEmpty();
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.modelNameProperty().get()).isEqualTo("exam-score");
        assertThat(outcome.notebookCell()).contains("linear_regression").contains("exam_scores");

        ModelVersion v = model.register().get(30, TimeUnit.SECONDS);
        assertThat(v.version()).isEqualTo(1);
        assertThat(model.registeredProperty().get()).isEqualTo(v);
        assertThat(app.engine().registry().versions("exam-score")).hasSize(1);
        assertThat(dialogs.notifications).anyMatch(n -> n.contains("exam-score version 1"));

        // A second registration of the same run is the next version.
        assertThat(model.register().get(30, TimeUnit.SECONDS).version()).isEqualTo(2);
    }

    @Test
    void boostedTreesStreamTheirMetricPerRoundIntoTheCurve() throws Exception {
        setup.selectAlgorithm("xgboost");
        setup.hyperparameters().field("rounds").setText("25");
        setup.experimentProperty().set("curves");
        model.start().get(120, TimeUnit.SECONDS);

        assertThat(model.stateProperty().get()).isEqualTo(RunState.SUCCEEDED);
        assertThat(model.curve()).hasSize(25);
        assertThat(model.curve()).allMatch(p -> p.fold() == 1 && Double.isFinite(p.train()) && Double.isFinite(p.valid()));
        assertThat(model.curve().getLast().iteration()).isGreaterThan(model.curve().getFirst().iteration());
        assertThat(model.curveMetricProperty().get()).isNotEmpty();
        assertThat(model.runFoldsProperty().get()).isEqualTo(1);
        assertThat(app.engine().experiments().experiments()).extracting(Experiment::name).contains("curves");
    }

    @Test
    void cancellingAManyRoundRunEndsItAsCancelled() throws Exception {
        CountDownLatch firstRound = new CountDownLatch(1);
        later = flush -> {
            firstRound.countDown();
            flush.run();
        };
        setup.selectAlgorithm("xgboost");
        setup.hyperparameters().field("rounds").setText("5000");
        setup.hyperparameters().field("eta").setText("0.01");
        var done = model.start();
        assertThat(firstRound.await(60, TimeUnit.SECONDS)).isTrue();
        model.cancel();
        done.get(60, TimeUnit.SECONDS);

        assertThat(model.stateProperty().get()).isEqualTo(RunState.CANCELLED);
        assertThat(model.outcomeProperty().get()).isNull();
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.notifications).anyMatch(n -> n.contains("cancelled"));
        Experiment exp = app.engine().experiments().experiments().getFirst();
        List<Run> runs = app.engine().experiments().runs(exp.id());
        assertThat(runs).extracting(Run::status).containsExactly(RunStatus.CANCELLED);
        assertThat(model.canStartProperty().get()).isTrue();
    }

    @Test
    void aRefusedTrainingShowsTheReasonWithoutADialog() throws Exception {
        setup.typeOverrideProperty().set(ProblemType.BINARY);
        setup.selectAlgorithm("logistic_regression");
        model.start().get(120, TimeUnit.SECONDS);

        assertThat(model.stateProperty().get()).isEqualTo(RunState.FAILED);
        assertThat(model.failureProperty().get()).contains("exam_score").contains("classes");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aBinaryClassifierGetsAConfusionMatrixAndAnRocCurve() throws Exception {
        Path csv = tmp.resolve("churn.csv");
        StringBuilder sb = new StringBuilder("tenure,monthly_fee,churned\n");
        Random r = new Random(3);
        for (int i = 0; i < 300; i++) {
            double tenure = r.nextInt(60);
            double fee = 20 + r.nextInt(80);
            boolean churned = fee / 100 - tenure / 60 + r.nextGaussian() * 0.3 > 0;
            sb.append((int) tenure).append(',').append((int) fee).append(',').append(churned ? "yes" : "no").append('\n');
        }
        Files.writeString(csv, sb);
        app.engine().datasets().importFile(new ImportRequest(csv, "churn", DataFormat.CSV, StorageMode.COPY), JobContext.NONE);
        model.refresh().get(10, TimeUnit.SECONDS);
        setup.datasetProperty().set(setup.datasets().stream().filter(d -> d.name().equals("churn")).findFirst().orElseThrow());
        setup.targetProperty().set("churned");

        assertThat(setup.inferredTypeProperty().get()).isEqualTo(ProblemType.BINARY);
        assertThat(setup.validationKinds()).contains(ValidationKind.STRATIFIED_K_FOLD);
        setup.selectAlgorithm("logistic_regression");
        setup.validationKindProperty().set(ValidationKind.STRATIFIED_K_FOLD);
        setup.foldsProperty().set("3");
        model.start().get(120, TimeUnit.SECONDS);

        assertThat(dialogs.errors).isEmpty();
        assertThat(model.stateProperty().get()).as(model.failureProperty().get()).isEqualTo(RunState.SUCCEEDED);
        TrainingOutcome o = model.outcomeProperty().get();
        assertThat(o.report()).isPresent();
        int[][] confusion = o.report().get().confusion();
        assertThat(confusion[0][0] + confusion[0][1] + confusion[1][0] + confusion[1][1]).isEqualTo(300);
        assertThat(o.metrics()).extracting(MetricRow::name).contains("Accuracy", "ROC AUC", "F1 (macro)");
        assertThat(o.diagnostics().roc()).isNotEmpty();
        assertThat(o.diagnostics().roc().getFirst()).isEqualTo(new Diagnostics.XY(0, 0));
        assertThat(o.diagnostics().roc().getLast()).isEqualTo(new Diagnostics.XY(1, 1));
        assertThat(o.diagnostics().auc()).isGreaterThan(0.7);
        // DuckDB reads yes/no as a boolean column, so the classes are false and true.
        assertThat(o.diagnostics().positiveLabel()).isEqualTo("true");
    }
}
