package dev.osprey.app.train;

import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.job.JobService;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.train.TrainedModel;
import dev.osprey.core.wrangle.Recipe;
import dev.osprey.core.wrangle.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Training page's "Recipe" choice: None plus the recipes saved on the chosen dataset; training
 * through one gives a model that takes the dataset's raw columns.
 */
class TrainingRecipeChoiceTest {
    @TempDir
    Path tmp;

    private AppContext app;
    private TrainingViewModel model;
    private TrainingSetup setup;

    @BeforeEach
    void setUp() throws Exception {
        Path ws = SampleWorkspace.ensure(tmp.resolve("ws"));
        try (Engine e = Engine.open(ws)) {
            Dataset exam = e.datasets().find(SampleWorkspace.DATASET).orElseThrow();
            e.recipes().saveAs("scaled", exam.id(), Recipe.of(new Step.Standardize("hours_of_study"),
                    new Step.MinMaxScale("years_it_experience")), "exam_scaled", JobContext.NONE);
        }
        app = new AppContext(new AppHome(tmp.resolve("home")), new JobService(1), new RecordingDialogs(), Runnable::run);
        model = new TrainingViewModel(app, Runnable::run, Runnable::run);
        setup = model.setup();
        app.switchEngine(Engine.open(ws));
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void offersTheDatasetsRecipesAndTrainsThroughOne() throws Exception {
        setup.datasetProperty().set(setup.datasets().stream().filter(d -> d.name().equals(SampleWorkspace.DATASET))
                .findFirst().orElseThrow());
        assertThat(setup.recipes()).containsExactly(TrainingSetup.NO_RECIPE, "scaled");
        assertThat(setup.recipeProperty().get()).isEqualTo(TrainingSetup.NO_RECIPE);
        assertThat(setup.request().recipe()).isEmpty();

        setup.datasetProperty().set(setup.datasets().stream().filter(d -> d.name().equals("exam_scaled")).findFirst()
                .orElseThrow());
        assertThat(setup.recipes()).containsExactly(TrainingSetup.NO_RECIPE);

        setup.datasetProperty().set(setup.datasets().stream().filter(d -> d.name().equals(SampleWorkspace.DATASET))
                .findFirst().orElseThrow());
        setup.recipeProperty().set("scaled");
        setup.targetProperty().set(SampleWorkspace.TARGET);
        setup.selectAlgorithm("linear_regression");
        model.start().get(120, TimeUnit.SECONDS);
        assertThat(model.failureProperty().get()).isNull();
        TrainedModel m = model.outcomeProperty().get().result().model();
        assertThat(m.recipe().orElseThrow().describe()).isEqualTo("scaled v1");
        assertThat(m.signature().inputNames()).containsExactly("years_it_experience", "years_aws_experience",
                "hours_of_study");
        // (4, 1, 15) in raw units: the model scales them itself
        assertThat(m.predict(Map.of("years_it_experience", 4, "years_aws_experience", 1, "hours_of_study", 15)).value())
                .isBetween(840.0, 940.0);
    }
}
