package dev.osprey.app.quality;

import atlantafx.base.theme.PrimerLight;
import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.fx.FxThread;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.job.JobService;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.WritableImage;
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
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dataset with a leaky column and an imbalanced target: the leak is a High warning and a red
 * bar; choosing "(no target)" and running again drops the leakage chart and the quick model.
 */
@ExtendWith(ApplicationExtension.class)
class QualityReportLeakUiTest {
    @TempDir
    Path tmp;
    private AppContext app;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        app = new AppContext(new AppHome(tmp.resolve("home")), new JobService(2), new RecordingDialogs(), FxThread.executor());
        app.switchEngine(Engine.create(tmp.resolve("ws")));
        Random r = new Random(5);
        StringBuilder sb = new StringBuilder("tenure,monthly_fee,refund_issued,region,notes_len,churned\n");
        String[] regions = {"north", "south", "east", "west"};
        for (int i = 0; i < 800; i++) {
            boolean churn = r.nextDouble() < 0.12;
            sb.append(r.nextInt(72)).append(',').append(String.format(Locale.ROOT, "%.2f", 20 + 80 * r.nextDouble())).append(',')
                    .append(churn ? (r.nextDouble() < 0.99 ? "1" : "0") : "0").append(',').append(regions[r.nextInt(4)]).append(',')
                    .append(i % 3 == 0 ? "" : Integer.toString(r.nextInt(400))).append(',').append(churn ? "left" : "stayed").append('\n');
        }
        Path csv = Files.writeString(tmp.resolve("churn.csv"), sb.toString());
        Dataset d = app.engine().datasets().importFile(ImportRequest.of(csv), JobContext.NONE);
        QualityReportView view = new QualityReportView(new QualityReportViewModel(app, d.id(), Optional.of("churned")),
                (owner, name) -> Optional.empty());
        scene = new Scene((Parent) view.node(), 1280, 900);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void theLeakIsAHighWarningAndARedBar(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#leakageChart").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Label first = robot.lookup("#qualityWarnings .severity").queryAs(Label.class);
        assertThat(first.getText()).isEqualTo("High");
        assertThat(robot.lookup("#qualityWarnings .warning-column").queryAs(Label.class).getText()).isEqualTo("refund_issued");
        BarChart<?, ?> leakage = robot.lookup("#leakageChart").query();
        assertThat(leakage.getData().get(0).getData()).filteredOn(d -> d.getNode().getPseudoClassStates().contains(MiniCharts.FLAGGED))
                .extracting(d -> (Object) d.getYValue()).containsExactly("refund_issued");
        assertThat(robot.lookup("#importanceChart").tryQuery()).isPresent();

        ComboBox<String> target = robot.lookup("#qualityTarget").queryComboBox();
        assertThat(target.getValue()).isEqualTo("churned");
        assertThat(robot.from(target).lookup(".list-cell").queryAllAs(ListCell.class)).extracting(ListCell::getText).contains("churned");
        assertThat(target.getItems()).containsExactly(QualityReportViewModel.NO_TARGET, "tenure", "monthly_fee", "refund_issued",
                "region", "notes_len", "churned");
        shoot("quality-report-leak.png");
        robot.clickOn(target);
        robot.clickOn(QualityReportViewModel.NO_TARGET);
        robot.clickOn("#qualityRun");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#qualityColumns").tryQuery().isPresent()
                && robot.lookup("#leakageChart").tryQuery().isEmpty()
                && !robot.lookup("#qualityRun").query().isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#importanceChart").tryQuery()).isEmpty();
        assertThat(robot.lookup(".section-caption").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.startsWith("No target column"));
        Node summary = robot.lookup("#qualitySummary").query();
        assertThat(summary).isNotNull();
        shoot("quality-report-no-target.png");
    }

    private void shoot(String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        for (Path dir : new Path[]{Path.of("target", "screenshots"), Path.of("/tmp/shots")}) {
            Files.createDirectories(dir);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name).toFile());
        }
    }
}
