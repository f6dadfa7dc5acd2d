package dev.osprey.core.label;

import dev.osprey.core.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Import of files written by hand in each exchange format, the way other tools write them
 * (under src/test/resources/dev/osprey/core/label/fixtures), and of broken variants of them.
 */
class HandWrittenFixturesTest {
    @TempDir
    Path tmp;

    private static Path fixture(String name) {
        try {
            return Path.of(HandWrittenFixturesTest.class.getResource("fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture " + name, e);
        }
    }

    private static void assertBox(Box b, double left, double top, double width, double height, int label) {
        assertThat(b.left()).isCloseTo(left, within(1.0));
        assertThat(b.top()).isCloseTo(top, within(1.0));
        assertThat(b.width()).isCloseTo(width, within(1.0));
        assertThat(b.height()).isCloseTo(height, within(1.0));
        assertThat(b.label()).isEqualTo(label);
    }

    @Test
    void aClassificationManifestAsTheCloudServiceWritesIt() throws Exception {
        LabelSet set = LabelFormat.GROUNDTRUTH.read(fixture("pets.manifest"));
        assertThat(set.type()).isEqualTo(LabelTaskType.IMAGE_CLASSIFICATION);
        assertThat(set.classNames()).containsExactly("cat", "dog");
        assertThat(set.records()).extracting(LabelRecord::source).containsExactly("s3://osprey-demo/pets/images/cat-0001.jpg",
                "s3://osprey-demo/pets/images/dog-0007.jpg", "s3://osprey-demo/pets/images/cat-0013.jpg");
        assertThat(set.records()).extracting(r -> r.value()).containsExactly(new LabelValue.Classes(List.of(0)),
                new LabelValue.Classes(List.of(1)), new LabelValue.Classes(List.of(0)));
        assertThat(set.records()).extracting(LabelRecord::confidence).containsExactly(0.94, 0.88, 0.67);
        assertThat(set.records()).extracting(LabelRecord::humanAnnotated).containsExactly(true, true, false);

        // imported into a job: the machine-made line stays machine-made
        try (Engine engine = Engine.create(tmp.resolve("ws"))) {
            LabelService labels = engine.labeling();
            LabelJob job = labels.importFile("pets", LabelFormat.GROUNDTRUTH, fixture("pets.manifest"), "vendor");
            assertThat(job.items()).isEqualTo(3);
            assertThat(labels.store().annotations(job.id())).extracting(Annotation::source)
                    .containsExactly(AnnotationSource.HUMAN, AnnotationSource.HUMAN, AnnotationSource.MACHINE);
        }
    }

    @Test
    void boxAndEntityManifests() throws Exception {
        LabelSet boxes = LabelFormat.GROUNDTRUTH.read(fixture("street.manifest"));
        assertThat(boxes.type()).isEqualTo(LabelTaskType.BOUNDING_BOX);
        assertThat(boxes.classNames()).containsExactly("car", "bus");
        LabelValue.Boxes first = (LabelValue.Boxes) boxes.records().getFirst().value();
        assertThat(first.imageWidth()).isEqualTo(1280);
        assertThat(first.imageHeight()).isEqualTo(720);
        assertBox(first.boxes().get(0), 412, 301, 188, 97, 0);
        assertBox(first.boxes().get(1), 830, 260, 301, 212, 1);
        assertThat(boxes.records().getFirst().confidence()).isCloseTo(0.84, within(1e-9)); // mean of the objects'

        LabelSet people = LabelFormat.GROUNDTRUTH.read(fixture("people.manifest"));
        assertThat(people.type()).isEqualTo(LabelTaskType.NAMED_ENTITY);
        assertThat(people.classNames()).containsExactly("PER", "LOC");
        String text = people.records().getFirst().source();
        List<Span> spans = ((LabelValue.Spans) people.records().getFirst().value()).spans();
        assertThat(spans).extracting(s -> text.substring(s.start(), s.end())).containsExactly("Ada Lovelace", "Charles Babbage", "London");
        assertThat(spans).extracting(Span::label).containsExactly(0, 0, 1);
    }

    @Test
    void cocoWithImagesAnnotationsAndCategories() throws Exception {
        LabelSet set = LabelFormat.COCO.read(fixture("coco.json"));
        assertThat(set.type()).isEqualTo(LabelTaskType.BOUNDING_BOX);
        assertThat(set.classNames()).containsExactly("car", "bus");
        assertThat(set.records()).extracting(LabelRecord::source).containsExactly("frame-0042.jpg", "frame-0043.jpg", "frame-0044.jpg");
        LabelValue.Boxes first = (LabelValue.Boxes) set.records().getFirst().value();
        assertBox(first.boxes().get(0), 412, 301, 188, 97, 0);
        assertBox(first.boxes().get(1), 830.5, 260, 301, 212, 1); // category id 6 is the second category
        assertThat(((LabelValue.Boxes) set.records().get(2).value()).boxes()).isEmpty(); // an image with no objects
        assertThat(((LabelValue.Boxes) set.records().get(2).value()).imageWidth()).isEqualTo(640);
    }

    @Test
    void vocXmlWithSizeObjectAndBndbox() throws Exception {
        LabelSet set = LabelFormat.VOC.read(fixture("voc"));
        assertThat(set.classNames()).containsExactly("car", "bus");
        assertThat(set.records()).extracting(LabelRecord::source).containsExactly("frame-0042.jpg", "frame-0043.jpg");
        LabelValue.Boxes first = (LabelValue.Boxes) set.records().getFirst().value();
        assertThat(first.imageWidth()).isEqualTo(1280);
        assertBox(first.boxes().get(0), 412, 301, 188, 97, 0);
        assertBox(first.boxes().get(1), 830, 260, 301, 212, 1);
    }

    @Test
    void yoloTxtBesideTheImages() throws Exception {
        Path dir = copy("yolo", tmp.resolve("yolo"));
        for (String stem : List.of("frame-0042", "frame-0043")) {
            ImageIO.write(new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB), "png", dir.resolve(stem + ".png").toFile());
        }
        LabelSet set = LabelFormat.YOLO.read(dir);
        assertThat(set.classNames()).containsExactly("car", "bus");
        assertThat(set.records()).extracting(r -> Path.of(r.source()).getFileName().toString())
                .containsExactly("frame-0042.png", "frame-0043.png");
        LabelValue.Boxes first = (LabelValue.Boxes) set.records().getFirst().value();
        assertBox(first.boxes().get(0), 412, 301, 188, 97, 0);
        assertBox(first.boxes().get(1), 830, 260, 301, 212, 1);
        assertBox(((LabelValue.Boxes) set.records().get(1).value()).boxes().getFirst(), 420, 300, 190, 99, 0);
    }

