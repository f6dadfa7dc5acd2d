package dev.osprey.labeling;

import dev.osprey.core.label.Annotation;
import dev.osprey.core.label.Box;
import dev.osprey.core.label.LabelClass;
import dev.osprey.core.label.LabelJob;
import dev.osprey.core.label.LabelJobSpec;
import dev.osprey.core.label.LabelService;
import dev.osprey.core.label.LabelStore;
import dev.osprey.core.label.LabelTaskType;
import dev.osprey.core.label.LabelValue;
import dev.osprey.core.label.Span;
import dev.osprey.core.workspace.Workspace;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The labeling panel in a real scene: boxes by mouse and keys, spans by selection and keys, undo, drafts, the ? sheet. */
@ExtendWith(ApplicationExtension.class)
class LabelingPanelTest extends LabelingPanelFixture {
    @TempDir
    static Path tmp;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private LabelingPanel open(LabelStore store, LabelJob job, String annotator) throws Exception {
        return open(new LabelingSession(store, job, annotator), 1100, 720, false);
    }

    private static Point2D onScreen(ImageLabelPane pane, double ix, double iy) {
        Point2D p = pane.toScreen(ix, iy);
        return pane.localToScreen(p.getX(), p.getY());
    }

    @Test
    void tenImagesLabelledWithBoxesByMouseAndKeys(FxRobot robot) throws Exception {
        List<String> sources = streetImages(tmp.resolve("images"), 10, i -> new Color(60 + i * 15, 120, 170));
        workspace = Workspace.create(tmp.resolve("ws-boxes"));
        LabelStore store = new LabelService(workspace).store();
        LabelJob job = store.create(new LabelJobSpec("streets", LabelTaskType.BOUNDING_BOX, LabelClass.of("car", "person"),
                "Box every car and person.", 1), sources);
        LabelingPanel panel = open(store, job, "ann");
        ImageLabelPane pane = panel.imagePane();

        for (int i = 0; i < 10; i++) {
            waitShown(i + 1);
            robot.moveTo(onScreen(pane, 100, 100)).press(MouseButton.PRIMARY)
                    .moveTo(onScreen(pane, 200, 175)).moveTo(onScreen(pane, 300, 250)).release(MouseButton.PRIMARY);
            if (i == 0) {
                robot.push(KeyCode.SHORTCUT, KeyCode.Z);
                assertThat(pane.boxes()).isEmpty();
                robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.Z);
                assertThat(pane.boxes()).hasSize(1);
            }
            // the selected (just drawn) box takes the class of the key: person on odd items, car on even ones
            robot.type(i % 2 == 1 ? KeyCode.DIGIT2 : KeyCode.DIGIT1);
            if (i == 1) {
                snapshot(panel, "labeling-boxes.png");
            }
            robot.type(KeyCode.ENTER);
        }
        WaitForAsyncUtils.waitForFxEvents();
        List<Annotation> stored = store.annotations(job.id());
        assertThat(stored).hasSize(10);
        for (int i = 0; i < 10; i++) {
            LabelValue.Boxes b = (LabelValue.Boxes) stored.get(i).value();
            assertThat(b.imageWidth()).isEqualTo(800);
            assertThat(b.boxes()).hasSize(1);
            Box box = b.boxes().getFirst();
            assertThat(box.iou(new Box(100, 100, 200, 150, box.label()))).isGreaterThan(0.95);
            assertThat(box.label()).isEqualTo(i % 2);
            assertThat(stored.get(i).annotator()).isEqualTo("ann");
        }
        assertThat(panel.session().finishedProperty().get()).isTrue();
    }

    @Test
    void aDraftSurvivesAndTheShortcutSheetOpensWithQuestionMark(FxRobot robot) throws Exception {
        Path img = tmp.resolve("one.png");
        ImageIO.write(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "png", img.toFile());
        workspace = Workspace.create(tmp.resolve("ws-draft"));
        LabelStore store = new LabelService(workspace).store();
        LabelJob job = store.create(new LabelJobSpec("one", LabelTaskType.BOUNDING_BOX, LabelClass.of("car"), "", 1),
                List.of(img.toString()));
        LabelingPanel panel = open(store, job, "ann");
        waitShown(1);
        ImageLabelPane pane = panel.imagePane();
        robot.moveTo(onScreen(pane, 50, 50)).press(MouseButton.PRIMARY).moveTo(onScreen(pane, 150, 150)).release(MouseButton.PRIMARY);
        assertThat(store.draft(store.items(job.id(), 0, 1).getFirst().id(), "ann")).isPresent();

        // the studio "crashes": a new session over the same store finds the box again
        LabelingPanel again = open(store, job, "ann");
        waitShown(2);
        assertThat(again.imagePane().boxes()).hasSize(1);

        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        assertThat(again.overlayShown()).isTrue();
        snapshot(again, "labeling-shortcuts.png");
        robot.type(KeyCode.ESCAPE);
        assertThat(again.overlayShown()).isFalse();
    }

    @Test
    void tenTextsLabelledWithEntitySpans(FxRobot robot) throws Exception {
        workspace = Workspace.create(tmp.resolve("ws-text"));
        LabelStore store = new LabelService(workspace).store();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            texts.add("Ada Lovelace met Charles Babbage in London in 18" + (30 + i) + ".");
        }
        LabelJob job = store.create(new LabelJobSpec("people", LabelTaskType.NAMED_ENTITY, LabelClass.of("PER", "LOC"), "", 1), texts);
        LabelingPanel panel = open(store, job, "ann");
        for (int i = 0; i < 10; i++) {
            waitShown(i + 1);
            var area = panel.textPane().area();
            // a partial selection is widened to whole words
            WaitForAsyncUtils.asyncFx(() -> area.selectRange(1, 10)).get(5, TimeUnit.SECONDS);
            robot.type(KeyCode.DIGIT1);
            WaitForAsyncUtils.asyncFx(() -> area.selectRange(35, 41)).get(5, TimeUnit.SECONDS);
            robot.type(KeyCode.DIGIT2);
            if (i == 0) {
                snapshot(panel, "labeling-text.png");
            }
            robot.type(KeyCode.ENTER);
        }
        WaitForAsyncUtils.waitForFxEvents();
        List<Annotation> stored = store.annotations(job.id());
        assertThat(stored).hasSize(10);
        assertThat(stored).allSatisfy(a -> assertThat(((LabelValue.Spans) a.value()).spans())
                .containsExactly(new Span(0, 12, 0), new Span(36, 42, 1))); // "London", widened from a partial selection
        assertThat(stored.getFirst().took().toMillis()).isGreaterThanOrEqualTo(0);
        assertThat(within(0.0)).isNotNull();
    }
}
