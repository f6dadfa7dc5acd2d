package dev.osprey.app.endpoints;

import dev.osprey.app.AppHome;
import dev.osprey.app.StudioPages;
import dev.osprey.app.experiments.StudioPageRobot;
import dev.osprey.app.experiments.TrainedWorkspace;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.app.shell.StudioSession;
import dev.osprey.core.Engine;
import dev.osprey.core.deploy.EndpointName;
import dev.osprey.core.deploy.EndpointState;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
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
import java.util.concurrent.TimeUnit;

import static dev.osprey.app.experiments.StudioPageRobot.onFx;
import static dev.osprey.app.experiments.StudioPageRobot.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exam-score model deployed from the Models page as a real server process on a free port,
 * called from the Endpoints page's "try it" form over HTTP, and stopped.
 */
@ExtendWith(ApplicationExtension.class)
class EndpointsUiTest {
    @TempDir
    Path tmp;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private StudioSession session;
    private TrainedWorkspace trained;

    @Start
    void start(Stage stage) throws Exception {
        trained = TrainedWorkspace.create(tmp.resolve("exam-study"));
        session = StudioSession.create(new AppHome(tmp.resolve("home")), stage, new StudioPages(), owner -> dialogs);
        session.context().switchEngine(Engine.open(trained.root));
        stage.setWidth(1360);
        stage.setHeight(900);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            session.close();
            session.stage().hide();
        }).get(30, TimeUnit.SECONDS);
    }

    @Test
    void deploysTheExamScoreModelCallsItFromTryItAndStopsIt(FxRobot robot) throws Exception {
        StudioPageRobot page = new StudioPageRobot(session, robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.DIGIT8, KeyCode.CONTROL);
        waitFor(() -> page.find("#deployVersionButton").tryQuery().isPresent()
                && !page.find("#deployVersionButton").query().isDisabled());
        robot.clickOn(page.find("#deployVersionButton").queryAs(Node.class));

        // the Endpoints page opens with exam-score v1 chosen; any free port keeps the test off 8080
        waitFor(() -> page.find("#deployButton").tryQuery().isPresent() && !page.find("#deployButton").query().isDisabled());
        TextField port = page.find("#deployPort").queryAs(TextField.class);
        robot.clickOn(port).write("0");
        robot.clickOn(page.find("#deployButton").queryAs(Node.class));
        page.waitOrShow("endpoint-ready", () -> "ready".equals(onFx(() -> page.find("#endpointStatus").queryAs(Label.class).getText())));
        String url = onFx(() -> page.find("#endpointUrl").queryAs(TextField.class).getText());
        assertThat(url).startsWith("http://127.0.0.1:");
        assertThat(((ListView<?>) page.find("#endpointList").query()).getItems()).hasSize(1);

        waitFor(() -> page.find("#try-hours_of_study").tryQuery().isPresent());
        robot.clickOn(page.find("#try-years_it_experience").queryAs(Node.class)).write("4");
        robot.clickOn(page.find("#try-years_aws_experience").queryAs(Node.class)).write("1");
        robot.clickOn(page.find("#try-hours_of_study").queryAs(Node.class)).write("15");
        robot.clickOn(page.find("#tryItSend").queryAs(Node.class));
        page.waitOrShow("try-it", () -> !onFx(() -> page.find("#tryItResult").queryAs(Label.class).getText()).isEmpty()
                || !onFx(() -> page.find("#tryItError").queryAs(Label.class).getText()).isEmpty());
        assertThat(onFx(() -> page.find("#tryItError").queryAs(Label.class).getText())).isEmpty();
        assertThat(onFx(() -> page.find("#curlCommand").queryAs(TextField.class).getText()))
                .isEqualTo("curl -s " + url + "invocations -H 'Content-Type: text/csv' --data-binary '4,1,15'");
        double score = Double.parseDouble(onFx(() -> page.find("#tryItResult").queryAs(Label.class).getText()).replace(",", ""));
        assertThat(score).isBetween(840.0, 940.0);
        // one poll after the call, so the traffic line shows it
        page.waitOrShow("traffic", () -> onFx(() -> page.find("#endpointStats").queryAs(Label.class).getText())
                .contains("1 requests"));
        screenshot("endpoints-try-it.png");

        robot.clickOn(page.find("#stopButton").queryAs(Node.class));
        page.waitOrShow("stopped", () -> "stopped".equals(onFx(() -> page.find("#endpointStatus").queryAs(Label.class).getText())));
        waitFor(() -> session.context().engine().endpoints().find(new EndpointName(TrainedWorkspace.MODEL)).orElseThrow()
                .state() == EndpointState.STOPPED);

        // the batch transform tab scores a file with the same version
        Path rows = Files.writeString(tmp.resolve("rows.csv"),
                "years_it_experience,years_aws_experience,hours_of_study\n4,1,15\n2,x,10\n6,3,30\n");
        robot.clickOn(onFx(() -> robot.lookup(".tab-label").queryAll().stream()
                .filter(l -> l instanceof Label lbl && "Batch transform".equals(lbl.getText())).findFirst().orElseThrow()));
        waitFor(() -> page.find("#batchInput").query().isVisible());
        robot.clickOn(page.find("#batchInput").queryAs(Node.class)).write(rows.toString());
        robot.clickOn(page.find("#batchRun").queryAs(Node.class));
        page.waitOrShow("batch", () -> !onFx(() -> page.find("#batchSummary").queryAs(Label.class).getText()).isEmpty());
        assertThat(onFx(() -> page.find("#batchSummary").queryAs(Label.class).getText())).startsWith("2 rows scored, 1 rejected");
        assertThat(Files.readAllLines(tmp.resolve("rows-scored.csv"))).hasSize(3);
        screenshot("endpoints-batch.png");
        assertThat(dialogs.errors).isEmpty();
    }

    private void screenshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        var image = onFx(() -> session.window().scene().snapshot(null));
        Path dir = Path.of("/tmp/shots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name).toFile());
    }
}
