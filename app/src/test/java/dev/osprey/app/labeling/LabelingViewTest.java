package dev.osprey.app.labeling;

import atlantafx.base.theme.PrimerLight;
import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.fx.FxThread;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.core.Engine;
import dev.osprey.core.job.JobService;
import dev.osprey.core.label.LabelFormat;
import dev.osprey.core.label.LabelService;
import dev.osprey.labeling.LabelingPanel;
import javafx.application.Application;
import javafx.scene.Scene;
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
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Labeling page: two annotators' labels consolidated and exported from the dashboard, and a session started from it. */
@ExtendWith(ApplicationExtension.class)
class LabelingViewTest {
    @TempDir
    Path tmp;

    private AppContext app;
    private LabelingView view;
    private LabelingViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        app = new AppContext(new AppHome(tmp.resolve("home")), new JobService(2), new RecordingDialogs(), FxThread.executor());
        Engine engine = Engine.create(tmp.resolve("ws"));
        app.switchEngine(engine);
        LabelService labels = engine.labeling();
        labels.store().create(new dev.osprey.core.label.LabelJobSpec("reviews",
                dev.osprey.core.label.LabelTaskType.TEXT_CLASSIFICATION, dev.osprey.core.label.LabelClass.of("neg", "pos"),
                "Is the review positive?", 3), List.of("great film", "dull", "fine", "awful", "meh"));
        Path ann = tmp.resolve("ann.csv");
        Files.writeString(ann, "source,label\ngreat film,pos\ndull,neg\nfine,pos\nawful,neg\nmeh,neg\n");
        Path bob = tmp.resolve("bob.csv");
        Files.writeString(bob, "source,label\ngreat film,pos\ndull,neg\nfine,neg\nawful,neg\nmeh,pos\n");
        labels.importFile("reviews", LabelFormat.CSV, ann, "ann");
        labels.importFile("reviews", LabelFormat.CSV, bob, "bob");
        model = new LabelingViewModel(app, Executors.newSingleThreadExecutor());
        view = new LabelingView(model, app.dialogs());
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1280, 860));
        stage.sizeToScene(); // the shared test stage keeps the size an earlier test gave it otherwise
        stage.show();
        view.onShown();
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void consolidatesExportsAndStartsASession(FxRobot robot) throws Exception {
        waitUntil(() -> model.summaryProperty().get() != null);
        assertThat(robot.lookup("#agreement").queryLabeled().getText()).contains("Cohen's κ 0.", "Krippendorff's α");
        assertThat(robot.lookup("#jobProgress").queryLabeled().getText()).contains("0 of 5 items done");

        robot.clickOn("#consolidate");
        waitUntil(() -> model.messageProperty().get().startsWith("Consolidated 5 items"));
        assertThat(tmp.resolve("ws/labeling/reviews/output.manifest")).exists();

        robot.clickOn("#exportMenu").clickOn("#export-groundtruth");
        waitUntil(() -> model.messageProperty().get().startsWith("Exported 5 items"));
        List<String> manifest = Files.readAllLines(tmp.resolve("ws/labeling/reviews/export.manifest"));
        assertThat(manifest).hasSize(5);
        assertThat(manifest.getFirst()).contains("\"source\":\"great film\"", "\"class-name\":\"pos\"", "\"human-annotated\":\"yes\"");
        snapshot(robot, "labeling-dashboard.png");

        // a reviewer settles the first item of the review queue as "pos"
        robot.interact(() -> robot.lookup("#labelingScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1.0));
        robot.clickOn(robot.lookup("#reviewQueue .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.clickOn("#settle-1");
        waitUntil(() -> model.messageProperty().get().contains("settled as pos"));

        robot.interact(() -> robot.lookup("#labelingScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0.0));
        robot.doubleClickOn("#annotatorName").write("cy");
        robot.clickOn("#startLabeling");
        waitUntil(() -> robot.lookup("#labelingPanel").tryQuery().isPresent());
        LabelingPanel panel = robot.lookup("#labelingPanel").queryAs(LabelingPanel.class);
        waitUntil(() -> panel.session().itemProperty().get() != null);
        robot.type(KeyCode.DIGIT2).type(KeyCode.ENTER);
        waitUntil(() -> panel.session().submittedProperty().get() == 1);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#labelingPanel").tryQuery().isEmpty());
        waitUntil(() -> model.summaryProperty().get().stats().annotators().containsKey("cy"));
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        Files.createDirectories(Path.of("/tmp/shots"));
        WaitForAsyncUtils.asyncFx(() -> {
            WritableImage img = view.node().getScene().snapshot(null);
            BufferedImage out = new BufferedImage((int) img.getWidth(), (int) img.getHeight(), BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    out.setRGB(x, y, img.getPixelReader().getArgb(x, y));
                }
            }
            try {
                ImageIO.write(out, "png", Path.of("/tmp/shots", name).toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(10, TimeUnit.SECONDS);
    }
}
