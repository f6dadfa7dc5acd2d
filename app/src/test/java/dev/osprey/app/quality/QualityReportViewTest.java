package dev.osprey.app.quality;

import atlantafx.base.theme.PrimerLight;
import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.fx.FxThread;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.JobService;
import dev.osprey.core.sample.SampleWorkspace;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report view on the exam-score sample, in a plain stage as the Data page would host it: it
 * starts by itself, shows progress, then the warnings, column table, charts and quick model;
 * "Export HTML…" writes the file. Screenshots go to /tmp/shots and target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class QualityReportViewTest {
    @TempDir
    Path tmp;
    private AppContext app;
    private QualityReportView view;
    private Scene scene;
    private Path exported;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        app = new AppContext(new AppHome(tmp.resolve("home")), new JobService(2), new RecordingDialogs(), FxThread.executor());
        app.switchEngine(Engine.open(SampleWorkspace.ensure(tmp.resolve("ws"))));
        Dataset exam = app.engine().datasets().find(SampleWorkspace.DATASET).orElseThrow();
        exported = tmp.resolve("out").resolve("exam-quality.html");
        view = new QualityReportView(new QualityReportViewModel(app, exam.id(), Optional.empty()),
                (owner, suggested) -> Optional.of(exported));
        scene = new Scene((Parent) view.node(), 1280, 900);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void showsTheReportOfTheExamScoresAndExportsIt(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#qualityColumns").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#qualityTitle").queryAs(Label.class).getText()).isEqualTo("Data quality \u00b7 exam_scores");
        assertThat(robot.lookup("#qualityProgress").query().getParent().isVisible()).as("progress row after the report").isFalse();
        TableView<?> columns = robot.lookup("#qualityColumns").queryTableView();
        assertThat(columns.getItems()).hasSize(4);
        assertThat(robot.lookup(".mini-histogram").queryAll()).isNotEmpty();
        BarChart<?, ?> leakage = robot.lookup("#leakageChart").query();
        assertThat(leakage.getData().get(0).getData()).hasSize(3);
        assertThat(robot.lookup("#importanceChart").tryQuery()).isPresent();
        assertThat(robot.lookup("#quickModelMetrics").tryQuery()).isPresent();
        assertThat(robot.lookup("#qualityWarnings").queryAs(VBox.class).getChildren()).isNotEmpty();
        shoot("quality-report.png");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#qualityContent").queryAs(ScrollPane.class).setVvalue(1)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        shoot("quality-report-bottom.png");

        robot.clickOn("#qualityExport");
        waitFor(() -> Files.exists(exported));
        assertThat(Files.readString(exported)).contains("exam_scores").doesNotContain("http://");
        Files.createDirectories(Path.of("/tmp/shots"));
        Files.copy(exported, Path.of("/tmp/shots/quality-report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void shoot(String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        for (Path dir : new Path[]{Path.of("target", "screenshots"), Path.of("/tmp/shots")}) {
            Files.createDirectories(dir);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name).toFile());
        }
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
    }
}
