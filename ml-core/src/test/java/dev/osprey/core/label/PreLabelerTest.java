package dev.osprey.core.label;

import dev.osprey.core.Engine;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.train.TrainingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pre-labeling with a model trained from labels; other models refused with the reason. */
class PreLabelerTest {
    @TempDir
    Path tmp;

    private static List<String> reviews(int n, int from) {
        List<String> texts = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            texts.add(i % 2 == 0 ? "a lovely great film, take " + i : "an awful boring film, take " + i);
        }
        return texts;
    }

    private static ModelVersion trainAndRegister(Engine engine, LabelService labels) throws Exception {
        LabelJob job = labels.store().create(new LabelJobSpec("reviews", LabelTaskType.TEXT_CLASSIFICATION,
                LabelClass.of("neg", "pos"), "", 1), reviews(60, 0));
        for (LabelItem item : labels.store().items(job.id(), 0, 100)) {
            labels.store().submit(item.id(), "ann", new LabelValue.Classes(List.of(item.position() % 2 == 0 ? 1 : 0)),
                    Duration.ofSeconds(1));
        }
        LabelsToModel.Outcome out = new LabelsToModel(engine.workspace(), labels, engine.datasets(), engine.training())
                .train("reviews", "logistic_regression", JobContext.NONE);
        return engine.registry().register(out.result().runId(), "sentiment");
    }

    @Test
    void aModelTrainedFromLabelsSuggestsClassesForTheItemsPeopleStillHaveToLabel() throws Exception {
        try (Engine engine = Engine.create(tmp.resolve("ws"))) {
            LabelService labels = engine.labeling();
            trainAndRegister(engine, labels);
            assertThat(tmp.resolve("ws/labeling/_extractors")).isDirectoryContaining("glob:**/run-*.json");

            LabelJob more = labels.store().create(new LabelJobSpec("more", LabelTaskType.TEXT_CLASSIFICATION,
                    LabelClass.of("pos", "neg"), "", 1), reviews(20, 100)); // classes in another order: matched by name
            LabelItem first = labels.store().items(more.id(), 0, 1).getFirst();
            labels.store().submit(first.id(), "ann", new LabelValue.Classes(List.of(0)), Duration.ofSeconds(1));

            List<Double> progress = new ArrayList<>();
            JobContext ctx = new JobContext() {
                public void progress(double f, String m) {
                    progress.add(f);
                }

                public void log(String line) {
                }

                public boolean isCancelled() {
                    return false;
                }

                public void onCancel(Runnable hook) {
                }
            };
            PreLabeler.Report r = new PreLabeler(engine.workspace(), labels, engine.registry()).run("more", "sentiment:1", ctx);
            assertThat(r.model().version()).isEqualTo(1);
            assertThat(r.suggested()).isEqualTo(19);
            assertThat(r.alreadyLabelled()).isEqualTo(1);
            assertThat(progress).last().isEqualTo(1.0);
            assertThat(labels.store().suggestion(first.id())).isEmpty();
            int right = 0;
            for (LabelItem item : labels.store().items(more.id(), 1, 100)) {
                LabelStore.Suggestion s = labels.store().suggestion(item.id()).orElseThrow();
                int expected = item.position() % 2 == 0 ? 0 : 1; // even texts are "lovely": pos, which is class 0 here
                right += ((LabelValue.Classes) s.value()).classes().equals(List.of(expected)) ? 1 : 0;
                assertThat(s.confidence()).isBetween(0.5, 1.0);
            }
            assertThat(right).isGreaterThanOrEqualTo(17);
            assertThat(labels.store().suggestionCount(more.id())).isEqualTo(19);

            // the latest version when none is named; an unknown version is the registry's plain message
            assertThat(new PreLabeler(engine.workspace(), labels, engine.registry()).run("more", "sentiment", JobContext.NONE)
                    .suggested()).isEqualTo(19);
            assertThatThrownBy(() -> new PreLabeler(engine.workspace(), labels, engine.registry()).run("more", "sentiment:7",
                    JobContext.NONE)).isInstanceOf(LabelException.class).hasMessageContaining("no version 7");
        }
    }

    @Test
    void modelsThatCannotPreLabelAreRefusedWithTheReason() throws Exception {
        try (Engine engine = Engine.create(tmp.resolve("ws"))) {
            LabelService labels = engine.labeling();
            trainAndRegister(engine, labels);
            PreLabeler pre = new PreLabeler(engine.workspace(), labels, engine.registry());

            // a model trained on an ordinary table knows nothing of items
            Path csv = tmp.resolve("t.csv");
            StringBuilder sb = new StringBuilder("x,label\n");
            for (int i = 0; i < 40; i++) {
                sb.append(i).append(',').append(i % 2 == 0 ? "pos" : "neg").append('\n');
            }
            Files.writeString(csv, sb);
            var ds = engine.datasets().importFile(new ImportRequest(csv, "table", null, StorageMode.COPY), JobContext.NONE);
            var result = engine.training().train(TrainingRequest.of(ds.id(), "label", "logistic_regression"), JobContext.NONE);
            engine.registry().register(result.runId(), "tabular");
            labels.store().create(new LabelJobSpec("more", LabelTaskType.TEXT_CLASSIFICATION, LabelClass.of("neg", "pos"), "", 1),
                    reviews(4, 0));
            assertThatThrownBy(() -> pre.run("more", "tabular", JobContext.NONE))
                    .hasMessageContaining("was not trained from labels").hasMessageContaining("feature extractor");

            // a job whose classes the model does not know
            labels.store().create(new LabelJobSpec("animals", LabelTaskType.TEXT_CLASSIFICATION, LabelClass.of("cat", "dog"), "", 1),
                    reviews(4, 0));
            assertThatThrownBy(() -> pre.run("animals", "sentiment", JobContext.NONE))
                    .hasMessageContaining("predicts class").hasMessageContaining("'animals' does not have");

            // an image job cannot use a text model; a box job cannot use any model
            labels.store().create(new LabelJobSpec("pics", LabelTaskType.IMAGE_CLASSIFICATION, LabelClass.of("neg", "pos"), "", 1),
                    List.of("a.png"));
            assertThatThrownBy(() -> pre.run("pics", "sentiment", JobContext.NONE)).hasMessageContaining("trained on texts");
            labels.store().create(new LabelJobSpec("cars", LabelTaskType.BOUNDING_BOX, LabelClass.of("car"), "", 1), List.of("a.png"));
            assertThatThrownBy(() -> pre.run("cars", "sentiment", JobContext.NONE)).hasMessageContaining("suggests classes only");
            assertThatThrownBy(() -> pre.run("more", "nosuch", JobContext.NONE)).isInstanceOf(LabelException.class)
                    .hasMessageContaining("nosuch");
        }
    }

    @Test
    void aDetectorsOutputBecomesBoxSuggestions() throws Exception {
        try (Engine engine = Engine.create(tmp.resolve("ws"))) {
            LabelService labels = engine.labeling();
            LabelJob job = labels.store().create(new LabelJobSpec("cars", LabelTaskType.BOUNDING_BOX, LabelClass.of("car", "bus"), "", 1),
                    List.of("street/1.jpg", "street/2.jpg"));
            Path manifest = tmp.resolve("detector.manifest");
            Files.writeString(manifest, """
                    {"source-ref":"street/2.jpg","boxes":{"image_size":[{"width":640,"height":480,"depth":3}],"annotations":[{"class_id":0,"left":10,"top":20,"width":100,"height":50}]},"boxes-metadata":{"type":"groundtruth/object-detection","class-map":{"0":"bus"},"objects":[{"confidence":0.8}],"human-annotated":"no","creation-date":"2026-01-05T10:00:00.000000","job-name":"labeling-job/detector"}}
                    """);
            int n = new PreLabeler(engine.workspace(), labels, engine.registry()).fromFile("cars", LabelFormat.GROUNDTRUTH, manifest);
            assertThat(n).isEqualTo(1);
            LabelItem second = labels.store().items(job.id(), 1, 1).getFirst();
            LabelStore.Suggestion s = labels.store().suggestion(second.id()).orElseThrow();
            assertThat(s.value()).isEqualTo(new LabelValue.Boxes(List.of(new Box(10, 20, 100, 50, 1)), 640, 480));
            assertThat(s.confidence()).isEqualTo(0.8);
            // accepted unchanged, it is recorded as model-assisted
            labels.store().submit(second.id(), "ann", s.value(), Duration.ofSeconds(2), AnnotationSource.MODEL_ASSISTED,
                    OptionalDouble.empty());
            assertThat(labels.store().annotationsOf(second.id()).getFirst().source()).isEqualTo(AnnotationSource.MODEL_ASSISTED);
            assertThat(Optional.of(labels.store().suggestionCount(job.id()))).contains(1L);
        }
    }
}
