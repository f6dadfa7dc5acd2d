package dev.osprey.app.cli;

import dev.osprey.core.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** osprey label create / import / export / consolidate / stats, in-process. */
class LabelCliTest {
    @TempDir
    Path tmp;
    CliHarness cli;
    String ws;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliHarness(tmp.resolve("home"), tmp);
        Workspace.create(tmp.resolve("ws")).close();
        ws = tmp.resolve("ws").toString();
    }

    private CliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-w");
        all.add(ws);
        return cli.run(all.toArray(String[]::new));
    }

    @Test
    void importConsolidateStatsAndExportAManifest() throws IOException {
        Path ann = tmp.resolve("ann.csv");
        Files.writeString(ann, "source,label\ngreat film,pos\ndull,neg\nfine,pos\nawful,neg\n");
        Path bob = tmp.resolve("bob.csv");
        Files.writeString(bob, "source,label\ngreat film,pos\ndull,neg\nfine,neg\nawful,neg\n");
        CliHarness.Result r = run("label", "import", "--job", "reviews", "--format", "csv", "--annotator", "ann", ann.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Job 'reviews' now has 4 items.");

        r = run("label", "list");
        assertThat(r.out()).contains("reviews", "text-classification");

        r = run("label", "consolidate", "--job", "reviews");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Consolidated 4 items");
        assertThat(tmp.resolve("ws/labeling/reviews/output.manifest")).exists();

        r = run("label", "stats", "--job", "reviews");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Job reviews: 4 items, 4 annotated", "Krippendorff's alpha", "ann");

        Path out = tmp.resolve("out.manifest");
        r = run("label", "export", "--job", "reviews", "--format", "groundtruth", "--output", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).contains("\"source\":\"great film\"", "\"reviews\":", "\"class-name\":\"pos\"",
                "\"human-annotated\":\"yes\"", "\"job-name\":\"labeling-job/reviews\"", "\"creation-date\"");
    }

    @Test
    void createsATextJobAndRefusesBadInputWithOneLine() throws IOException {
        Path texts = tmp.resolve("texts.jsonl");
        Files.writeString(texts, "{\"text\":\"Ada lived in London\"}\n{\"text\":\"Alan lived in Wilmslow\"}\n");
        CliHarness.Result r = run("label", "create", "--job", "people", "--type", "named-entity", "--classes", "PER,LOC",
                "--texts", texts.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Created labeling job 'people' with 2 items.");

        r = run("label", "create", "--job", "people", "--type", "named-entity", "--classes", "PER,LOC", "--texts", texts.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("already exists");

        r = run("label", "create", "--job", "x", "--type", "bounding-box", "--classes", "car", "--texts", texts.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("labels images: use --images");

        r = run("label", "stats", "--job", "nope");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no labeling job named 'nope'");

        Path broken = tmp.resolve("broken.manifest");
        Files.writeString(broken, "{oops\n");
        r = run("label", "import", "--job", "b", "--format", "groundtruth", broken.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("broken.manifest line 1: not JSON");

        r = run("label", "export", "--job", "people", "--format", "coco", "--output", tmp.resolve("c.json").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("COCO holds bounding boxes");
    }

    @Test
    void autoLabelsAndTrainsFromTheCommandLine() throws IOException {
        StringBuilder csv = new StringBuilder("source,label\n");
        for (int i = 0; i < 120; i++) {
            String text = (i % 2 == 0 ? "lovely great superb" : "awful boring dreadful") + " film " + i;
            if (i < 60) {
                csv.append(text).append(',').append(i % 2 == 0 ? "pos" : "neg").append('\n');
            }
        }
        Path labelled = tmp.resolve("labelled.csv");
        Files.writeString(labelled, csv);
        assertThat(run("label", "import", "--job", "reviews", "--format", "csv", "--annotator", "ann", labelled.toString())
                .exitCode()).isZero();
        CliHarness.Result r = run("label", "auto", "--job", "reviews");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Trained on", "held back");

        r = run("label", "train", "--job", "reviews");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Dataset reviews_labels", "accuracy");
    }
}
