package dev.osprey.core.label;

import dev.osprey.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelStoreTest {
    @TempDir
    Path tmp;

    private static LabelJobSpec pets(int perItem) {
        return new LabelJobSpec("pets", LabelTaskType.IMAGE_CLASSIFICATION, LabelClass.of("cat", "dog"),
                "Is it a cat or a dog?", perItem);
    }

    @Test
    void itemsLeaveTheQueueOnceTheyHaveEnoughAnnotations() throws Exception {
        try (Workspace ws = Workspace.create(tmp.resolve("ws"))) {
            LabelStore store = new LabelStore(ws);
            LabelJob job = store.create(pets(2), List.of("a.jpg", "b.jpg", "c.jpg"));
            List<LabelItem> ann = store.queue(job, "ann", 10);
            assertThat(ann).extracting(LabelItem::source).containsExactly("a.jpg", "b.jpg", "c.jpg");

            store.submit(ann.getFirst().id(), "ann", new LabelValue.Classes(List.of(0)), Duration.ofMillis(1200));
            assertThat(store.queue(job, "ann", 10)).extracting(LabelItem::source).containsExactly("b.jpg", "c.jpg");
            assertThat(store.queue(job, "bob", 10)).hasSize(3);

            store.submit(ann.getFirst().id(), "bob", new LabelValue.Classes(List.of(1)), Duration.ofMillis(900));
            assertThat(store.queue(job, "cy", 10)).extracting(LabelItem::source).containsExactly("b.jpg", "c.jpg");

            LabelStore.Progress p = store.progress(job);
            assertThat(p.items()).isEqualTo(3);
            assertThat(p.done()).isEqualTo(1);
            assertThat(p.perAnnotator()).isEqualTo(Map.of("ann", 1L, "bob", 1L));

            List<Annotation> all = store.annotations(job.id());
            assertThat(all).extracting(Annotation::annotator).containsExactly("ann", "bob");
            assertThat(all.getFirst().took()).isEqualTo(Duration.ofMillis(1200));
        }
    }

    @Test
    void activeLearningPrioritiesReorderTheQueue() throws Exception {
        try (Workspace ws = Workspace.create(tmp.resolve("ws"))) {
            LabelStore store = new LabelStore(ws);
            LabelJob job = store.create(pets(1), List.of("a", "b", "c"));
            List<LabelItem> items = store.items(job.id(), 0, 10);
            store.setPriorities(Map.of(items.get(2).id(), 0.9, items.get(1).id(), 0.5));
            assertThat(store.queue(job, "ann", 10)).extracting(LabelItem::source).containsExactly("c", "b", "a");
        }
    }

    @Test
    void answersThatDoNotFitTheJobAreRefusedAndNothingIsStored() throws Exception {
        try (Workspace ws = Workspace.create(tmp.resolve("ws"))) {
            LabelStore store = new LabelStore(ws);
            LabelJob job = store.create(pets(1), List.of("a"));
            long item = store.items(job.id(), 0, 1).getFirst().id();
            assertThatThrownBy(() -> store.submit(item, "ann", new LabelValue.Classes(List.of(0, 1)), Duration.ZERO))
                    .hasMessageContaining("choose one class, not 2");
            assertThatThrownBy(() -> store.submit(item, "ann", new LabelValue.Classes(List.of(5)), Duration.ZERO))
                    .hasMessageContaining("class index 5 is outside the job's 2 classes");
            assertThatThrownBy(() -> store.submit(item, "ann", new LabelValue.Spans(List.of(new Span(0, 2, 0))), Duration.ZERO))
                    .hasMessageContaining("answer is a class, not spans");
            assertThatThrownBy(() -> store.submit(item, " ", new LabelValue.Classes(List.of(0)), Duration.ZERO))
                    .hasMessageContaining("annotator needs a name");
            assertThatThrownBy(() -> store.create(pets(1), List.of("x")))
                    .hasMessageContaining("already exists");
            assertThat(store.annotations(job.id())).isEmpty();
        }
    }

    @Test
    void specsAreValidatedWithPlainMessages() {
        assertThatThrownBy(() -> new LabelJobSpec("bad name!", LabelTaskType.TEXT_CLASSIFICATION, LabelClass.of("a", "b"), "", 1))
                .hasMessageContaining("job name");
        assertThatThrownBy(() -> new LabelJobSpec("j", LabelTaskType.TEXT_CLASSIFICATION, LabelClass.of("a"), "", 1))
                .hasMessageContaining("at least two classes");
        assertThatThrownBy(() -> new LabelJobSpec("j", LabelTaskType.TEXT_CLASSIFICATION, LabelClass.of("a", "a"), "", 1))
                .hasMessageContaining("class 'a' appears twice");
        assertThatThrownBy(() -> new LabelJobSpec("j", LabelTaskType.TEXT_CLASSIFICATION, LabelClass.of("a", "b"), "", 0))
                .hasMessageContaining("annotations per item must be 1..50");
    }

    @Test
    void draftsSurviveUntilTheItemIsSubmittedAndValuesRoundTrip() throws Exception {
        try (Workspace ws = Workspace.create(tmp.resolve("ws"))) {
            LabelStore store = new LabelStore(ws);
            LabelJob job = store.create(new LabelJobSpec("boxes", LabelTaskType.BOUNDING_BOX, LabelClass.of("car"), "", 1),
                    List.of("img.png"));
            long item = store.items(job.id(), 0, 1).getFirst().id();
            LabelValue.Boxes draft = new LabelValue.Boxes(List.of(new Box(1.5, 2, 30, 40, 0)), 640, 480);
            store.saveDraft(item, "ann", draft);
            assertThat(store.draft(item, "ann")).contains(draft);
            store.submit(item, "ann", draft, Duration.ofSeconds(3));
            assertThat(store.draft(item, "ann")).isEmpty();
            assertThat(store.annotationsOf(item).getFirst().value()).isEqualTo(draft);
        }
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            LabelStore store = new LabelStore(ws);
            assertThat(store.require("boxes").spec().classes()).extracting(LabelClass::name).containsExactly("car");
            assertThatThrownBy(() -> store.require("nope")).hasMessageContaining("no labeling job named 'nope'");
        }
    }

    @Test
    void reviewCorrectionsKeepTheOriginalAndAddTheReviewersAnswer() throws Exception {
        try (Workspace ws = Workspace.create(tmp.resolve("ws"))) {
            LabelStore store = new LabelStore(ws);
            LabelJob job = store.create(pets(1), List.of("a"));
            long item = store.items(job.id(), 0, 1).getFirst().id();
            Annotation a = store.submit(item, "ann", new LabelValue.Classes(List.of(0)), Duration.ZERO);
            store.correct(a.id(), "rev", new LabelValue.Classes(List.of(1)));
            assertThat(store.annotationsOf(item)).extracting(Annotation::annotator, Annotation::review)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ann", ReviewState.CORRECTED),
                            org.assertj.core.groups.Tuple.tuple("rev", ReviewState.ACCEPTED));
        }
    }

    @Test
    void aHundredThousandItemsOpenQuickly() throws Exception {
        try (Workspace ws = Workspace.create(tmp.resolve("ws"))) {
            LabelStore store = new LabelStore(ws);
            LabelJob job = store.create(pets(1), IntStream.range(0, 100_000).mapToObj(i -> "img" + i + ".jpg").toList());
            assertThat(store.queue(job, "ann", 8)).hasSize(8).first().extracting(LabelItem::source).isEqualTo("img0.jpg");
            assertThat(store.progress(job).items()).isEqualTo(100_000);
        }
    }

    @Test
    void aReviewersAnswerOverridesTheVotes() throws Exception {
        try (Workspace ws = Workspace.create(tmp.resolve("ws"))) {
            LabelService service = new LabelService(ws);
            LabelStore store = service.store();
            LabelJob job = store.create(pets(2), List.of("a"));
            long item = store.items(job.id(), 0, 1).getFirst().id();
            store.submit(item, "ann", new LabelValue.Classes(List.of(0)), Duration.ZERO);
            store.submit(item, "bob", new LabelValue.Classes(List.of(0)), Duration.ZERO);
            store.review(item, "rev", new LabelValue.Classes(List.of(1)));
            ConsolidatedLabel c = service.consolidate("pets").getFirst();
            assertThat(c.value()).isEqualTo(new LabelValue.Classes(List.of(1)));
            assertThat(c.confidence()).isEqualTo(1.0);
        }
    }
}
