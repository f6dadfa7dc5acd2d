package dev.osprey.core.label;

import dev.osprey.core.Engine;
import dev.osprey.core.job.JobContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelsToModelTest {
    @TempDir
    Path tmp;

    @Test
    void textLabelsBecomeADatasetAndATrainingRunThatBeatsChance() throws Exception {
        try (Engine engine = Engine.create(tmp.resolve("ws"))) {
            LabelService labels = engine.labeling();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                texts.add(i % 2 == 0 ? "a lovely great film number " + i : "an awful boring film number " + i);
            }
            LabelJob job = labels.store().create(new LabelJobSpec("reviews", LabelTaskType.TEXT_CLASSIFICATION,
                    LabelClass.of("neg", "pos"), "", 1), texts);
            for (LabelItem item : labels.store().items(job.id(), 0, 100)) {
                labels.store().submit(item.id(), "ann", new LabelValue.Classes(List.of(item.position() % 2 == 0 ? 1 : 0)),
                        Duration.ofSeconds(1));
            }
            LabelsToModel.Outcome out = new LabelsToModel(engine.workspace(), labels, engine.datasets(), engine.training())
                    .train("reviews", "logistic_regression", JobContext.NONE);
            assertThat(out.dataset().name()).isEqualTo("reviews_labels");
            assertThat(out.result().metrics().get("accuracy")).isGreaterThan(0.9);
            assertThat(engine.experiments().get(out.result().runId()).status().name()).isEqualTo("FINISHED");
        }
    }

    @Test
    void imageLabelsTrainOnColourFeatures() throws Exception {
        Path images = tmp.resolve("ws-images");
        Files.createDirectories(images);
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            g.setColor(i % 2 == 0 ? new Color(200, 30 + i, 30) : new Color(30, 40, 190 + i));
            g.fillRect(0, 0, 40, 30);
            g.dispose();
            Path p = images.resolve("img" + i + ".png");
            ImageIO.write(img, "png", p.toFile());
            sources.add(p.toString());
        }
        try (Engine engine = Engine.create(tmp.resolve("ws"))) {
            LabelService labels = engine.labeling();
            LabelJob job = labels.store().create(new LabelJobSpec("colours", LabelTaskType.IMAGE_CLASSIFICATION,
                    LabelClass.of("red", "blue"), "", 1), sources);
            for (LabelItem item : labels.store().items(job.id(), 0, 100)) {
                labels.store().submit(item.id(), "ann", new LabelValue.Classes(List.of(item.position() % 2)), Duration.ofSeconds(1));
            }
            LabelsToModel.Outcome out = new LabelsToModel(engine.workspace(), labels, engine.datasets(), engine.training())
                    .train("colours", "random_forest", JobContext.NONE);
            assertThat(out.result().metrics().get("accuracy")).isGreaterThan(0.8);

            labels.store().create(new LabelJobSpec("boxes", LabelTaskType.BOUNDING_BOX, LabelClass.of("car"), "", 1), List.of("x"));
            assertThatThrownBy(() -> new LabelsToModel(engine.workspace(), labels, engine.datasets(), engine.training())
                    .train("boxes", "random_forest", JobContext.NONE)).hasMessageContaining("single-label classification jobs");
        }
    }
}
