package dev.osprey.app.labeling;

import atlantafx.base.theme.PrimerLight;
import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.fx.FxThread;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.core.Engine;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.job.JobService;
import dev.osprey.core.label.Annotation;
import dev.osprey.core.label.Box;
import dev.osprey.core.label.LabelClass;
import dev.osprey.core.label.LabelFormat;
import dev.osprey.core.label.LabelItem;
import dev.osprey.core.label.LabelJob;
import dev.osprey.core.label.LabelJobSpec;
import dev.osprey.core.label.LabelService;
import dev.osprey.core.label.LabelTaskType;
import dev.osprey.core.label.LabelValue;
import dev.osprey.core.label.LabelsToModel;
import dev.osprey.core.label.ReviewState;
import dev.osprey.labeling.LabelingPanel;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Labeling page's model assistance, box review, gold items and jobs from a dataset column. */
@ExtendWith(ApplicationExtension.class)
class LabelingAssistViewTest {
    @TempDir
    Path tmp;

    private AppContext app;
    private LabelingView view;
    private LabelingViewModel model;
    private Engine engine;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        app = new AppContext(new AppHome(tmp.resolve("home")), new JobService(1), new RecordingDialogs(), FxThread.executor());
        engine = Engine.create(tmp.resolve("ws"));
        app.switchEngine(engine);
        LabelService labels = engine.labeling();

        // a model trained from labels, registered
        StringBuilder csv = new StringBuilder("source,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 2 == 0 ? "lovely great superb" : "awful boring dreadful").append(" film ").append(i).append(',')
                    .append(i % 2 == 0 ? "pos" : "neg").append('\n');
        }
        Path labelled = tmp.resolve("labelled.csv");
        Files.writeString(labelled, csv);
        labels.importFile("reviews", LabelFormat.CSV, labelled, "ann");
        var out = new LabelsToModel(engine.workspace(), labels, engine.datasets(), engine.training())
                .train("reviews", "logistic_regression", JobContext.NONE);
        engine.registry().register(out.result().runId(), "sentiment");
        labels.store().create(new LabelJobSpec("fresh", LabelTaskType.TEXT_CLASSIFICATION, LabelClass.of("neg", "pos"), "", 1),
                List.of("a lovely superb film", "an awful dreadful film", "a great film"));

        // a box job two annotators labelled
        Files.createDirectories(tmp.resolve("ws/data/street"));
        for (int i = 0; i < 2; i++) {
            BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            g.setColor(new java.awt.Color(80, 120, 160));
            g.fillRect(0, 0, 640, 480);
            g.setColor(java.awt.Color.ORANGE);
            g.fillRect(100, 100, 200, 120);
            g.dispose();
            ImageIO.write(img, "png", tmp.resolve("ws/data/street/f" + i + ".png").toFile());
        }
        LabelJob boxes = labels.store().create(new LabelJobSpec("streets", LabelTaskType.BOUNDING_BOX, LabelClass.of("car", "bus"), "", 2),
                List.of("data/street/f0.png", "data/street/f1.png"));
        for (LabelItem item : labels.store().items(boxes.id(), 0, 10)) {
            labels.store().submit(item.id(), "ann", new LabelValue.Boxes(List.of(new Box(100, 100, 200, 120, 0)), 640, 480),
                    Duration.ofSeconds(3));
            labels.store().submit(item.id(), "bob", new LabelValue.Boxes(List.of(new Box(104, 98, 196, 124, 1)), 640, 480),
                    Duration.ofSeconds(4));
        }
        Path tickets = tmp.resolve("tickets.csv");
        Files.writeString(tickets, "id,body\n1,Printer is on fire\n2,\n3,Cannot log in\n4,Password expired\n");
        engine.datasets().importFile(new ImportRequest(tickets, "tickets", null, StorageMode.COPY), JobContext.NONE);

