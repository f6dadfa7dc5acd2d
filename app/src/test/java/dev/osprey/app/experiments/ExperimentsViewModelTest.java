package dev.osprey.app.experiments;

import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.core.Engine;
import dev.osprey.core.experiment.ExperimentStore;
import dev.osprey.core.experiment.RunId;
import dev.osprey.core.experiment.RunStatus;
import dev.osprey.core.job.JobService;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.train.TrainingRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Experiments page's view model against a real workspace with real training runs. */
class ExperimentsViewModelTest {
    @TempDir
    static Path shared;
    private static TrainedWorkspace trained;

    @TempDir
    Path tmp;

    private final UiQueue ui = new UiQueue();
    private final JobService jobs = new JobService(1);
    private AppContext app;
    private ExperimentsViewModel vm;

    @BeforeAll
    static void train() throws Exception {
        trained = TrainedWorkspace.create(shared.resolve("exam"));
    }

    @BeforeEach
    void setUp() throws Exception {
        app = new AppContext(new AppHome(tmp.resolve("home")), jobs, new RecordingDialogs(), ui);
        vm = new ExperimentsViewModel(app, Runnable::run);
        // each test gets its own copy: some add runs
        Path copy = tmp.resolve("ws");
        copyTree(trained.root, copy);
        app.switchEngine(Engine.open(copy));
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private RunRow run(RunId id) {
        return vm.runs().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void listsTheExperimentAndItsRunsWithParamsAndMetricsAsColumns() {
        assertThat(vm.experiments()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("exam_scores / exam_score");
            assertThat(e.runCount()).isEqualTo(3);
            assertThat(e.summary()).isEqualTo("3 runs");
        });
        assertThat(vm.selectedExperimentProperty().get()).isEqualTo(vm.experiments().getFirst());
        assertThat(vm.runs()).extracting(RunRow::id).containsExactly(trained.linear, trained.deep, trained.shallow);
        assertThat(vm.runs()).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.FINISHED));
        assertThat(run(trained.deep).algorithm()).startsWith("XGBoost");
        assertThat(run(trained.linear).mainMetricText()).startsWith("RMSE ");

        // union of the keys: XGBoost's options and the linear regression's, without the algorithm and feature list
        assertThat(vm.paramKeys()).contains("max_depth", "rounds", "eta", "seed", "validation", "target", "problem_type")
                .doesNotContain("algorithm", "features");
        assertThat(vm.metricKeys()).startsWith("rmse", "mae", "r2", "mape")
                .contains("valid_rmse", "train_rmse", "train_rows", "valid_rows");
        assertThat(run(trained.linear).param("max_depth")).as("a key another run has").isNull();
    }

    @Test
    void filtersRunsByTextAndStatus() throws Exception {
        ExperimentStore store = app.engine().experiments();
        RunId failed = store.startRun(vm.experiments().getFirst().experiment().id(), "xgboost on exam_scores",
                Map.of("algorithm", "xgboost", "max_depth", "9"), Map.of());
        store.finish(failed, RunStatus.FAILED, "out of memory");
        vm.refresh();
        assertThat(vm.runs()).hasSize(4);

        vm.filterProperty().set("max_depth=5");
        assertThat(vm.visibleRuns()).extracting(RunRow::id).containsExactly(trained.deep);
        vm.filterProperty().set("LINEAR");
        assertThat(vm.visibleRuns()).extracting(RunRow::id).containsExactly(trained.linear);
        vm.filterProperty().set("xgboost");
        assertThat(vm.visibleRuns()).hasSize(3);
        vm.statusFilterProperty().set(RunStatus.FAILED);
        assertThat(vm.visibleRuns()).extracting(RunRow::id).containsExactly(failed);
        assertThat(run(failed).mainMetricText()).isEqualTo("Failed");
        vm.filterProperty().set("");
        vm.statusFilterProperty().set(null);
        assertThat(vm.visibleRuns()).hasSize(4);
    }

    @Test
    void comparesTwoRunsSideBySideWithTheirCurvesOnOneChart() {
        vm.selectRuns(List.of(run(trained.shallow)));
        assertThat(vm.canCompareProperty().get()).isFalse();
        vm.selectRuns(List.of(run(trained.shallow), run(trained.deep)));
        assertThat(vm.canCompareProperty().get()).isTrue();
        assertThat(vm.detailProperty().get().id()).as("the last one selected").isEqualTo(trained.deep);

        vm.compare();

        Comparison c = vm.comparisonProperty().get();
        assertThat(c.runs()).extracting(RunRow::id).containsExactly(trained.shallow, trained.deep);
        assertThat(c.metricKeys()).startsWith("rmse", "mae", "r2", "mape");
        assertThat(c.curveKeys()).first().isEqualTo("valid_rmse");
        assertThat(vm.curveKeyProperty().get()).isEqualTo("valid_rmse");
        var curves = c.curve("valid_rmse");
        assertThat(curves).hasSize(2);
        curves.values().forEach(points -> assertThat(points).hasSize(25));
        // the deeper trees fit the training rows more closely by the last round
        double shallowTrain = c.curve("train_rmse").get(run(trained.shallow)).getLast().value();
        double deepTrain = c.curve("train_rmse").get(run(trained.deep)).getLast().value();
        assertThat(deepTrain).isLessThan(shallowTrain);
        // the lower RMSE is marked best
        RunId best = run(trained.shallow).metric("rmse") < run(trained.deep).metric("rmse") ? trained.shallow : trained.deep;
        assertThat(c.best("rmse")).contains(best);
        assertThat(c.best("train_rows")).isEmpty();

        vm.closeComparison();
        assertThat(vm.comparisonProperty().get()).isNull();
    }

    @Test
    void aLinearRunHasNoCurveButComparesItsMetrics() {
        vm.selectRuns(List.of(run(trained.linear), run(trained.shallow)));
        vm.compare();
        Comparison c = vm.comparisonProperty().get();
        assertThat(c.curve("valid_rmse")).containsOnlyKeys(run(trained.shallow));
        assertThat(c.value(run(trained.linear), "r2")).isGreaterThan(0.8);
    }

    @Test
    void aJobThatEndsRefreshesTheRunsAndKeepsTheSelection() throws Exception {
        vm.selectRuns(List.of(run(trained.deep)));
        Engine engine = app.engine();
        var exam = TrainedWorkspace.dataset(engine, SampleWorkspace.DATASET);
        var job = jobs.submit("Train ridge", ctx -> engine.training().train(
                TrainingRequest.of(exam, SampleWorkspace.TARGET, "ridge"), ctx));
        RunId added = job.await().runId();

        assertThat(ui.drain(10)).as("the job's end reached the UI executor").isTrue();

        assertThat(vm.runs()).hasSize(4);
        assertThat(vm.runs().getFirst().id()).isEqualTo(added);
        assertThat(vm.experiments().getFirst().runCount()).isEqualTo(4);
        assertThat(vm.selectedRuns()).extracting(RunRow::id).containsExactly(trained.deep);
    }

    @Test
    void closingTheWorkspaceEmptiesThePage() {
        assertThat(vm.workspaceOpenProperty().get()).isTrue();
        app.switchEngine(null);
        assertThat(vm.workspaceOpenProperty().get()).isFalse();
        assertThat(vm.experiments()).isEmpty();
        assertThat(vm.runs()).isEmpty();
        assertThat(vm.paramKeys()).isEmpty();
        assertThat(vm.detailProperty().get()).isNull();
    }

    static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".lock")) {
                    java.nio.file.Files.copy(p, target);
                }
            }
        }
    }
}
