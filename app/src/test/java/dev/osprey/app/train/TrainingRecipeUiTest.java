package dev.osprey.app.train;

import dev.osprey.app.AppHome;
import dev.osprey.app.StudioPages;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.app.shell.StudioSession;
import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.experiment.Experiment;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.train.Algorithm;
import dev.osprey.core.wrangle.Recipe;
import dev.osprey.core.wrangle.Step;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Training page's "Recipe" choice, clicked as a user would: the run trains through the saved recipe. */
@ExtendWith(ApplicationExtension.class)
class TrainingRecipeUiTest {
    @TempDir
    Path tmp;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private StudioSession session;

    @Start
    void start(Stage stage) throws Exception {
        Path workspace = SampleWorkspace.ensure(tmp.resolve("exam-study"));
        try (Engine e = Engine.open(workspace)) {
            Dataset exam = e.datasets().find(SampleWorkspace.DATASET).orElseThrow();
            e.recipes().saveAs("scaled", exam.id(), Recipe.of(new Step.Standardize("hours_of_study"),
                    new Step.MinMaxScale("years_it_experience")), "exam_scaled", JobContext.NONE);
        }
        session = StudioSession.create(new AppHome(tmp.resolve("home")), stage, new StudioPages(), owner -> dialogs);
        session.context().switchEngine(Engine.open(workspace));
        stage.setWidth(1440);
        stage.setHeight(900);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            session.close();
            session.stage().hide();
        }).get(20, TimeUnit.SECONDS);
    }

    @Test
    void trainsThroughTheChosenRecipe(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#trainingPage").tryQuery().isPresent());
        waitFor(() -> robot.lookup("#datasetChoice").queryComboBox().getValue() != null);
        choose(robot, "#datasetChoice", SampleWorkspace.DATASET + " ");
        waitFor(() -> robot.lookup("#recipeChoice").tryQuery().isPresent());
        ComboBox<?> recipe = robot.lookup("#recipeChoice").queryComboBox();
        waitFor(() -> recipe.getItems().size() == 2);
        assertThat(recipe.getValue()).isEqualTo(TrainingSetup.NO_RECIPE);
        screenshot("/tmp/shots/training-recipe-choice.png");
        choose(robot, "#recipeChoice", "scaled");
        choose(robot, "#algorithmChoice", "Linear regression");
        ComboBox<?> algorithms = robot.lookup("#algorithmChoice").queryComboBox();
        waitFor(() -> algorithms.getValue() != null && ((Algorithm) algorithms.getValue()).id().equals("linear_regression"));
        screenshot("/tmp/shots/training-recipe-form.png");

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#metricsTable").tryQuery().isPresent()
                && !robot.lookup("#metricsTable").queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents(5);
        screenshot("/tmp/shots/training-recipe-result.png");

        Engine engine = session.context().engine();
        Experiment exp = engine.experiments().experiments().stream()
                .filter(x -> x.name().equals(SampleWorkspace.DATASET + " / " + SampleWorkspace.TARGET)).findFirst().orElseThrow();
        List<Run> runs = engine.experiments().runs(exp.id());
        assertThat(runs.getFirst().tags()).containsEntry("osprey.recipe.name", "scaled")
                .containsEntry("osprey.recipe.raw_rows", "true");
        assertThat(dialogs.errors).isEmpty();
    }

    /** Opens the combo box and clicks the item whose text starts with {@code text}. */
    private static void choose(FxRobot robot, String combo, String text) throws Exception {
        ComboBox<?> box = robot.lookup(combo).queryComboBox();
        robot.clickOn(box);
        waitFor(() -> cell(robot, text) != null);
        robot.clickOn(cell(robot, text));
        waitFor(() -> !box.isShowing());
    }

    private static Node cell(FxRobot robot, String text) {
        return robot.lookup(".combo-box-popup .list-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((ListCell<?>) n).getText() != null && ((ListCell<?>) n).getText().startsWith(text))
                .findFirst().orElse(null);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    private void screenshot(String name) throws Exception {
        Path file = Path.of(name);
        Files.createDirectories(file.getParent());
        var image = WaitForAsyncUtils.asyncFx(() -> session.window().scene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
