package dev.osprey.app.data;

import atlantafx.base.theme.PrimerLight;
import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.fx.FxThread;
import dev.osprey.core.Engine;
import dev.osprey.core.job.JobService;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.wrangle.RecipeStep;
import dev.osprey.core.wrangle.Step;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static dev.osprey.app.data.DataViewTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recipe's steps reordered with the mouse: a step dragged onto another takes its place (the
 * recipe and the preview follow, and the moved step stays selected), one dragged below the last
 * goes to the end, and undo puts the order back.
 */
@ExtendWith(ApplicationExtension.class)
class RecipeDragTest {
    @TempDir
    Path tmp;

    private AppContext app;
    private DataView view;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        app = new AppContext(new AppHome(tmp.resolve("home")), new JobService(2), new RecordingDialogs(), FxThread.executor());
        app.switchEngine(Engine.open(SampleWorkspace.ensure(tmp.resolve("sample"))));
        view = new DataView(new DataViewModel(app));
        scene = new Scene((javafx.scene.Parent) view.node(), 1500, 860);
        stage.setScene(scene);
        stage.setWidth(1500);
        stage.setHeight(860);
        stage.show();
        view.onShown();
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private String labels() {
        return String.join(" | ", view.model().recipe().steps().stream().map(RecipeStep::step).map(Step::label).toList());
    }

    /** The visible cell showing step {@code i} (the list keeps spare cells out of sight). */
    private static Node step(FxRobot robot, int i) {
        return robot.lookup("#recipeSteps .list-cell").match((Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && c.isVisible() && !c.isEmpty() && c.getIndex() == i).query();
    }

    @Test
    void dragsAStepOntoAnotherAndBelowTheLast(FxRobot robot) throws Exception {
        waitUntil(() -> !view.model().datasets().isEmpty());
        robot.clickOn(SampleWorkspace.DATASET);
        robot.clickOn("#gridTab");
        waitUntil(() -> view.model().recipe().readyProperty().get());
        var recipe = view.model().recipe();
        Step fill = new Step.FillMissing("hours_of_study", Step.FillMethod.MEAN, null);
        Step scale = new Step.Standardize("exam_score");
        Step hot = new Step.OneHotEncode("years_aws_experience", true);
        for (Step s : new Step[] {fill, scale, hot}) {
            int before = recipe.steps().size();
            robot.interact(() -> recipe.add(s));
            waitUntil(() -> recipe.steps().size() == before + 1);
        }
        waitUntil(() -> robot.lookup("#step-2").tryQuery().isPresent());
        String third = hot.label();

        // the third step onto the first: it becomes step 1, the others move down
        robot.drag(step(robot, 2)).dropTo(step(robot, 0));
        waitUntil(() -> recipe.recipe().steps().get(0).step().equals(hot));
        assertThat(recipe.recipe().steps()).extracting(RecipeStep::step).containsExactly(hot, fill, scale);
        ListView<?> list = robot.lookup("#recipeSteps").queryAs(ListView.class);
        assertThat(list.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(labels()).startsWith(third);

        // the first step dropped on the empty space below the last one goes to the end
        Node empty = robot.lookup("#recipeSteps .list-cell").match((Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && c.isEmpty() && c.isVisible() && c.getIndex() > 2).query();
        robot.drag(step(robot, 0)).dropTo(empty);
        waitUntil(() -> recipe.recipe().steps().get(2).step().equals(hot));
        assertThat(recipe.recipe().steps()).extracting(RecipeStep::step).containsExactly(fill, scale, hot);
        GridUiTest.shoot(robot, scene, "data-recipe-drag.png");

        // each drop was one edit: undo restores the order before it
        robot.interact(recipe::undo);
        waitUntil(() -> recipe.recipe().steps().get(0).step().equals(hot));
        assertThat(recipe.recipe().steps()).extracting(RecipeStep::step).containsExactly(hot, fill, scale);
    }
}
