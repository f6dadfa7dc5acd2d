package dev.osprey.app.tune;

import dev.osprey.app.AppHome;
import dev.osprey.app.StudioPages;
import dev.osprey.app.automl.AutoMlViewModel;
import dev.osprey.app.automl.CandidateRow;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.app.shell.StudioSession;
import dev.osprey.core.Engine;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.train.Algorithm;
import dev.osprey.core.tune.Trial;
import dev.osprey.core.tune.TuningJob;
import dev.osprey.core.tune.TuningStatus;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Tuning page through the real main window on the exam-score sample: a small random search
 * fills the trials table and the charts and its best trial is registered; a long search stops and
 * keeps its finished trials; Hyperband shows the trials that wait at a rung; a short AutoML run
 * fills the leaderboard. Saves screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class TuningUiTest {
    private static final Path SHOTS = Path.of("/tmp/shots");

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
    void aSmallRandomSearchFillsTheDashboardAndRegistersItsBest(FxRobot robot) throws Exception {
        openTuningPage(robot);
        assertThat(find(robot, "#tuneTargetChoice").queryComboBox().getValue()).isEqualTo(SampleWorkspace.TARGET);
        assertThat(find(robot, "#tuneProblemType").queryAs(Label.class).getText()).isEqualTo("Regression (inferred)");
        chooseAlgorithm(robot, "Decision tree (CART)");
        // the algorithm's default space fills the form
        assertThat(find(robot, "#paramName-0").queryAs(TextField.class).getText()).isEqualTo("max_depth");
        assertThat(find(robot, "#paramName-1").queryAs(TextField.class).getText()).isEqualTo("node_size");

        // an inverted range is refused as it is typed, with the engine's words, and Start is off
        replaceText(robot, "#paramLow-0", "40");
        Label error = find(robot, "#paramError-0").queryAs(Label.class);
        waitFor(error::isVisible);
        assertThat(error.getText()).contains("inverted");
        assertThat(find(robot, "#startTuning").queryButton().isDisabled()).isTrue();
        replaceText(robot, "#paramLow-0", "2");
        waitFor(() -> !error.isVisible());

        choose(robot, "#strategyChoice", "Random");
        replaceText(robot, "#maxTrials", "8");
        choose(robot, "#threadsChoice", "1 thread per trial");
        assertThat(find(robot, "#threadsChoice").queryComboBox().getValue()).isEqualTo(1);
        screenshot("tuning-form.png");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        TuningView view = tuningView(robot);
        Label state = find(robot, "#tuneState").queryAs(Label.class);
        waitFor(() -> List.of("Done", "Failed", "Stopped").contains(state.getText()));
        assertThat(state.getText()).as(find(robot, "#tuneMessage").queryAs(Label.class).getText() + " / "
                + view.model().failureProperty().get() + " / " + dialogs.errors).isEqualTo("Done");
        waitForLayout();
        TableView<?> table = find(robot, "#trialsTable").queryTableView();
        assertThat(table.getItems()).hasSize(8);
        assertThat(table.getColumns()).extracting(c -> c.getText()).contains("#", "state", "rmse \u2193", "max_depth", "node_size");
        long complete = view.model().trials().stream().filter(TrialRow::isComplete).count();
        assertThat(complete).isEqualTo(8);
        assertThat(view.bestChart().plotted()).isEqualTo(8);
        assertThat(view.parallel().drawnLines()).isEqualTo(8);
        assertThat(view.model().importanceProperty().get()).containsOnlyKeys("max_depth", "node_size");
        screenshot("tuning-done.png");
        scrollTo(robot, 0.5);
        screenshot("tuning-done-charts.png");

        scrollTo(robot, 1);
        replaceText(robot, "#tuneModelName", "exam-tuned");
        robot.clickOn(find(robot, "#registerBest").queryButton());
        waitFor(() -> !find(robot, "#tuneRegistered").queryAs(Label.class).getText().isEmpty());
        assertThat(find(robot, "#tuneRegistered").queryAs(Label.class).getText()).isEqualTo("Registered: exam-tuned version 1");
        List<ModelVersion> versions = session.context().engine().registry().versions("exam-tuned");
        assertThat(versions).hasSize(1);
        TuningJob job = session.context().engine().tuning().jobs().getFirst();
        Trial best = session.context().engine().tuning().trials(job.id()).stream()
                .filter(t -> t.number() == job.bestTrial().orElseThrow()).findFirst().orElseThrow();
        assertThat(versions.getFirst().run()).isEqualTo(best.run());
        // the job is listed for re-opening
        ListViewProbe.waitForItems(robot, "#tuningJobs", 1);
        scrollTo(robot, 1);
        screenshot("tuning-registered.png");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void stopKeepsTheFinishedTrials(FxRobot robot) throws Exception {
        openTuningPage(robot);
        assertThat(((Algorithm) find(robot, "#tuneAlgorithmChoice").queryComboBox().getValue()).id()).isEqualTo("xgboost");
        replaceText(robot, "#maxTrials", "200");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        TuningView view = tuningView(robot);
        waitFor(() -> view.model().trials().stream().filter(TrialRow::isComplete).count() >= 4);
        waitForLayout();
        assertThat(find(robot, "#tuneState").queryAs(Label.class).getText()).isEqualTo("Running");
        screenshot("tuning-running.png");
        scrollTo(robot, 0.5);
        screenshot("tuning-running-charts.png");

        scrollTo(robot, 0);
        robot.clickOn(find(robot, "#stopTuning").queryButton());
        waitFor(() -> "Stopped".equals(find(robot, "#tuneState").queryAs(Label.class).getText()));
        Engine engine = session.context().engine();
        TuningJob job = engine.tuning().jobs().getFirst();
        assertThat(job.status()).isEqualTo(TuningStatus.STOPPED);
        List<Trial> kept = engine.tuning().trials(job.id());
        assertThat(kept.stream().filter(Trial::isComplete).count()).isGreaterThanOrEqualTo(4);
        assertThat(kept.size()).isLessThan(200);
        waitFor(() -> view.model().trials().size() == kept.size());
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void hyperbandShowsTrialsPausedAtTheirRungAndAStopEndsThemPruned(FxRobot robot) throws Exception {
        openTuningPage(robot);
        assertThat(((Algorithm) find(robot, "#tuneAlgorithmChoice").queryComboBox().getValue()).id()).isEqualTo("xgboost");
        choose(robot, "#strategyChoice", "Hyperband (ASHA)");
        replaceText(robot, "#maxTrials", "300");
        TuningView view = tuningView(robot);
        // a pause can be short: remember every paused row the table was given, on the FX thread
        java.util.Set<String> pausedTexts = java.util.concurrent.ConcurrentHashMap.newKeySet();
        WaitForAsyncUtils.asyncFx(() -> view.model().trials().addListener(
                (javafx.collections.ListChangeListener<TrialRow>) c -> c.getList().stream().filter(TrialRow::isPaused)
                        .forEach(r -> pausedTexts.add(r.stateText())))).get(5, TimeUnit.SECONDS);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        // the table and the message line come from the same batch of events
        waitFor(() -> view.model().trials().stream().filter(TrialRow::isPaused).count() >= 2
                && view.model().messageProperty().get().contains("paused at a rung"), 60);
        waitForLayout();
        screenshot("tuning-paused.png");
        assertThat(pausedTexts).isNotEmpty().allMatch(t -> t.matches("paused at \\d+"));

        robot.clickOn(find(robot, "#stopTuning").queryButton());
        waitFor(() -> "Stopped".equals(find(robot, "#tuneState").queryAs(Label.class).getText()));
        Engine engine = session.context().engine();
        List<Trial> kept = engine.tuning().trials(engine.tuning().jobs().getFirst().id());
        // the trials that were waiting at the rung when the job stopped end there, pruned
        assertThat(kept).anyMatch(t -> t.state() == dev.osprey.core.tune.TrialState.PRUNED);
        waitFor(() -> view.model().trials().size() == kept.size() && view.model().trials().stream().noneMatch(TrialRow::isPaused));
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aShortAutoMlRunFillsTheLeaderboard(FxRobot robot) throws Exception {
        openTuningPage(robot);
        TabPane tabs = find(robot, "#tuningTabs").queryAs(TabPane.class);
        robot.clickOn(robot.lookup(".tab").nth(1).queryAs(Node.class));
        waitFor(() -> tabs.getSelectionModel().getSelectedIndex() == 1);
        waitFor(() -> find(robot, "#automlTargetChoice").queryComboBox().getValue() != null);
        assertThat(find(robot, "#automlTargetChoice").queryComboBox().getValue()).isEqualTo(SampleWorkspace.TARGET);
        replaceText(robot, "#automlMinutes", "0.25");
        robot.clickOn(find(robot, "#startAutoml").queryButton());
        TableView<?> board = find(robot, "#leaderboard").queryTableView();
        waitFor(() -> !board.getItems().isEmpty());
        waitFor(() -> "Done".equals(find(robot, "#automlState").queryAs(Label.class).getText()), 120);
        waitForLayout();
        assertThat(board.getItems()).anyMatch(r -> ((CandidateRow) r).rank() == 1);
        CandidateRow winner = (CandidateRow) board.getItems().getFirst();
        assertThat(winner.value()).isPresent();
        screenshot("automl-done.png");

        AutoMlViewModel model = automlModel(robot);
        AtomicReference<String> copied = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            model.setClipboard(copied::set);
            model.copyAsNotebookCell(winner);
        }).get(5, TimeUnit.SECONDS);
        assertThat(copied.get()).contains("exam_scores").contains(winner.algorithm());

        replaceText(robot, "#automlModelName", "exam-auto");
        robot.clickOn(find(robot, "#automlRegister").queryButton());
        waitFor(() -> !find(robot, "#automlRegistered").queryAs(Label.class).getText().isEmpty());
        assertThat(session.context().engine().registry().versions("exam-auto")).hasSize(1);
        screenshot("automl-registered.png");
        assertThat(dialogs.errors).isEmpty();
    }

    // --- helpers ------------------------------------------------------------------------------------

    private void openTuningPage(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        waitFor(() -> find(robot, "#tuningPage").tryQuery().isPresent());
        waitFor(() -> find(robot, "#tuneDatasetChoice").queryComboBox().getValue() != null);
        waitFor(() -> find(robot, "#tuneAlgorithmChoice").queryComboBox().getValue() != null);
    }

    private TuningView tuningView(FxRobot robot) {
        return find(robot, "#tuningView").queryAs(TuningView.class);
    }

    private AutoMlViewModel automlModel(FxRobot robot) {
        javafx.scene.Node node = find(robot, "#automlView").queryAs(Node.class);
        return (AutoMlViewModel) node.getProperties().get(AutoMlViewModel.class);
    }

    private void chooseAlgorithm(FxRobot robot, String name) throws Exception {
        choose(robot, "#tuneAlgorithmChoice", name);
        ComboBox<?> algorithms = find(robot, "#tuneAlgorithmChoice").queryComboBox();
        waitFor(() -> algorithms.getValue() != null && name.equals(((Algorithm) algorithms.getValue()).displayName()));
    }

    private void choose(FxRobot robot, String combo, String text) throws Exception {
        ComboBox<?> box = find(robot, combo).queryComboBox();
        robot.clickOn(box);
        waitFor(() -> cellStartingWith(robot, text) != null);
        robot.clickOn(cellStartingWith(robot, text));
        waitFor(() -> !box.isShowing());
    }

    private static Node cellStartingWith(FxRobot robot, String text) {
        return robot.lookup(".combo-box-popup .list-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((ListCell<?>) n).getText() != null && ((ListCell<?>) n).getText().startsWith(text))
                .findFirst().orElse(null);
    }

    private void replaceText(FxRobot robot, String query, String text) throws Exception {
        TextField field = find(robot, query).queryAs(TextField.class);
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
        waitFor(() -> text.equals(field.getText()));
    }

    private void scrollTo(FxRobot robot, double v) throws Exception {
        ScrollPane scroll = find(robot, "#tuneScroll").queryAs(ScrollPane.class);
        WaitForAsyncUtils.asyncFx(() -> scroll.setVvalue(v * scroll.getVmax())).get(5, TimeUnit.SECONDS);
        waitForLayout();
    }

    private NodeQuery find(FxRobot robot, String query) {
        return robot.lookup(query);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        waitFor(condition, 60);
    }

    static void waitFor(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private static void waitForLayout() throws Exception {
        WaitForAsyncUtils.waitForFxEvents(5);
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        var image = WaitForAsyncUtils.asyncFx(() -> session.window().scene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name).toFile());
    }

    /** Waits for a list view to show a number of items. */
    private static final class ListViewProbe {
        static void waitForItems(FxRobot robot, String query, int n) throws Exception {
            javafx.scene.control.ListView<?> list = robot.lookup(query).queryListView();
            waitFor(() -> list.getItems().size() >= n);
        }
    }
}
