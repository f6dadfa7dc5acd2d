package dev.osprey.labeling;

import dev.osprey.core.label.Annotation;
import dev.osprey.core.label.AnnotationSource;
import dev.osprey.core.label.Box;
import dev.osprey.core.label.LabelClass;
import dev.osprey.core.label.LabelItem;
import dev.osprey.core.label.LabelJob;
import dev.osprey.core.label.LabelJobSpec;
import dev.osprey.core.label.LabelService;
import dev.osprey.core.label.LabelStore;
import dev.osprey.core.label.LabelTaskType;
import dev.osprey.core.label.LabelValue;
import dev.osprey.core.label.ReviewState;
import dev.osprey.core.label.Span;
import dev.osprey.core.workspace.Workspace;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.Color;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Model suggestions shown pre-filled (accepted with Enter or changed with the usual keys), and review mode. */
@ExtendWith(ApplicationExtension.class)
class SuggestionsAndReviewTest extends LabelingPanelFixture {
    @TempDir
    static Path tmp;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private LabelingPanel open(LabelingSession session) throws Exception {
        return open(session, 1000, 640, true);
    }

    private static Label badge(LabelingPanel panel) {
        return (Label) panel.lookup("#suggestionBadge");
    }

    @Test
    void aTextSuggestionIsPreSelectedAcceptedWithEnterOrChangedWithAKey(FxRobot robot) throws Exception {
        workspace = Workspace.create(tmp.resolve("ws-text"));
        LabelStore store = new LabelService(workspace).store();
        LabelJob job = store.create(new LabelJobSpec("reviews", LabelTaskType.TEXT_CLASSIFICATION, LabelClass.of("neg", "pos"), "", 1),
                List.of("a lovely film", "a dull film", "no suggestion here"));
        List<LabelItem> items = store.items(job.id(), 0, 10);
        store.setSuggestions(Map.of(items.get(0).id(), new LabelStore.Suggestion(new LabelValue.Classes(List.of(1)), 0.87),
                items.get(1).id(), new LabelStore.Suggestion(new LabelValue.Classes(List.of(1)), 0.55)));
        LabelingPanel panel = open(new LabelingSession(store, job, "ann"));
        waitShown(1);
        assertThat(panel.session().valueProperty().get()).isEqualTo(new LabelValue.Classes(List.of(1)));
        assertThat(badge(panel).isVisible()).isTrue();
        assertThat(badge(panel).getText()).isEqualTo("Model suggestion: pos (87%)");
        assertThat(panel.lookup("#class-1").getPseudoClassStates()).extracting(Object::toString).contains("chosen");
        snapshot(panel, "labeling-suggestion.png");
        robot.type(KeyCode.ENTER);                       // accepted as it is

        waitShown(2);
        assertThat(badge(panel).isVisible()).isTrue();
        robot.type(KeyCode.DIGIT1);                      // the annotator disagrees
        assertThat(badge(panel).isVisible()).isFalse();
        assertThat(((Label) panel.lookup("#suggestionLine")).getText()).contains("press A to put it back");
        robot.type(KeyCode.ENTER);

        waitShown(3);
        assertThat(badge(panel).isVisible()).isFalse();
        assertThat(panel.session().valueProperty().get()).isNull();

        List<Annotation> stored = store.annotations(job.id());
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).source()).isEqualTo(AnnotationSource.MODEL_ASSISTED);
        assertThat(stored.get(0).confidence().getAsDouble()).isEqualTo(0.87);
        assertThat(stored.get(0).value()).isEqualTo(new LabelValue.Classes(List.of(1)));
        assertThat(stored.get(1).source()).isEqualTo(AnnotationSource.HUMAN);
        assertThat(stored.get(1).value()).isEqualTo(new LabelValue.Classes(List.of(0)));
    }

    @Test
    void suggestedBoxesArePreDrawnAndAReviewerCorrectsAClass(FxRobot robot) throws Exception {
        List<String> sources = streetImages(tmp.resolve("images"), 2, i -> new Color(90, 130, 170));
        workspace = Workspace.create(tmp.resolve("ws-boxes"));
        LabelStore store = new LabelService(workspace).store();
        LabelJob job = store.create(new LabelJobSpec("streets", LabelTaskType.BOUNDING_BOX, LabelClass.of("car", "bus"), "", 1), sources);
        List<LabelItem> items = store.items(job.id(), 0, 10);
        LabelValue.Boxes guess = new LabelValue.Boxes(List.of(new Box(100, 100, 200, 150, 0)), 800, 600);
        store.setSuggestions(Map.of(items.get(0).id(), new LabelStore.Suggestion(guess, 0.8)));

        LabelingPanel panel = open(new LabelingSession(store, job, "ann"));
        waitShown(1);
        assertThat(panel.imagePane().boxes()).containsExactly(new Box(100, 100, 200, 150, 0));
        assertThat(badge(panel).isVisible()).isTrue();
        snapshot(panel, "labeling-suggested-boxes.png");
        robot.type(KeyCode.ENTER);
        waitShown(2);
        assertThat(store.annotationsOf(items.get(0).id()).getFirst().source()).isEqualTo(AnnotationSource.MODEL_ASSISTED);

        // review mode: the consolidated boxes are in hand; the reviewer selects the box, makes it a bus, submits
        Map<Long, LabelStore.Suggestion> proposed = new LinkedHashMap<>();
        proposed.put(items.get(0).id(), new LabelStore.Suggestion(guess, 0.4));
        proposed.put(items.get(1).id(), new LabelStore.Suggestion(guess, 0.6));
        LabelingSession review = LabelingSession.review(store, job, "rita", items, proposed);
        shown.clear();
        LabelingPanel reviewPanel = open(review);
        waitShown(1);
        assertThat(badge(reviewPanel).getText()).isEqualTo("Consolidated answer: 1 box (40%)");
        robot.type(KeyCode.TAB).type(KeyCode.DIGIT2);
        assertThat(reviewPanel.imagePane().boxes()).extracting(Box::label).containsExactly(1);
        snapshot(reviewPanel, "labeling-review-boxes.png");
        robot.type(KeyCode.ENTER);
        waitShown(2);
        robot.type(KeyCode.ENTER);                       // the second is accepted as it is
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review.finishedProperty().get()).isTrue();

        Annotation corrected = store.annotationsOf(items.get(0).id()).getLast();
        assertThat(corrected.annotator()).isEqualTo("rita");
        assertThat(corrected.review()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(((LabelValue.Boxes) corrected.value()).boxes()).extracting(Box::label).containsExactly(1);
        Annotation accepted = store.annotationsOf(items.get(1).id()).getLast();
        assertThat(accepted.review()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(accepted.value()).isEqualTo(guess);
    }

    @Test
    void reviewingSpansKeepsTheProposedTags(FxRobot robot) throws Exception {
        workspace = Workspace.create(tmp.resolve("ws-spans"));
        LabelStore store = new LabelService(workspace).store();
        LabelJob job = store.create(new LabelJobSpec("people", LabelTaskType.NAMED_ENTITY, LabelClass.of("PER", "LOC"), "", 2),
                List.of("Ada Lovelace lived in London."));
        LabelItem item = store.items(job.id(), 0, 1).getFirst();
        LabelValue.Spans proposed = new LabelValue.Spans(List.of(new Span(0, 12, 0), new Span(22, 28, 1)));
        LabelingPanel panel = open(LabelingSession.review(store, job, "rita", List.of(item),
                Map.of(item.id(), new LabelStore.Suggestion(proposed, 0.5))));
        waitShown(1);
        assertThat(panel.textPane().spans()).containsExactlyElementsOf(proposed.spans());
        snapshot(panel, "labeling-review-spans.png");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Annotation a = store.annotationsOf(item.id()).getFirst();
        assertThat(a.value()).isEqualTo(proposed);
        assertThat(a.review()).isEqualTo(ReviewState.ACCEPTED);
    }
}
