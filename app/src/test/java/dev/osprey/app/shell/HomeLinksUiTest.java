package dev.osprey.app.shell;

import dev.osprey.app.AppHome;
import dev.osprey.app.StudioPages;
import dev.osprey.app.experiments.RunRow;
import dev.osprey.app.experiments.TrainedWorkspace;
import dev.osprey.core.Engine;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Home's models, runs and notebooks lead to their pages with the chosen one shown, by mouse and by keyboard. */
@ExtendWith(ApplicationExtension.class)
class HomeLinksUiTest {
    @TempDir
    Path tmp;

    private StudioSession session;
    private TrainedWorkspace trained;

    @Start
    void start(Stage stage) throws Exception {
        trained = TrainedWorkspace.create(tmp.resolve("exam"));
        stage.setWidth(1280);
        stage.setHeight(860);
        session = StudioSession.create(new AppHome(tmp.resolve("home")), stage, new StudioPages(), owner -> new RecordingDialogs());
        session.context().switchEngine(Engine.open(trained.root));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            session.close();
            session.stage().hide();
        }).get(20, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }

    private org.testfx.service.query.NodeQuery find(FxRobot robot, String query) {
        return robot.from(session.window().scene().getRoot()).lookup(query);
    }

    private Node entry(FxRobot robot, String list, String name) {
        return find(robot, list + " .item-name").queryAll().stream()
                .filter(n -> name.equals(((Labeled) n).getText())).findFirst().orElseThrow().getParent().getParent();
    }

    private void goHome(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aModelARunAndANotebookOnHomeOpenTheirPages(FxRobot robot) throws Exception {
        waitFor(() -> find(robot, "#home-models .item-name").queryAll().size() == 1
                && find(robot, "#home-runs .item-name").queryAll().size() == 3
                && !find(robot, "#home-notebooks .item-name").queryAll().isEmpty());
        screenshot("home-with-models-and-runs");

        // a model: the Models page with that model selected
        robot.clickOn(entry(robot, "#home-models", TrainedWorkspace.MODEL));
        waitFor(() -> session.window().viewModel().page() == NavItem.MODELS
                && TrainedWorkspace.MODEL.equals(find(robot, "#modelTitle").queryLabeled().getText()));

        // a run: the Experiments page with the run selected in the table
        goHome(robot);
        Node newest = find(robot, "#home-runs .item").queryAll().iterator().next();
        robot.clickOn(newest);
        waitFor(() -> {
            if (session.window().viewModel().page() != NavItem.EXPERIMENTS) {
                return false;
            }
            @SuppressWarnings("unchecked") TableView<RunRow> table = (TableView<RunRow>) find(robot, "#runTable").query();
            RunRow selected = table.getSelectionModel().getSelectedItem();
            return selected != null && selected.id().equals(trained.linear);
        });

        // a notebook, by keyboard: focus the entry and press Enter; it opens in a tab
        goHome(robot);
        Node notebook = find(robot, "#home-notebooks .item").queryAll().iterator().next();
        String name = ((Labeled) robot.from(notebook).lookup(".item-name").query()).getText();
        WaitForAsyncUtils.asyncFx(notebook::requestFocus).get(5, TimeUnit.SECONDS);
        assertThat(notebook.isFocusTraversable()).isTrue();
        robot.type(KeyCode.ENTER);
        waitFor(() -> session.window().viewModel().page() == NavItem.NOTEBOOKS
                && ((TabPane) find(robot, "#notebookTabs").query()).getTabs().stream()
                .anyMatch(t -> t.getText() != null && t.getText().contains(name)));
    }

    private void screenshot(String name) throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> session.window().scene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
    }
}
