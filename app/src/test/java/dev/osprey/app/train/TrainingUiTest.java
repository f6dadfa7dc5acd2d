package dev.osprey.app.train;

import dev.osprey.app.AppHome;
import dev.osprey.app.StudioPages;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.app.shell.StudioSession;
import dev.osprey.core.Engine;
import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.experiment.Experiment;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.experiment.RunStatus;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.train.Algorithm;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Training page through the real main window: train the exam-score model and register it;
 * cancel a long boosted-trees run; a classifier's result. Saves screenshots to look at.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingUiTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path tmp;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private StudioSession session;

    @Start
    void start(Stage stage) throws Exception {
        Path workspace = SampleWorkspace.ensure(tmp.resolve("exam-study"));
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
    void trainTheExamScoreModelAndRegisterIt(FxRobot robot) throws Exception {
        openTrainingPage(robot);
        assertThat(find(robot, "#targetChoice").queryComboBox().getValue()).isEqualTo(SampleWorkspace.TARGET);
        assertThat(((SetupForm.TypeOption) find(robot, "#problemTypeChoice").queryComboBox().getValue()).text())
                .isEqualTo("Regression (inferred)");

        chooseAlgorithm(robot, "Linear regression (least squares)");
        screenshot("training-form.png");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitFor(() -> find(robot, "#metricsTable").tryQuery().isPresent()
                && !find(robot, "#metricsTable").queryTableView().getItems().isEmpty());
        waitForLayout();
        TableView<?> metrics = find(robot, "#metricsTable").queryTableView();
        assertThat(metrics.getItems()).extracting(r -> ((MetricRow) r).name()).contains("R²", "RMSE");
        assertThat(find(robot, "#runState").queryAs(Label.class).getText()).isEqualTo("Done");
        assertThat(find(robot, "#predictedChart").tryQuery()).isPresent();
        assertThat(find(robot, "#importanceChart").tryQuery()).isPresent();
        // the residual plot is of the held-out rows, and its caption says how many
        assertThat(find(robot, "#residualCard .card-caption").queryAs(Label.class).getText())
                .isEqualTo("Actual minus predicted, against the prediction. Held out: all 200 validation rows");
        waitForLayout();
        screenshot("training-result.png");
        scrollToBottom(robot);
        screenshot("training-result-plots.png");
        screenshot("/tmp/shots/training-heldout-residuals.png");

        robot.clickOn(find(robot, "#exportNotebook").queryAs(Node.class));
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS);
        assertThat(copied).contains("exam_scores").contains("linear_regression");

        robot.clickOn(find(robot, "#registerButton").queryAs(Node.class));
        waitFor(() -> find(robot, "#modelName").queryAs(TextField.class).isVisible());
        robot.clickOn(find(robot, "#modelName").queryAs(Node.class));
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("exam-score");
        robot.clickOn(find(robot, "#registerConfirm").queryAs(Node.class));
        waitFor(() -> find(robot, "#registeredVersion").queryAs(Label.class).isVisible());
        assertThat(find(robot, "#registeredVersion").queryAs(Label.class).getText()).isEqualTo("Registered: exam-score version 1");

        List<ModelVersion> versions = session.context().engine().registry().versions("exam-score");
        assertThat(versions).extracting(ModelVersion::version).containsExactly(1);
        screenshot("training-registered.png");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void cancelStopsALongBoostedTreesRun(FxRobot robot) throws Exception {
        Path csv = writeWideCsv(tmp.resolve("sensors.csv"), 60_000);
        session.context().engine().datasets().importFile(new ImportRequest(csv, "sensors", DataFormat.CSV,
                StorageMode.COPY), JobContext.NONE);
        openTrainingPage(robot);
        ComboBox<?> datasets = find(robot, "#datasetChoice").queryComboBox();
        waitFor(() -> datasets.getItems().size() == 2);
        choose(robot, "#datasetChoice", "sensors");
        choose(robot, "#targetChoice", "energy");
        assertThat(((Algorithm) find(robot, "#algorithmChoice").queryComboBox().getValue()).id()).isEqualTo("xgboost");

        TextField rounds = find(robot, "#option-rounds").queryAs(TextField.class);
        robot.doubleClickOn(rounds);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("5000");
        TextField eta = find(robot, "#option-eta").queryAs(TextField.class);
        robot.doubleClickOn(eta);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("0.02");
        // Ten folds and a final fit of 5,000 rounds each: long enough to see the curve and cancel it.
        TextField depth = find(robot, "#option-max_depth").queryAs(TextField.class);
        robot.doubleClickOn(depth);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("10");
        choose(robot, "#validationChoice", "k-fold");
        TextField folds = find(robot, "#folds").queryAs(TextField.class);
        robot.doubleClickOn(folds);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("10");
        assertThat(rounds.getText()).isEqualTo("5000");
        assertThat(depth.getText()).isEqualTo("10");
        assertThat(folds.getText()).isEqualTo("10");
        robot.clickOn(find(robot, "#startButton").queryAs(Node.class));

        LineChart<?, ?> chart = find(robot, "#liveChart").queryAs(LineChart.class);
        waitFor(() -> !chart.getData().isEmpty() && chart.getData().getFirst().getData().size() >= 60);
        waitForLayout();
        screenshot("training-live.png");
        assertThat(find(robot, "#runState").queryAs(Label.class).getText()).isEqualTo("Running");
        // the curve says it may be measured on a sample; the scores use every held-out row
        assertThat(find(robot, "#liveCaption").queryAs(Label.class).isVisible()).isTrue();

        robot.clickOn(find(robot, "#cancelButton").queryAs(Node.class));
        waitFor(() -> "Cancelled".equals(find(robot, "#runState").queryAs(Label.class).getText()));
        waitFor(() -> session.context().jobs().activeJobs().isEmpty());
        assertThat(session.context().jobs().jobs().getLast().status().label()).isEqualTo("Cancelled");
        Engine engine = session.context().engine();
        Experiment exp = engine.experiments().experiments().stream().filter(e -> e.name().startsWith("sensors"))
                .findFirst().orElseThrow();
        List<Run> runs = engine.experiments().runs(exp.id());
        assertThat(runs).extracting(Run::status).containsExactly(RunStatus.CANCELLED);
        assertThat(find(robot, "#resultPanel").queryAs(Node.class).isVisible()).isFalse();
        screenshot("training-cancelled.png");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aClassifierShowsItsConfusionMatrixAndRocCurve(FxRobot robot) throws Exception {
        Path csv = tmp.resolve("churn.csv");
        StringBuilder sb = new StringBuilder("tenure_months,monthly_fee,support_calls,churned\n");
        Random r = new Random(11);
        for (int i = 0; i < 600; i++) {
            int tenure = r.nextInt(72);
            int fee = 20 + r.nextInt(90);
            int calls = r.nextInt(8);
            boolean churned = fee / 110.0 - tenure / 72.0 + calls / 10.0 + r.nextGaussian() * 0.25 > 0.25;
            sb.append(tenure).append(',').append(fee).append(',').append(calls).append(',').append(churned ? 1 : 0).append('\n');
        }
        Files.writeString(csv, sb);
        session.context().engine().datasets().importFile(new ImportRequest(csv, "churn", DataFormat.CSV,
                StorageMode.COPY), JobContext.NONE);
        openTrainingPage(robot);
        choose(robot, "#datasetChoice", "churn");
        choose(robot, "#targetChoice", "churned");
        assertThat(((SetupForm.TypeOption) find(robot, "#problemTypeChoice").queryComboBox().getValue()).text())
                .isEqualTo("Binary classification (inferred)");
        chooseAlgorithm(robot, "Random forest");
        robot.clickOn(find(robot, "#startButton").queryAs(Node.class));
        waitFor(() -> find(robot, "#confusionMatrix").tryQuery().isPresent() && find(robot, "#rocChart").tryQuery().isPresent());
        waitForLayout();
        screenshot("training-result-classification.png");
        scrollToBottom(robot);
        screenshot("training-result-classification-plots.png");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void noTargetClustersTheRowsAndShowsTheClusterSizes(FxRobot robot) throws Exception {
        openTrainingPage(robot);
        choose(robot, "#targetChoice", TrainingSetup.NO_TARGET);
        assertThat(find(robot, "#problemTypeChoice").queryComboBox().isDisabled()).isTrue();
        assertThat(find(robot, "#noValidationHint").queryAs(Label.class).isVisible()).isTrue();
        ComboBox<?> algorithms = find(robot, "#algorithmChoice").queryComboBox();
        waitFor(() -> algorithms.getValue() != null && ((Algorithm) algorithms.getValue()).id().equals("kmeans"));
        TextField k = find(robot, "#option-k").queryAs(TextField.class);
        robot.clickOn(k);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("4");
        robot.clickOn(find(robot, "#startButton").queryAs(Node.class));

        waitFor(() -> find(robot, "#clusterChart").tryQuery().isPresent());
        waitForLayout();
        javafx.scene.chart.BarChart<?, ?> chart = find(robot, "#clusterChart").queryAs(javafx.scene.chart.BarChart.class);
        assertThat(chart.getData().getFirst().getData()).hasSize(4);
        TableView<?> metrics = find(robot, "#metricsTable").queryTableView();
        assertThat(metrics.getItems()).extracting(r -> ((MetricRow) r).name())
                .contains("Silhouette", "Within-cluster sum of squares", "Training rows").doesNotContain("Validation rows");
        assertThat(find(robot, "#predictedChart").tryQuery()).isEmpty();
        screenshot("/tmp/shots/training-clustering-result.png");
        scrollToBottom(robot);
        screenshot("/tmp/shots/training-clustering-result-bottom.png");
        assertThat(dialogs.errors).isEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------------

    private void openTrainingPage(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        waitFor(() -> find(robot, "#trainingPage").tryQuery().isPresent());
        waitFor(() -> find(robot, "#datasetChoice").queryComboBox().getValue() != null);
    }

    private void chooseAlgorithm(FxRobot robot, String name) throws Exception {
        choose(robot, "#algorithmChoice", name);
        ComboBox<?> algorithms = find(robot, "#algorithmChoice").queryComboBox();
        waitFor(() -> algorithms.getValue() != null && name.equals(((Algorithm) algorithms.getValue()).displayName()));
    }

    /** Opens the combo box and clicks the item whose text starts with {@code text}, as a user would. */
    private void choose(FxRobot robot, String combo, String text) throws Exception {
        ComboBox<?> box = find(robot, combo).queryComboBox();
        robot.clickOn(box);
        waitFor(() -> cellStartingWith(robot, text) != null);
        robot.clickOn(cellStartingWith(robot, text));
        waitFor(() -> !box.isShowing());
    }

    private static Node cellStartingWith(FxRobot robot, String text) {
        return robot.lookup(".combo-box-popup .list-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((javafx.scene.control.ListCell<?>) n).getText() != null
                        && ((javafx.scene.control.ListCell<?>) n).getText().startsWith(text))
                .findFirst().orElse(null);
    }

    private void scrollToBottom(FxRobot robot) throws Exception {
        javafx.scene.control.ScrollPane scroll = find(robot, "#runScroll").queryAs(javafx.scene.control.ScrollPane.class);
        WaitForAsyncUtils.asyncFx(() -> scroll.setVvalue(scroll.getVmax())).get(5, TimeUnit.SECONDS);
        waitForLayout();
    }

    private NodeQuery find(FxRobot robot, String query) {
        return robot.lookup(query);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    private static void waitForLayout() throws Exception {
        WaitForAsyncUtils.waitForFxEvents(5);
    }

    /** A bare name goes under target/screenshots; an absolute path (e.g. /tmp/shots/...) is written there. */
    private void screenshot(String name) throws Exception {
        Path file = Path.of(name).isAbsolute() ? Path.of(name) : SCREENSHOTS.resolve(name);
        Files.createDirectories(file.getParent());
        var image = WaitForAsyncUtils.asyncFx(() -> session.window().scene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }

    /** Sensor readings with a noisy non-linear target: enough rows that 5,000 boosting rounds take minutes. */
    private static Path writeWideCsv(Path file, int rows) throws IOException {
        Random r = new Random(5);
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("temperature,humidity,pressure,wind,hour,energy\n");
            for (int i = 0; i < rows; i++) {
                double t = r.nextGaussian() * 8 + 15;
                double h = r.nextDouble() * 100;
                double p = 1000 + r.nextGaussian() * 10;
                double wind = r.nextDouble() * 20;
                int hour = r.nextInt(24);
                double energy = 50 + 2 * t - 0.3 * h + Math.sin(hour / 24.0 * Math.PI * 2) * 15 + wind * wind * 0.1
                        + r.nextGaussian() * 5;
                w.write(String.format(java.util.Locale.ROOT, "%.2f,%.1f,%.1f,%.2f,%d,%.2f%n", t, h, p, wind, hour, energy));
            }
        }
        return file;
    }
}