        model = new LabelingViewModel(app, Executors.newSingleThreadExecutor());
        view = new LabelingView(model, app.dialogs());
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1280, 900));
        stage.sizeToScene();
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

    private void select(FxRobot robot, String job) throws Exception {
        waitUntil(() -> model.jobs().stream().anyMatch(j -> j.name().equals(job)));
        robot.interact(() -> model.selectedProperty().set(model.jobs().stream().filter(j -> j.name().equals(job)).findFirst().orElseThrow()));
        waitUntil(() -> model.summaryProperty().get() != null && model.summaryProperty().get().job().name().equals(job));
    }

    @Test
    void preLabelsWithARegisteredModelAndExplainsARefusal(FxRobot robot) throws Exception {
        select(robot, "fresh");
        waitUntil(() -> model.prelabel().models().contains("sentiment:1"));
        robot.clickOn("#prelabelMenu").clickOn("#prelabel-sentiment-1");
        waitUntil(() -> model.prelabel().statusProperty().get().startsWith("Model sentiment v1 suggested a class for 3 items"));
        LabelJob fresh = engine.labeling().store().require("fresh");
        List<LabelItem> items = engine.labeling().store().items(fresh.id(), 0, 10);
        assertThat(engine.labeling().store().suggestion(items.get(0).id()).orElseThrow().value())
                .isEqualTo(new LabelValue.Classes(List.of(1)));
        assertThat(robot.lookup("#prelabelStatus").queryLabeled().isVisible()).isTrue();
        waitUntil(() -> model.summaryProperty().get().suggestions() == 3);
        assertThat(robot.lookup("#jobProgress").queryLabeled().getText()).contains("3 with a model's suggestion");
        snapshot("labeling-prelabel.png");

        // the annotator then sees the suggestion pre-selected and takes it with Enter
        robot.doubleClickOn("#annotatorName").write("cy");
        robot.clickOn("#startLabeling");
        waitUntil(() -> robot.lookup("#labelingPanel").tryQuery().isPresent());
        LabelingPanel panel = robot.lookup("#labelingPanel").queryAs(LabelingPanel.class);
        waitUntil(() -> panel.session().itemProperty().get() != null);
        assertThat(panel.session().suggestedProperty().get()).isTrue();
        robot.type(KeyCode.ENTER);
        waitUntil(() -> panel.session().submittedProperty().get() == 1);
        assertThat(engine.labeling().store().annotationsOf(items.get(0).id()).getFirst().source().name()).isEqualTo("MODEL_ASSISTED");
        robot.type(KeyCode.ESCAPE);

        // a box job cannot take a classifier's suggestions: the reason is shown
        select(robot, "streets");
        robot.clickOn("#prelabelMenu").clickOn("#prelabel-sentiment-1");
        waitUntil(() -> model.prelabel().statusProperty().get().contains("suggests classes only"));
    }

    @Test
    void aCancelledPreLabelingSaysSo(FxRobot robot) throws Exception {
        select(robot, "fresh");
        CountDownLatch release = new CountDownLatch(1);
        app.jobs().submit("occupy the only worker", ctx -> release.await(30, TimeUnit.SECONDS));
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<String>> f = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> f.set(model.prelabel("sentiment:1")));
        assertThat(model.prelabel().runningProperty().get()).isTrue();
        robot.clickOn("#prelabelCancel");
        release.countDown();
        waitUntil(() -> !model.prelabel().runningProperty().get());
        assertThat(model.prelabel().statusProperty().get()).isEqualTo("Pre-labeling cancelled; the suggestions made so far are kept.");
        waitUntil(() -> f.get().isDone());
        assertThat(f.get()).isCompletedWithValue("Pre-labeling cancelled; the suggestions made so far are kept.");
    }

    @Test
    void boxesAreReviewedInThePanelAndAnItemIsMarkedGold(FxRobot robot) throws Exception {
        select(robot, "streets");
        robot.interact(() -> robot.lookup("#reviewFilter").queryAs(ChoiceBox.class).setValue("All labelled items"));
        robot.interact(() -> robot.lookup("#labelingScroll").queryAs(ScrollPane.class).setVvalue(1.0));
        ListView<?> list = robot.lookup("#reviewQueue").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(2);
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#reviewInPanel");
        waitUntil(() -> robot.lookup("#labelingPanel").tryQuery().isPresent());
        LabelingPanel panel = robot.lookup("#labelingPanel").queryAs(LabelingPanel.class);
        waitUntil(() -> panel.session().itemProperty().get() != null && !panel.imagePane().boxes().isEmpty());
        assertThat(panel.session().isReview()).isTrue();
        // the annotators disagree on the class, so consolidation keeps both boxes; the reviewer deletes the car
        assertThat(panel.imagePane().boxes()).extracting(Box::label).containsExactlyInAnyOrder(0, 1);
        robot.type(KeyCode.TAB);
        if (panel.imagePane().boxes().get(panel.imagePane().selectedIndex()).label() != 0) {
            robot.type(KeyCode.TAB);
        }
        robot.type(KeyCode.DELETE);
        assertThat(panel.imagePane().boxes()).extracting(Box::label).containsExactly(1);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> panel.session().submittedProperty().get() == 1);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#labelingPanel").tryQuery().isEmpty());
        LabelJob streets = engine.labeling().store().require("streets");
        LabelItem first = engine.labeling().store().items(streets.id(), 0, 1).getFirst();
        Annotation reviewed = engine.labeling().store().annotationsOf(first.id()).getLast();
        assertThat(reviewed.review()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(((LabelValue.Boxes) reviewed.value()).boxes()).extracting(Box::label).containsExactly(1);

        // the reviewed item's answer becomes gold; bob (who said bus) is now right on it, ann is not
        waitUntil(() -> model.summaryProperty().get() != null);
        robot.interact(() -> robot.lookup("#reviewFilter").queryAs(ChoiceBox.class).setValue("All labelled items"));
        robot.interact(() -> robot.lookup("#labelingScroll").queryAs(ScrollPane.class).setVvalue(1.0));
        ListView<?> again = robot.lookup("#reviewQueue").queryAs(ListView.class);
        robot.interact(() -> again.getSelectionModel().select(0));
        robot.clickOn("#markGold");
        waitUntil(() -> model.messageProperty().get().contains("is gold now"));
        waitUntil(() -> model.summaryProperty().get().stats().goldItems() == 1);
        var figures = model.summaryProperty().get().stats().annotators();
        assertThat(figures.get("bob").accuracyVsGold().getAsDouble()).isEqualTo(1.0);
        assertThat(figures.get("ann").accuracyVsGold().getAsDouble()).isEqualTo(0.0);
        assertThat(robot.lookup("#agreement").queryLabeled().getText()).contains("1 gold item(s)");
        robot.interact(() -> robot.lookup("#reviewFilter").queryAs(ChoiceBox.class).setValue("Gold items"));
        assertThat(robot.lookup("#reviewQueue").queryAs(ListView.class).getItems()).hasSize(1);
        snapshot("labeling-review-gold.png");
    }

    @Test
    void createsATextJobFromADatasetColumn(FxRobot robot) throws Exception {
        waitUntil(() -> model.datasets().contains("tickets"));
        robot.clickOn("#newJobName").write("triage");
        robot.interact(() -> robot.lookup("#newJobType").queryAs(ChoiceBox.class).setValue(LabelTaskType.TEXT_CLASSIFICATION));
        robot.clickOn("#newJobClasses").write("hw, account");
        @SuppressWarnings("unchecked")
        ComboBox<String> dataset = robot.lookup("#newJobDataset").queryAs(ComboBox.class);
        robot.interact(() -> dataset.setValue("tickets"));
        @SuppressWarnings("unchecked")
        ComboBox<String> column = robot.lookup("#newJobColumn").queryAs(ComboBox.class);
        waitUntil(() -> column.getItems().contains("body"));
        robot.interact(() -> column.setValue("body"));
        snapshot("labeling-new-from-dataset.png");
        robot.clickOn("#newJobFromDataset");
        waitUntil(() -> model.summaryProperty().get() != null && model.summaryProperty().get().job().name().equals("triage"));
        assertThat(model.summaryProperty().get().job().items()).isEqualTo(3);
        assertThat(robot.lookup("#newJobName").queryAs(TextField.class).getText()).isEqualTo("triage");
    }

    private void snapshot(String name) throws Exception {
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
