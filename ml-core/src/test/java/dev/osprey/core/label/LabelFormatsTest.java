package dev.osprey.core.label;

import dev.osprey.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LabelFormatsTest {
    @TempDir
    Path tmp;

    private static LabelSet boxes(Path imageDir) throws Exception {
        Files.createDirectories(imageDir);
        ImageIO.write(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "png", imageDir.resolve("a.png").toFile());
        ImageIO.write(new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB), "png", imageDir.resolve("b.png").toFile());
        return new LabelSet(LabelTaskType.BOUNDING_BOX, List.of("car", "person"), List.of(
                new LabelRecord(imageDir.resolve("a.png").toString(), new LabelValue.Boxes(List.of(
                        new Box(10, 20, 100, 50, 0), new Box(300, 200, 40, 120, 1)), 640, 480), 1.0, true),
                new LabelRecord(imageDir.resolve("b.png").toString(), new LabelValue.Boxes(List.of(
                        new Box(0, 0, 32, 20, 1)), 320, 200), 1.0, true)));
    }

    private static void assertSameBoxes(LabelSet read, LabelSet written) {
        assertThat(read.type()).isEqualTo(LabelTaskType.BOUNDING_BOX);
        assertThat(read.classNames()).containsExactlyElementsOf(written.classNames());
        assertThat(read.records()).hasSameSizeAs(written.records());
        for (int i = 0; i < read.records().size(); i++) {
            LabelValue.Boxes r = (LabelValue.Boxes) read.records().get(i).value();
            LabelValue.Boxes w = (LabelValue.Boxes) written.records().get(i).value();
            assertThat(Path.of(read.records().get(i).source()).getFileName())
                    .isEqualTo(Path.of(written.records().get(i).source()).getFileName());
            assertThat(r.imageWidth()).isEqualTo(w.imageWidth());
            assertThat(r.imageHeight()).isEqualTo(w.imageHeight());
            assertThat(r.boxes()).hasSameSizeAs(w.boxes());
            for (int j = 0; j < r.boxes().size(); j++) {
                assertThat(r.boxes().get(j).label()).isEqualTo(w.boxes().get(j).label());
                assertThat(r.boxes().get(j).iou(w.boxes().get(j))).isCloseTo(1.0, within(1e-4));
            }
        }
    }

    @Test
    void boxFormatsRoundTrip() throws Exception {
        LabelSet set = boxes(tmp.resolve("images"));
        for (LabelFormat f : List.of(LabelFormat.GROUNDTRUTH, LabelFormat.COCO, LabelFormat.YOLO, LabelFormat.VOC)) {
            Path out = tmp.resolve("out-" + f);
            f.write(set, "cars", out);
            assertSameBoxes(f.read(out), set);
        }
    }

    @Test
    void classesAndEntitiesRoundTrip() throws Exception {
        LabelSet classes = new LabelSet(LabelTaskType.TEXT_CLASSIFICATION, List.of("neg", "pos"), List.of(
                new LabelRecord("awful, \"truly\"", new LabelValue.Classes(List.of(0)), 0.8, true),
                new LabelRecord("lovely", new LabelValue.Classes(List.of(1)), 1.0, false)));
        for (LabelFormat f : List.of(LabelFormat.GROUNDTRUTH, LabelFormat.CSV)) {
            Path out = tmp.resolve("c-" + f);
            f.write(classes, "reviews", out);
            LabelSet read = f.read(out);
            assertThat(read.type()).isEqualTo(LabelTaskType.TEXT_CLASSIFICATION);
            assertThat(read.records()).extracting(LabelRecord::source, LabelRecord::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("awful, \"truly\"", new LabelValue.Classes(List.of(0))),
                            org.assertj.core.groups.Tuple.tuple("lovely", new LabelValue.Classes(List.of(1))));
        }
        LabelSet entities = new LabelSet(LabelTaskType.NAMED_ENTITY, List.of("PER", "LOC"), List.of(
                new LabelRecord("Ada Lovelace lived in London", new LabelValue.Spans(List.of(
                        new Span(0, 12, 0), new Span(22, 28, 1))), 1.0, true)));
        for (LabelFormat f : List.of(LabelFormat.GROUNDTRUTH, LabelFormat.CONLL)) {
            Path out = tmp.resolve("e-" + f);
            f.write(entities, "people", out);
            LabelSet read = f.read(out);
            assertThat(read.classNames()).containsExactly("PER", "LOC");
            assertThat(read.records().getFirst().source()).isEqualTo("Ada Lovelace lived in London");
            assertThat(read.records().getFirst().value()).isEqualTo(entities.records().getFirst().value());
        }
    }

    @Test
    void handWrittenManifestInTheServicesShapeIsRead() throws Exception {
        Path manifest = tmp.resolve("output.manifest");
        Files.writeString(manifest, """
                {"source-ref":"s3://bucket/dog1.jpg","pets":1,"pets-metadata":{"class-name":"dog","confidence":0.93,"type":"groundtruth/image-classification","job-name":"labeling-job/pets","human-annotated":"yes","creation-date":"2020-05-04T20:08:06.768431"}}
                {"source-ref":"s3://bucket/cat1.jpg","pets":0,"pets-metadata":{"class-name":"cat","confidence":0.61,"type":"groundtruth/image-classification","job-name":"labeling-job/pets","human-annotated":"no","creation-date":"2020-05-04T20:08:06.768431"}}
                {"source-ref":"s3://bucket/street.jpg","bounding-box":{"image_size":[{"width":500,"height":400,"depth":3}],"annotations":[{"class_id":0,"left":111,"top":134,"width":61,"height":128}]},"bounding-box-metadata":{"objects":[{"confidence":0.8}],"class-map":{"0":"dog"},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2018-10-18T22:18:13.527256","job-name":"identify-dogs"}}
                """.lines().limit(2).reduce("", (a, b) -> a + b + "\n"));
        LabelSet set = LabelFormat.GROUNDTRUTH.read(manifest);
        assertThat(set.type()).isEqualTo(LabelTaskType.IMAGE_CLASSIFICATION);
        assertThat(set.classNames()).containsExactly("cat", "dog");
        assertThat(set.records()).extracting(LabelRecord::humanAnnotated).containsExactly(true, false);
        assertThat(set.records().getFirst().confidence()).isEqualTo(0.93);
    }

    @Test
    void malformedFilesGiveClearMessages() throws Exception {
        Path bad = tmp.resolve("bad.manifest");
        Files.writeString(bad, "{\"source-ref\":\"a.jpg\",\"x\":1,\"x-metadata\":{}}\n{not json\n");
        assertThatThrownBy(() -> LabelFormat.GROUNDTRUTH.read(bad)).hasMessageContaining("bad.manifest line 2: not JSON");

        Path noAttr = tmp.resolve("noattr.manifest");
        Files.writeString(noAttr, "{\"source-ref\":\"a.jpg\",\"x\":1}\n");
        assertThatThrownBy(() -> LabelFormat.GROUNDTRUTH.read(noAttr)).hasMessageContaining("no label attribute");

        Path coco = tmp.resolve("coco.json");
        Files.writeString(coco, "{\"images\":[{\"id\":1,\"file_name\":\"a.jpg\",\"width\":10,\"height\":10}],"
                + "\"annotations\":[{\"image_id\":9,\"category_id\":1,\"bbox\":[0,0,1,1]}],\"categories\":[{\"id\":1,\"name\":\"x\"}]}");
        assertThatThrownBy(() -> LabelFormat.COCO.read(coco)).hasMessageContaining("image_id 9 is not in \"images\"");

        Path voc = tmp.resolve("voc");
        Files.createDirectories(voc);
        Files.writeString(voc.resolve("x.xml"), "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><annotation>&e;</annotation>");
        assertThatThrownBy(() -> LabelFormat.VOC.read(voc)).hasMessageContaining("x.xml is not valid XML");

        Path conll = tmp.resolve("x.conll");
        Files.writeString(conll, "Paris B-LOC\nis X-Y\n");
        assertThatThrownBy(() -> LabelFormat.CONLL.read(conll)).hasMessageContaining("line 2: tag 'X-Y' is not O, B-X or I-X");

        Path csv = tmp.resolve("x.csv");
        Files.writeString(csv, "file,label\na,b\n");
        assertThatThrownBy(() -> LabelFormat.CSV.read(csv)).hasMessageContaining("header must start with source,label");

        Path yolo = tmp.resolve("yolo");
        Files.createDirectories(yolo);
        Files.writeString(yolo.resolve("a.txt"), "0 0.5 0.5 0.1 0.1\n");
        assertThatThrownBy(() -> LabelFormat.YOLO.read(yolo)).hasMessageContaining("no classes.txt");
        assertThatThrownBy(() -> LabelFormat.parse("pdf")).hasMessageContaining("unknown label format 'pdf'");
    }

    @Test
    void importThenExportThroughAJobKeepsTheLabels() throws Exception {
        try (Workspace ws = Workspace.create(tmp.resolve("ws"))) {
            LabelService service = new LabelService(ws);
            LabelSet set = boxes(tmp.resolve("images"));
            Path coco = tmp.resolve("in.json");
            LabelFormat.COCO.write(set, "cars", coco);
            LabelJob job = service.importFile("cars", LabelFormat.COCO, coco, "import");
            assertThat(job.items()).isEqualTo(2);
            assertThat(job.spec().type()).isEqualTo(LabelTaskType.BOUNDING_BOX);

            Path manifest = tmp.resolve("out.manifest");
            assertThat(service.export("cars", LabelFormat.GROUNDTRUTH, manifest)).isEqualTo(2);
            assertSameBoxes(LabelFormat.GROUNDTRUTH.read(manifest), set);

            Path csv = tmp.resolve("classes.csv");
            Files.writeString(csv, "source,label\nx.png,dog\n");
            assertThatThrownBy(() -> service.importFile("cars", LabelFormat.CSV, csv, "import"))
                    .hasMessageContaining("holds IMAGE_CLASSIFICATION labels; job 'cars' is BOUNDING_BOX");
            assertThat(service.store().require("cars").items()).isEqualTo(2);
        }
    }

    @Test
    void consolidationAndStatsOfTwoAnnotators() throws Exception {
        try (Workspace ws = Workspace.create(tmp.resolve("ws"))) {
            LabelService service = new LabelService(ws);
            LabelStore store = service.store();
            LabelJob job = store.create(new LabelJobSpec("reviews", LabelTaskType.TEXT_CLASSIFICATION,
                    LabelClass.of("neg", "pos"), "", 2), List.of("t1", "t2", "t3", "t4"));
            List<LabelItem> items = store.items(job.id(), 0, 10);
            int[] ann = {0, 1, 1, 0};
            int[] bob = {0, 1, 0, 0};
            for (int i = 0; i < 4; i++) {
                store.submit(items.get(i).id(), "ann", new LabelValue.Classes(List.of(ann[i])), Duration.ofSeconds(2));
                store.submit(items.get(i).id(), "bob", new LabelValue.Classes(List.of(bob[i])), Duration.ofSeconds(4));
            }
            store.setGold(items.get(2).id(), new LabelValue.Classes(List.of(1)));
            List<ConsolidatedLabel> labels = service.consolidate("reviews");
            assertThat(labels).hasSize(4);
            assertThat(ws.labelingDir().resolve("reviews/output.manifest")).exists();

            LabelStats stats = service.stats("reviews");
            // ann vs bob: po = 3/4; marginals ann (2 neg, 2 pos), bob (3 neg, 1 pos): pe = 0.5*0.75 + 0.5*0.25 = 0.5
            assertThat(stats.cohensKappa().getAsDouble()).isCloseTo(0.5, within(1e-9));
            assertThat(stats.krippendorffAlpha()).isPresent();
            assertThat(stats.fleissKappa()).isPresent();
            assertThat(stats.annotators().get("ann").accuracyVsGold().getAsDouble()).isEqualTo(1.0);
            assertThat(stats.annotators().get("bob").accuracyVsGold().getAsDouble()).isEqualTo(0.0);
            assertThat(stats.annotators().get("bob").meanSeconds()).isEqualTo(4.0);
            assertThat(stats.annotated()).isEqualTo(4);
        }
    }

    @Test
    void twoAnnotatorsFilesMergeOnTheSameItems() throws Exception {
        try (Workspace ws = Workspace.create(tmp.resolve("ws"))) {
            LabelService service = new LabelService(ws);
            Path ann = tmp.resolve("ann.csv");
            Files.writeString(ann, "source,label\na,pos\nb,neg\n");
            Path bob = tmp.resolve("bob.csv");
            Files.writeString(bob, "source,label\nb,pos\na,pos\nc,neg\n");
            service.importFile("j", LabelFormat.CSV, ann, "ann");
            LabelJob job = service.importFile("j", LabelFormat.CSV, bob, "bob");
            assertThat(job.items()).isEqualTo(3);
            assertThat(service.store().annotations(job.id())).hasSize(5);
            assertThat(service.stats("j").cohensKappa()).isPresent();
        }
    }
}