    @Test
    void conllAndCsv() throws Exception {
        LabelSet people = LabelFormat.CONLL.read(fixture("people.conll"));
        assertThat(people.classNames()).containsExactly("PER", "LOC", "ORG");
        assertThat(people.records()).extracting(LabelRecord::source)
                .containsExactly("Ada Lovelace met Charles Babbage in London .", "Grace Hopper worked at Harvard");
        String second = people.records().get(1).source();
        assertThat(((LabelValue.Spans) people.records().get(1).value()).spans())
                .extracting(s -> second.substring(s.start(), s.end()) + "/" + people.classNames().get(s.label()))
                .containsExactly("Grace Hopper/PER", "Harvard/ORG");

        LabelSet reviews = LabelFormat.CSV.read(fixture("reviews.csv"));
        assertThat(reviews.type()).isEqualTo(LabelTaskType.TEXT_CLASSIFICATION);
        assertThat(reviews.classNames()).containsExactly("pos", "neg");
        assertThat(reviews.records()).extracting(LabelRecord::source).containsExactly("A slow start, but the ending is superb",
                "The sound kept cutting out", "\"Best film of the year\" - my mum", "Two hours I will never get back");
        assertThat(reviews.records()).extracting(LabelRecord::confidence).containsExactly(0.9, 1.0, 0.75, 1.0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GROUNDTRUTH | malformed/pets-bad-line.manifest      | pets-bad-line.manifest line 2: not JSON",
            "GROUNDTRUTH | malformed/pets-no-source.manifest     | pets-no-source.manifest line 1: no \"source-ref\" or \"source\"",
            "GROUNDTRUTH | malformed/street-no-width.manifest    | street-no-width.manifest line 1 width",
            "COCO        | malformed/coco-unknown-category.json  | category_id 9 is not in \"categories\"",
            "COCO        | malformed/coco-short-bbox.json        | bbox must be [x, y, width, height]",
            "VOC         | malformed/voc                         | frame-0042.xml: <ymin> 'three hundred' is not a number",
            "CONLL       | malformed/people-no-tag.conll         | people-no-tag.conll line 3: expected 'token TAG', found 'met'",
            "CONLL       | malformed/people-bad-tag.conll        | people-bad-tag.conll line 2: tag 'PERSON' is not O, B-X or I-X",
            "CSV         | malformed/reviews-bad-header.csv      | reviews-bad-header.csv line 1: the header must start with source,label",
            "CSV         | malformed/reviews-no-label.csv        | reviews-no-label.csv line 3: needs a source and a label"})
    void malformedVariantsNameTheLineOrField(String format, String file, String message) {
        assertThatThrownBy(() -> LabelFormat.valueOf(format).read(fixture(file)))
                .isInstanceOf(LabelException.class).hasMessageContaining(message);
    }

    @Test
    void aYoloClassOutsideClassesTxtNamesTheLine() throws Exception {
        Path dir = copy("malformed/yolo", tmp.resolve("bad-yolo"));
        ImageIO.write(new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("frame-0042.png").toFile());
        assertThatThrownBy(() -> LabelFormat.YOLO.read(dir)).isInstanceOf(LabelException.class)
                .hasMessageContaining("frame-0042.txt line 2: class 5 is not in classes.txt (2 classes)");
    }

    private static Path copy(String fixtureDir, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(fixture(fixtureDir))) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
        return to;
    }
}
