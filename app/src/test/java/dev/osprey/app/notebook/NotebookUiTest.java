package dev.osprey.app.notebook;

import dev.osprey.app.AppHome;
import dev.osprey.app.StudioPages;
import dev.osprey.app.shell.StudioSession;
import dev.osprey.core.Engine;
import dev.osprey.core.sample.SampleNotebooks;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.notebook.model.Cell;
import dev.osprey.notebook.model.Notebooks;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Notebooks page through the real main window and a real kernel: a new notebook, a cell typed
 * and run with Shift+Enter, an endless loop stopped from the toolbar, the sample notebook shown.
 */
@ExtendWith(ApplicationExtension.class)
class NotebookUiTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path tmp;

    private StudioSession session;
    private Path workspace;

    @Start
    void start(Stage stage) throws Exception {
        workspace = SampleWorkspace.ensure(tmp.resolve("sample"));
        session = StudioSession.create(new AppHome(tmp.resolve("home")), stage, new StudioPages());
        session.context().switchEngine(Engine.open(workspace));
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            session.close();
            session.stage().hide();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void typeACellRunItWithShiftEnterAndInterruptALoopFromTheToolbar(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitFor(() -> find(robot, "#newNotebookButton").tryQuery().isPresent());
        waitFor(() -> notebookNames().contains(SampleNotebooks.EXAM_SCORE_REGRESSION));
        robot.clickOn(find(robot, "#newNotebookButton").queryAs(Node.class));
        waitFor(() -> find(robot, "#notebookTitle").tryQuery().isPresent()
                && "Untitled".equals(find(robot, "#notebookTitle").queryAs(Label.class).getText()));
        assertThat(notebookNames()).contains("Untitled.ipynb");
        waitFor(() -> "Java · idle".equals(find(robot, "#kernelStatus").queryAs(Label.class).getText()));

        robot.clickOn(find(robot, ".nb-code").queryAs(Node.class));
        robot.write("1 + 1");
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        waitFor(() -> find(robot, ".nb-result").tryQuery().isPresent());
        assertThat(find(robot, ".nb-result").queryAs(Label.class).getText()).isEqualTo("2");
        assertThat(find(robot, ".nb-prompt").queryAllAs(Label.class).stream().map(Label::getText).toList())
                .startsWith("[1]:");

        // Shift+Enter moved to a new cell, in edit mode: an endless loop, then Interrupt
        waitFor(() -> find(robot, ".nb-code").queryAll().size() == 2);
        robot.write("System.out.println(\"spinning\");\nwhile (true) { }");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> "Java · busy".equals(find(robot, "#kernelStatus").queryAs(Label.class).getText()));
        waitFor(() -> find(robot, ".nb-stdout").tryQuery().isPresent());
        screenshot("notebook-running.png");
        robot.clickOn(find(robot, "#interruptButton").queryAs(Node.class));
        waitFor(() -> "Java · idle".equals(find(robot, "#kernelStatus").queryAs(Label.class).getText()));
        waitFor(() -> find(robot, ".nb-error").tryQuery().isPresent());
        assertThat(find(robot, ".nb-error").queryAs(Label.class).getText()).containsIgnoringCase("interrupt");

        // an error points at its line
        // command mode: Esc, B inserts a cell below, Enter edits it
        robot.type(KeyCode.ESCAPE).type(KeyCode.B).type(KeyCode.ENTER);
        robot.write("int[] scores = new int[3];\nscores[3] = 890;");
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        waitFor(() -> find(robot, ".nb-error").queryAll().size() == 2);
        screenshot("notebook-new.png");

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        Path saved = workspace.resolve("notebooks").resolve("Untitled.ipynb");
        waitFor(() -> Notebooks.read(saved).cells().stream().map(Cell::source).toList().contains("1 + 1"));
    }

    @Test
    void theSampleNotebookOpensWithMarkdownAndHighlightedCode(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitFor(() -> notebookNames().contains(SampleNotebooks.EXAM_SCORE_REGRESSION));
        robot.clickOn(SampleNotebooks.EXAM_SCORE_REGRESSION);
        waitFor(() -> find(robot, "#notebookTitle").tryQuery().isPresent()
                && "exam-score-regression".equals(find(robot, "#notebookTitle").queryAs(Label.class).getText()));
        assertThat(find(robot, ".nb-markdown").queryAll()).hasSize(3);
        assertThat(find(robot, ".nb-code").queryAll()).hasSize(3);
        waitFor(() -> !find(robot, ".nb-code .java-keyword").queryAll().isEmpty());
        waitFor(() -> "Java · idle".equals(find(robot, "#kernelStatus").queryAs(Label.class).getText()));
        screenshot("notebook-sample.png");
    }

    private List<String> notebookNames() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            ListView<?> list = (ListView<?>) session.window().scene().lookup("#notebookList");
            return list == null ? List.<String>of() : list.getItems().stream().map(p -> ((Path) p).getFileName().toString()).toList();
        }).get(5, TimeUnit.SECONDS);
    }

    private NodeQuery find(FxRobot robot, String query) {
        return robot.from(session.window().scene().getRoot()).lookup(query);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        var image = WaitForAsyncUtils.asyncFx(() -> session.window().scene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SCREENSHOTS.resolve(name).toFile());
    }
}
