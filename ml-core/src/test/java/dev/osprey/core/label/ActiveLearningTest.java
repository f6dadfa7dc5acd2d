package dev.osprey.core.label;

import dev.osprey.core.job.JobContext;
import dev.osprey.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActiveLearningTest {
    @TempDir
    Path tmp;

    private static final String[] POS = {"great", "lovely", "excellent", "superb", "wonderful", "enjoyable"};
    private static final String[] NEG = {"awful", "terrible", "boring", "dreadful", "poor", "tedious"};
    private static final String[] FILLER = {"the", "film", "plot", "actor", "was", "really", "quite", "and", "story"};

    @Test
    void autoLabelsConfidentItemsAtTheTargetAccuracyAndQueuesTheRestLeastConfidentFirst() throws Exception {
        Random rnd = new Random(3);
        List<String> texts = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int y = rnd.nextInt(2);
            StringBuilder sb = new StringBuilder();
            int signal = rnd.nextInt(3); // 0..2 words of signal: some texts are ambiguous
            for (int w = 0; w < 6; w++) {
                sb.append(FILLER[rnd.nextInt(FILLER.length)]).append(' ');
            }
            for (int w = 0; w < signal; w++) {
                sb.append((y == 1 ? POS : NEG)[rnd.nextInt(6)]).append(' ');
            }
            texts.add(sb.toString().strip() + " #" + i);
            truth.add(y);
        }
        try (Workspace ws = Workspace.create(tmp.resolve("ws"))) {
            LabelService service = new LabelService(ws);
            LabelStore store = service.store();
            LabelJob job = store.create(new LabelJobSpec("reviews", LabelTaskType.TEXT_CLASSIFICATION,
                    LabelClass.of("neg", "pos"), "", 1), texts);
            List<LabelItem> items = store.items(job.id(), 0, 1000);
            for (int i = 0; i < 150; i++) {
                store.submit(items.get(i).id(), "ann", new LabelValue.Classes(List.of(truth.get(i))), Duration.ofSeconds(1));
            }
            ActiveLearning.Report report = new ActiveLearning(service, ws.root()).run("reviews", 0.95, 0.3, 42, JobContext.NONE);

            assertThat(report.trainedOn() + report.heldOut()).isEqualTo(150);
            assertThat(report.threshold()).isPresent();
            assertThat(report.heldOutAccuracy().getAsDouble()).isGreaterThanOrEqualTo(0.95);
            assertThat(report.autoLabelled()).isPositive();
            assertThat(report.autoLabelled() + report.queuedForPeople()).isEqualTo(250);

            int right = 0;
            int machine = 0;
            for (Annotation a : store.annotations(job.id())) {
                if (a.source() == AnnotationSource.MACHINE) {
                    machine++;
                    assertThat(a.annotator()).isEqualTo(ActiveLearning.AUTO_LABELER);
                    assertThat(a.confidence().getAsDouble()).isGreaterThanOrEqualTo(report.threshold().getAsDouble());
                    int position = store.item(a.itemId()).position();
                    right += ((LabelValue.Classes) a.value()).classes().getFirst().equals(truth.get(position)) ? 1 : 0;
                }
            }
            assertThat(machine).isEqualTo(report.autoLabelled());
            assertThat((double) right / machine).isGreaterThan(0.9);

            // people get the least confident first, and never an item the machine labelled
            List<LabelItem> next = store.queue(store.require("reviews"), "bob", 5);
            assertThat(next).allSatisfy(i -> assertThat(i.position()).isGreaterThanOrEqualTo(150));
            assertThat(store.suggestion(next.getFirst().id())).hasValueSatisfying(s ->
                    assertThat(s.confidence()).isLessThan(report.threshold().getAsDouble()));
            assertThat(store.progress(store.require("reviews")).machineLabelled()).isEqualTo(report.autoLabelled());
        }
    }

    @Test
    void refusesJobsItCannotLearnFromWithAPlainMessage() throws Exception {
        try (Workspace ws = Workspace.create(tmp.resolve("ws"))) {
            LabelService service = new LabelService(ws);
            service.store().create(new LabelJobSpec("boxes", LabelTaskType.BOUNDING_BOX, LabelClass.of("car"), "", 1), List.of("a.png"));
            service.store().create(new LabelJobSpec("few", LabelTaskType.TEXT_CLASSIFICATION, LabelClass.of("a", "b"), "", 1),
                    List.of("x", "y"));
            ActiveLearning al = new ActiveLearning(service, ws.root());
            assertThatThrownBy(() -> al.run("boxes", 0.95, 0.2, 1, JobContext.NONE))
                    .hasMessageContaining("needs a single-label classification job");
            assertThatThrownBy(() -> al.run("few", 0.95, 0.2, 1, JobContext.NONE))
                    .hasMessageContaining("label at least 20 items of at least 2 classes first");
            assertThatThrownBy(() -> al.run("few", 1.5, 0.2, 1, JobContext.NONE))
                    .hasMessageContaining("target accuracy");
        }
    }
}
